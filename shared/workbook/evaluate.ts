import { AppError } from '../errors';
import { type Fen, sumAmounts } from '../money';
import { TABLE_DEFINITIONS, amountColumnsOfSide, tableTitle } from '../tables/definitions';
import { TABLE_KEYS, type FormulaTerm, type TableDefinition, type TableKey } from '../tables/types';
import type { StoredCell, WorkbookContent } from './content';
import { type RowShape, buildTableRows } from './table-rows';

/**
 * input: typed by the user; computed: follows from a formula and cannot be typed over;
 * overridden: a computed cell whose value the user replaced explicitly (shown as such).
 */
export type CellState = 'input' | 'computed' | 'overridden';

export interface EvaluatedCell {
  readonly fen: Fen | null;
  readonly state: CellState;
  /** For an overridden cell: what the formula gives. */
  readonly computedFen?: Fen | null;
  /** Rests on a 万元 figure rounded to 0.01, so sums of such cells may be off by 尾差. */
  readonly isRounded: boolean;
}

export interface EvaluatedRow extends RowShape {
  readonly cells: Readonly<Record<string, EvaluatedCell>>;
}

export interface EvaluatedTable {
  readonly definition: TableDefinition;
  readonly year: number;
  readonly title: string;
  readonly rows: readonly EvaluatedRow[];
  /** No amount at all: the table is printed with 注：本表无数据. */
  readonly isEmpty: boolean;
}

export type EvaluatedWorkbook = Readonly<Record<TableKey, EvaluatedTable>>;

export interface CellAddress {
  readonly table: TableKey;
  readonly row: string;
  readonly column: string;
}

export function cellId(address: CellAddress): string {
  return `${address.table}|${address.row}|${address.column}`;
}

/**
 * Called for each computed cell that has no override, with the formula's value; a different
 * value returned becomes an override. Importing a published table uses it to keep the
 * published figure where it disagrees with the sum of its parts.
 */
export type Reconcile = (address: CellAddress, computed: Fen | null) => Fen | null | undefined;

/** The formula of a cell, or null for an input cell. Precedence: cell, column, then tree formulas. */
export function formulaOf(
  definition: TableDefinition,
  row: RowShape,
  column: string,
): readonly FormulaTerm[] | null {
  const cellFormula = definition.cellFormulas.find(
    (entry) => entry.row === row.key && entry.column === column,
  );
  if (cellFormula) return cellFormula.formula.terms;
  const columnFormula = definition.columnFormulas.find((entry) => entry.column === column);
  if (columnFormula && amountColumnsOfSide(definition, row.side).includes(column)) {
    return columnFormula.sumOf.map((source) => ({ row: row.key, column: source }));
  }
  if (row.kind === 'total' || row.kind === 'economicClass' || row.childKeys.length > 0) {
    return row.childKeys.map((child) => ({ row: child, column }));
  }
  return null;
}

interface TableLayout {
  readonly definition: TableDefinition;
  readonly rows: readonly RowShape[];
  readonly byKey: ReadonlyMap<string, RowShape>;
}

export function layoutWorkbook(content: WorkbookContent): Readonly<Record<TableKey, TableLayout>> {
  const layouts = {} as Record<TableKey, TableLayout>;
  for (const key of TABLE_KEYS) {
    const definition = TABLE_DEFINITIONS[key];
    const rows = buildTableRows(definition, content);
    layouts[key] = { definition, rows, byKey: new Map(rows.map((row) => [row.key, row])) };
  }
  return layouts;
}

/** Evaluates all thirteen tables: inputs as stored, every computed cell from its formula. */
export function evaluateWorkbook(content: WorkbookContent, reconcile?: Reconcile): EvaluatedWorkbook {
  const layouts = layoutWorkbook(content);
  const stored = new Map<string, StoredCell>(content.cells.map((cell) => [cellId(cell), cell]));
  const evaluated = new Map<string, EvaluatedCell>();
  const inProgress = new Set<string>();

  const evaluate = (address: CellAddress): EvaluatedCell => {
    const id = cellId(address);
    const known = evaluated.get(id);
    if (known) return known;
    const layout = layouts[address.table];
    const row = layout.byKey.get(address.row);
    if (row === undefined || !amountColumnsOfSide(layout.definition, row.side).includes(address.column)) {
      return { fen: null, state: 'computed', isRounded: false };
    }
    if (inProgress.has(id)) throw new Error(`公式循环引用：${id}`);
    inProgress.add(id);
    const terms = formulaOf(layout.definition, row, address.column);
    const storedCell = stored.get(id);
    let result: EvaluatedCell;
    if (terms === null) {
      const input = storedCell?.origin === 'input' ? storedCell : undefined;
      result = { fen: input?.fen ?? null, state: 'input', isRounded: input?.isRounded ?? false };
    } else {
      const values = terms.map((term) =>
        evaluate({ table: term.table ?? address.table, row: term.row, column: term.column }),
      );
      const computed = sumAmounts(
        values.map((value, index) =>
          value.fen === null || terms[index]?.sign === undefined ? value.fen : -value.fen,
        ),
      );
      if (computed !== null && !Number.isSafeInteger(computed)) {
        throw new AppError(
          'AMOUNT_OUT_OF_RANGE',
          `${layout.definition.shortName}“${row.key}”行“${address.column}”列的合计超出可处理的金额范围`,
          { table: layout.definition.shortName, row: row.key, column: address.column },
        );
      }
      const isRounded = values.some((value) => value.fen !== null && value.isRounded);
      const override = storedCell?.origin === 'override' ? storedCell.fen : reconcile?.(address, computed);
      result =
        override === undefined || (override === computed && storedCell === undefined)
          ? { fen: computed, state: 'computed', isRounded }
          : {
              fen: override,
              state: 'overridden',
              computedFen: computed,
              isRounded: storedCell?.origin === 'override' ? storedCell.isRounded : true,
            };
    }
    inProgress.delete(id);
    evaluated.set(id, result);
    return result;
  };

  const tables = {} as Record<TableKey, EvaluatedTable>;
  for (const key of TABLE_KEYS) {
    const layout = layouts[key];
    const rows = layout.rows.map((row) => {
      const cells: Record<string, EvaluatedCell> = {};
      for (const column of amountColumnsOfSide(layout.definition, row.side)) {
        cells[column] = evaluate({ table: key, row: row.key, column });
      }
      return { ...row, cells };
    });
    const title = tableTitle(layout.definition, content.profile.year);
    tables[key] = {
      definition: layout.definition,
      year: content.profile.year,
      title,
      rows,
      isEmpty: !hasAnyAmount(rows),
    };
  }
  return tables;
}

function hasAnyAmount(rows: readonly EvaluatedRow[]): boolean {
  return rows.some((row) => Object.values(row.cells).some((cell) => cell.fen !== null && cell.fen !== 0));
}
