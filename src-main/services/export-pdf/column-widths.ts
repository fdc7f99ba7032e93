import type { ColumnRole, PrintedTable } from './printed-table';
import { CELL_PADDING, FONT_SIZE, RULE_WIDTH, contentWidth } from './typography';

/**
 * Width of a text in em: CJK characters are 1 em, digits and ASCII at most 0.6 em in Noto Serif
 * SC (0.55 regular, 0.58 bold).
 */
export function ems(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) < 0x80 ? 0.6 : 1;
  return width;
}

/** Headings longer than this wrap onto two even lines rather than squeeze the names. */
const MAX_HEADING_EMS = 8;
/** Against rounding in pdfkit's measure: a text exactly as wide as its column must not wrap. */
const SLACK = 1;

/** Padding and rule between the contents of two adjacent cells (pdfmake widths exclude them). */
export const CELL_GAP = 2 * CELL_PADDING.horizontal + RULE_WIDTH;

export interface ColumnWidths {
  /** As pdfmake takes them: fixed content widths, '*' for the columns sharing the rest. */
  readonly layout: readonly (number | '*')[];
  /** The content width each column ends up with. */
  readonly content: readonly number[];
}

function widestCell(table: PrintedTable, role: ColumnRole): number {
  let widest = 0;
  for (const line of table.lines) {
    for (const cell of line) {
      if (cell !== null && cell.role === role && cell.colSpan === 1)
        widest = Math.max(widest, ems(cell.text));
    }
  }
  return widest;
}

/** Room for the longest heading on one line, or on two even lines (政府性基金 / 收入预算). */
function widestHeading(table: PrintedTable, role: ColumnRole): number {
  const leaves = table.columns
    .filter((column) => column.role === role)
    .map((column) => column.header.at(-1) ?? '');
  const widest = Math.max(0, ...leaves.map(ems));
  return widest <= MAX_HEADING_EMS ? widest : Math.ceil(widest / 2);
}

/**
 * Amount columns share one width and code columns another, each as wide as its longest text
 * or heading, so a number never breaks and a short heading stays on one line; the name
 * columns share what is left of the page width, and wrap.
 */
export function columnWidths(table: PrintedTable): ColumnWidths {
  const widthOf = (role: ColumnRole) =>
    Math.max(widestCell(table, role), widestHeading(table, role)) * FONT_SIZE.table + SLACK;
  const amount = widthOf('amount');
  const code = widthOf('code');
  const layout = table.columns.map((column) =>
    column.role === 'name' ? ('*' as const) : column.role === 'amount' ? amount : code,
  );
  const fixed = layout.reduce<number>((sum, width) => sum + (width === '*' ? 0 : width), 0);
  const stars = layout.filter((width) => width === '*').length;
  const gaps = table.columns.length * CELL_GAP + RULE_WIDTH;
  const star = (contentWidth(table.definition.isLandscape) - gaps - fixed) / Math.max(1, stars);
  return { layout, content: layout.map((width) => (width === '*' ? star : width)) };
}
