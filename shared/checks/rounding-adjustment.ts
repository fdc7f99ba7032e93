/**
 * 尾差调整: the figures to print so that every printed table adds up exactly.
 *
 * Rounding each cell to 0.01 万元 on its own makes printed sums miss by a few 0.01 (the seeds'
 * defect, tables-spec.md §6). Here each total keeps its own rounding (or the figure the user
 * set), its parts share it out by the largest-remainder method, top-down through every
 * vertical sum of a table; every computed cell is then derived again from the printed parts,
 * so row sums and the derived 表一 and 表四 add up too. Stored amounts are not touched: this
 * is a view for printing, recomputed from them whenever asked.
 */
import { type Fen, FEN_PER_PRINTED_CENT, toPrintedCents } from '../money';
import { TABLE_KEYS, type TableKey } from '../tables/types';
import type { StoredCell, WorkbookContent } from '../workbook/content';
import {
  type EvaluatedWorkbook,
  cellId,
  evaluateWorkbook,
  formulaOf,
  layoutWorkbook,
} from '../workbook/evaluate';

export interface PrintAdjustment {
  readonly table: TableKey;
  readonly row: string;
  readonly column: string;
  /** The cell rounded on its own, in printed units of 0.01 万元. */
  readonly roundedCents: number;
  /** What is printed instead. */
  readonly printedCents: number;
}

export interface AdjustedPrint {
  /** The workbook as printed: every amount a whole 0.01 万元, every sum exact. */
  readonly evaluated: EvaluatedWorkbook;
  readonly adjustments: readonly PrintAdjustment[];
}

/** Parts of a vertical sum within one table: rows below a row, or the terms of a fixed-row formula. */
function verticalParts(
  layouts: ReturnType<typeof layoutWorkbook>,
  table: TableKey,
  row: string,
  column: string,
): string[] {
  const layout = layouts[table];
  const shape = layout.byKey.get(row);
  if (!shape) return [];
  const terms = formulaOf(layout.definition, shape, column) ?? [];
  const isVertical = terms.every(
    (term) => (term.table ?? table) === table && term.column === column && term.sign === undefined,
  );
  return isVertical ? terms.map((term) => term.row) : [];
}

/**
 * Shares `targetCents` among parts worth `values` (分): each gets its value rounded down, and
 * the units still missing go to the largest remainders.
 */
export function largestRemainder(values: readonly Fen[], targetCents: number): number[] {
  const cents = values.map((value) => Math.floor(value / FEN_PER_PRINTED_CENT));
  const entries = values.map((value, index) => ({
    index,
    value,
    remainder: value - (cents[index] ?? 0) * FEN_PER_PRINTED_CENT,
  }));
  let missing = targetCents - cents.reduce((sum, cent) => sum + cent, 0);
  // Usually 0 ≤ missing < parts. A total the user set may ask for more, or for less: then the
  // smallest remainders give units back. Ties go to the larger part, whose relative change is smaller.
  const step = missing > 0 ? 1 : -1;
  const order = entries.sort(
    (a, b) => step * (b.remainder - a.remainder) || b.value - a.value || a.index - b.index,
  );
  for (let turn = 0; missing !== 0 && order.length > 0; turn++) {
    const entry = order[turn % order.length];
    if (!entry) break;
    cents[entry.index] = (cents[entry.index] ?? 0) + step;
    missing -= step;
  }
  return cents;
}

export function adjustForPrint(content: WorkbookContent): AdjustedPrint {
  const exact = evaluateWorkbook(content);
  const layouts = layoutWorkbook(content);
  const printedInputs = new Map<string, number>();

  const rowsByKey = new Map(
    TABLE_KEYS.map((table) => [table, new Map(exact[table].rows.map((row) => [row.key, row]))]),
  );
  const valueOf = (table: TableKey, row: string, column: string): Fen =>
    rowsByKey.get(table)?.get(row)?.cells[column]?.fen ?? 0;
  const allocate = (table: TableKey, row: string, column: string, targetCents: number): void => {
    const parts = verticalParts(layouts, table, row, column);
    if (parts.length === 0) {
      printedInputs.set(cellId({ table, row, column }), targetCents);
      return;
    }
    const shares = largestRemainder(
      parts.map((part) => valueOf(table, part, column)),
      targetCents,
    );
    parts.forEach((part, index) => allocate(table, part, column, shares[index] ?? 0));
  };

  const derivedColumns = new Map(
    TABLE_KEYS.map((table) => [
      table,
      new Set(layouts[table].definition.columnFormulas.map((formula) => formula.column)),
    ]),
  );
  // Cells that are the sum of parts down their column, and cells that are such a part.
  const sums = new Set<string>();
  const parts = new Set<string>();
  for (const table of TABLE_KEYS) {
    for (const row of exact[table].rows) {
      for (const column of Object.keys(row.cells)) {
        const below = verticalParts(layouts, table, row.key, column);
        if (below.length > 0) sums.add(cellId({ table, row: row.key, column }));
        for (const part of below) parts.add(cellId({ table, row: part, column }));
      }
    }
  }
  for (const table of TABLE_KEYS) {
    for (const row of exact[table].rows) {
      for (const [column, cell] of Object.entries(row.cells)) {
        const id = cellId({ table, row: row.key, column });
        if (parts.has(id) || derivedColumns.get(table)?.has(column) || cell.fen === null) continue;
        allocate(table, row.key, column, toPrintedCents(cell.fen));
      }
    }
  }

  // Inputs take their printed share and every other cell is derived from them again. An
  // overridden sum has passed its figure down to its parts, so the override goes; so does one
  // of a 合计 column, which prints as the sum of its row's printed parts.
  const cells: StoredCell[] = content.cells.flatMap((cell) => {
    const isSum = sums.has(cellId(cell)) || derivedColumns.get(cell.table)?.has(cell.column) === true;
    if (cell.origin === 'override' && isSum) return [];
    const cents =
      cell.origin === 'input'
        ? (printedInputs.get(cellId(cell)) ?? toPrintedCents(cell.fen))
        : toPrintedCents(cell.fen);
    return [{ ...cell, fen: cents * FEN_PER_PRINTED_CENT }];
  });
  const printed = evaluateWorkbook({ ...content, cells });

  const adjustments: PrintAdjustment[] = [];
  for (const table of TABLE_KEYS) {
    printed[table].rows.forEach((row, index) => {
      const exactRow = exact[table].rows[index];
      for (const [column, cell] of Object.entries(row.cells)) {
        const exactFen = exactRow?.cells[column]?.fen ?? null;
        if (exactFen === null && cell.fen === null) continue;
        const roundedCents = exactFen === null ? 0 : toPrintedCents(exactFen);
        const printedCents = cell.fen === null ? 0 : toPrintedCents(cell.fen);
        if (roundedCents !== printedCents)
          adjustments.push({ table, row: row.key, column, roundedCents, printedCents });
      }
    });
  }
  return { evaluated: printed, adjustments };
}
