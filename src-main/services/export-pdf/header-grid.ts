/**
 * The multi-level column header of a printed table, from each column's header path
 * (`['本年收入', '合计']`): a group heading spans the adjacent columns that share it, and a
 * path shorter than the deepest one spans down to the last header row (`上年结转` beside
 * `本年收入 / 合计 …`).
 */
export interface HeaderCell {
  readonly text: string;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface HeaderGrid {
  readonly rowCount: number;
  readonly cells: readonly HeaderCell[];
}

function samePrefix(a: readonly string[], b: readonly string[], length: number): boolean {
  for (let index = 0; index < length; index++) if (a[index] !== b[index]) return false;
  return true;
}

export function headerGrid(paths: readonly (readonly string[])[]): HeaderGrid {
  const rowCount = Math.max(1, ...paths.map((entry) => entry.length));
  const cells: HeaderCell[] = [];
  for (let row = 0; row < rowCount; row++) {
    let column = 0;
    while (column < paths.length) {
      const entry = paths[column] ?? [];
      const text = entry[row];
      if (text === undefined) {
        column++;
        continue;
      }
      const isLeaf = row === entry.length - 1;
      let colSpan = 1;
      // A group heading runs over the following columns under the same group; leaves never merge.
      while (!isLeaf) {
        const next = paths[column + colSpan];
        if (next === undefined || next.length <= row + 1 || !samePrefix(entry, next, row + 1)) break;
        colSpan++;
      }
      cells.push({ text, row, column, colSpan, rowSpan: isLeaf ? rowCount - row : 1 });
      column += colSpan;
    }
  }
  return { rowCount, cells };
}

/** Text height of one header cell at the width it spans, and the space between two header rows. */
export interface HeaderMetrics {
  readonly textHeight: (cell: HeaderCell) => number;
  /** Bottom padding, rule and top padding between the texts of two adjacent rows. */
  readonly rowGap: number;
}

/**
 * How far below its top to set each cell's text (same order as `grid.cells`) so that it sits
 * in the middle of the rows it spans. pdfmake 0.3.11's `verticalAlignment` cannot do this
 * here: with `dontBreakRows` it draws a cell whose rowSpan starts below the first header row
 * inside the first body row (表四, 表九).
 */
export function middleOffsets(grid: HeaderGrid, metrics: HeaderMetrics): number[] {
  const rowHeights = Array.from({ length: grid.rowCount }, (_, row) =>
    Math.max(
      0,
      ...grid.cells.filter((cell) => cell.row === row && cell.rowSpan === 1).map(metrics.textHeight),
    ),
  );
  return grid.cells.map((cell) => {
    const spanned = rowHeights.slice(cell.row, cell.row + cell.rowSpan);
    const room = spanned.reduce((sum, height) => sum + height, 0) + (cell.rowSpan - 1) * metrics.rowGap;
    return Math.max(0, (room - metrics.textHeight(cell)) / 2);
  });
}
