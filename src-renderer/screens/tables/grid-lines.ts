/**
 * What the grid shows on each of its lines. Most tables print one row per line; 表一 and 表四
 * print an income row and an expenditure row side by side, and 表九 its 收入 and 支出 科目 under
 * one 合计 line. A line therefore holds up to one row per half of the table.
 */
import { twoSidedLines } from '../../../shared/tables/definitions';
import type { TableDefinition } from '../../../shared/tables/types';
import type { EvaluatedCell, EvaluatedRow } from '../../../shared/workbook/evaluate';

export type Half = 'income' | 'expenditure' | 'main';

export interface GridLine {
  /** Stable across refetches, so the grid keeps focus and scroll when amounts change. */
  readonly id: string;
  readonly rows: Readonly<Partial<Record<Half, EvaluatedRow>>>;
}

function lineOf(rows: Partial<Record<Half, EvaluatedRow>>): GridLine {
  return { id: `${rows.income?.key ?? ''}|${rows.expenditure?.key ?? ''}|${rows.main?.key ?? ''}`, rows };
}

/** Leaves out the halves a line has no row in. */
function halves(
  rows: Readonly<Record<'income' | 'expenditure', EvaluatedRow | undefined>>,
): Partial<Record<Half, EvaluatedRow>> {
  const present: Partial<Record<Half, EvaluatedRow>> = {};
  if (rows.income !== undefined) present.income = rows.income;
  if (rows.expenditure !== undefined) present.expenditure = rows.expenditure;
  return present;
}

export function gridLines(definition: TableDefinition, rows: readonly EvaluatedRow[]): readonly GridLine[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const pairs = twoSidedLines(definition);
  if (pairs.length > 0) {
    return pairs.map(([income, expenditure]) =>
      lineOf(
        halves({
          income: income === null ? undefined : byKey.get(income),
          expenditure: expenditure === null ? undefined : byKey.get(expenditure),
        }),
      ),
    );
  }
  if (definition.rowModel.kind === 'capitalOperations') {
    const total = rows.find((row) => row.side === 'both');
    const income = rows.filter((row) => row.side === 'income');
    const expenditure = rows.filter((row) => row.side === 'expenditure');
    const lines = [lineOf(halves({ income: total, expenditure: total }))];
    for (let index = 0; index < Math.max(income.length, expenditure.length); index++) {
      lines.push(lineOf(halves({ income: income[index], expenditure: expenditure[index] })));
    }
    return lines;
  }
  return rows.map((row) => lineOf({ main: row }));
}

/** The half of the table a column belongs to, for the definition's sides. */
export function halvesOf(definition: TableDefinition): readonly Half[] {
  return definition.columns.main !== undefined ? ['main'] : ['income', 'expenditure'];
}

export interface LineCell {
  readonly row: EvaluatedRow;
  readonly cell: EvaluatedCell | undefined;
}

/** The row of a line in one half, and its amount cell in a column (absent for label columns). */
export function lineCell(line: GridLine, half: Half, column: string): LineCell | undefined {
  const row = line.rows[half];
  return row === undefined ? undefined : { row, cell: row.cells[column] };
}

/** Where a cell of the table is on the grid: its line and the half whose column holds it. */
export function findLine(
  definition: TableDefinition,
  lines: readonly GridLine[],
  address: { readonly row: string; readonly column: string },
): { readonly index: number; readonly half: Half } | undefined {
  const halves = halvesOf(definition).filter((half) =>
    (definition.columns[half] ?? []).some((column) => column.key === address.column),
  );
  for (const [index, line] of lines.entries()) {
    const half = halves.find((candidate) => line.rows[candidate]?.key === address.row);
    if (half !== undefined) return { index, half };
  }
  return undefined;
}
