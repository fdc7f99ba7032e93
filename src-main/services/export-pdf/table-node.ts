/**
 * A printed table as a pdfmake table: merged multi-level header repeated on every page the
 * table runs over, amounts right-aligned, names wrapping in the free width so nothing is cut.
 */
import type { ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { columnWidths } from './column-widths';
import type { PrintedCell, PrintedTable } from './printed-table';
import { headerRows } from './table-header';
import { CELL_PADDING, FONT, FONT_SIZE, RULE_WIDTH } from './typography';

const RULES: CustomTableLayout = {
  hLineWidth: () => RULE_WIDTH,
  vLineWidth: () => RULE_WIDTH,
  paddingLeft: () => CELL_PADDING.horizontal,
  paddingRight: () => CELL_PADDING.horizontal,
  paddingTop: () => CELL_PADDING.vertical,
  paddingBottom: () => CELL_PADDING.vertical,
};

/** Kept as lean as pdfmake allows: a large 部门 prints thousands of these cells. */
function bodyCell(cell: PrintedCell | null): TableCell {
  if (cell === null) return {};
  if (cell.colSpan > 1) return { text: cell.text, colSpan: cell.colSpan, alignment: 'center' };
  if (cell.role === 'amount') return cell.text === '' ? '' : { text: cell.text, alignment: 'right' };
  if (cell.indent > 0) return { text: cell.text, margin: [cell.indent * FONT_SIZE.table, 0, 0, 0] };
  return cell.text;
}

export function tableNode(table: PrintedTable): ContentTable {
  const widths = columnWidths(table);
  const header = headerRows(table, widths.content);
  return {
    table: {
      headerRows: header.length,
      // A wrapped name stays with its amounts on one page.
      dontBreakRows: true,
      widths: [...widths.layout],
      body: [...header, ...table.lines.map((line) => line.map(bodyCell))],
    },
    layout: RULES,
    font: FONT.serif,
    fontSize: FONT_SIZE.table,
  };
}
