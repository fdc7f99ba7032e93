/**
 * The thirteen tables are declared as data: the grid, the Excel importer and exporter, the PDF
 * and the 审核 rules all read these definitions (tables-spec.md §1–§5).
 */

export const TABLE_KEYS = [
  't1',
  't2',
  't3',
  't4',
  't5',
  't6',
  't7',
  't8',
  't9',
  't10',
  't11',
  't12',
  't13',
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export type Scope = '部门' | '单位';

export interface ColumnDefinition {
  /** Key of the column in the reference JSON (tables-spec.md §4). */
  readonly key: string;
  /** Header path from the top header row down to the leaf; `{year}` is the budget year. */
  readonly header: readonly string[];
  readonly kind: 'amount' | 'label';
  /** A working column kept in the workbook but not printed (e.g. which fund a carry-over is). */
  readonly isPublished: boolean;
}

/** A row of a fixed-layout table (表一, 表四, 表十). */
export interface FixedRowDefinition {
  readonly key: string;
  readonly label: string;
  /** For 表一/表四: which half of the printed line the row belongs to. */
  readonly side: 'income' | 'expenditure' | 'main';
  /** The 支出功能分类 类 code of one of the 30 expenditure rows. */
  readonly functionalClass?: string;
  /** Reference JSON: the group the row is exported in and its key there. */
  readonly jsonGroup: 'incomeRows' | 'expenditureRows' | 'carryoverRows' | 'summary' | 'rows';
  readonly jsonKey: string;
}

/** How the variable rows of a table are made. */
export type RowModel =
  | { readonly kind: 'fixed'; readonly rows: readonly FixedRowDefinition[] }
  /** 科目 rows (类/款/项) keyed by code, a 合计 row first; parents are sums of children. */
  | { readonly kind: 'subjects'; readonly classification: SubjectClassification; readonly totalLabel: string }
  /** 表六: 部门经济科目 类 rows computed from their detail rows. */
  | { readonly kind: 'economic' }
  /** 表十一: one row per unit with 机关运行经费. */
  | { readonly kind: 'units'; readonly totalLabel: string }
  /** 表十二/表十三: total → unit → project tree over the project records. */
  | { readonly kind: 'projects'; readonly projectKind: ProjectKind }
  /** 表九: 收入科目 rows and 支出功能科目 rows printed side by side under one 合计 row. */
  | { readonly kind: 'capitalOperations' };

export type SubjectClassification = 'functional' | 'revenue';
/** 本年预算 projects go to 表十二, 上年结转 projects to 表十三. */
export type ProjectKind = 'current' | 'carryover';

/** A sum of other cells; a term may be subtracted. Every computed cell is one of these. */
export interface SumFormula {
  readonly terms: readonly FormulaTerm[];
}
export interface FormulaTerm {
  readonly table?: TableKey;
  readonly row: string;
  readonly column: string;
  readonly sign?: -1;
}

/** Formulas of fixed cells, declared cell by cell. */
export interface CellFormula {
  readonly row: string;
  readonly column: string;
  readonly formula: SumFormula;
}

/** A column computed from other columns of the same row (e.g. 合计 = Σ sources). */
export interface ColumnFormula {
  readonly column: string;
  readonly sumOf: readonly string[];
}

export interface TableDefinition {
  readonly key: TableKey;
  readonly no: number;
  /** 表一 … 表十三 */
  readonly shortName: string;
  /** Title with `{year}`, e.g. `{year}年预算收支总表`. */
  readonly title: string;
  readonly rowModel: RowModel;
  /** Columns per side; tables with one side use `main`. */
  readonly columns: Readonly<Partial<Record<'income' | 'expenditure' | 'main', readonly ColumnDefinition[]>>>;
  readonly columnFormulas: readonly ColumnFormula[];
  readonly cellFormulas: readonly CellFormula[];
  /** Printed on A4 landscape when the table is too wide for portrait. */
  readonly isLandscape: boolean;
  /** The column-number row under the header of 表十二/表十三 (`1 2 3 …`). */
  readonly hasColumnNumbers: boolean;
}
