import type { TableCell } from 'pdfmake/interfaces';
import { CELL_GAP, ems } from './column-widths';
import { type HeaderCell, headerGrid, middleOffsets } from './header-grid';
import type { PrintedTable } from './printed-table';
import { CELL_PADDING, FONT_SIZE, RULE_WIDTH, SERIF_LINE_HEIGHT_EMS } from './typography';

/**
 * Height of a heading set in the width it spans. CJK text breaks between any two characters,
 * so the line count follows from the text's width in em.
 */
function textHeight(cell: HeaderCell, contentWidths: readonly number[]): number {
  const spanned = contentWidths.slice(cell.column, cell.column + cell.colSpan);
  const width = spanned.reduce((sum, part) => sum + part, 0) + (cell.colSpan - 1) * CELL_GAP;
  const lines = Math.max(1, Math.ceil((ems(cell.text) * FONT_SIZE.table) / width));
  return lines * SERIF_LINE_HEIGHT_EMS * FONT_SIZE.table;
}

/**
 * The header rows of a table: the merged multi-level header, each heading bold and centred
 * both ways, then for 表十二/表十三 the row of column numbers (1 2 3 …). pdfmake repeats
 * them on every page the table runs over.
 */
export function headerRows(table: PrintedTable, contentWidths: readonly number[]): TableCell[][] {
  const grid = headerGrid(table.columns.map((column) => column.header));
  const offsets = middleOffsets(grid, {
    textHeight: (cell) => textHeight(cell, contentWidths),
    rowGap: 2 * CELL_PADDING.vertical + RULE_WIDTH,
  });
  const rows: TableCell[][] = Array.from({ length: grid.rowCount }, () => table.columns.map(() => ({})));
  grid.cells.forEach((cell, index) => {
    const row = rows[cell.row];
    if (row === undefined) return;
    const offset = offsets[index] ?? 0;
    row[cell.column] = {
      text: cell.text,
      bold: true,
      alignment: 'center',
      ...(offset > 0 ? { margin: [0, offset, 0, 0] } : {}),
      ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    };
  });
  if (table.hasColumnNumbers) {
    rows.push(table.columns.map((_, index) => ({ text: String(index + 1), alignment: 'center' })));
  }
  return rows;
}
