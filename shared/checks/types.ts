import type { TableKey } from '../tables/types';

/** 错误 blocks a final export; 提示 is a warning; 信息 is for the record. */
export type Severity = '错误' | '提示' | '信息';
export const SEVERITIES: readonly Severity[] = ['错误', '提示', '信息'];

/**
 * One addend of a comparison. `$row` and `$col` stand for the row and column the rule is
 * being checked on; an omitted table is the rule's own.
 */
export interface CellOperand {
  readonly kind: 'cell';
  readonly table?: TableKey;
  readonly row?: string;
  readonly column?: string;
  readonly sign?: -1;
}

export type Operand =
  | CellOperand
  /** Σ of the rows directly below `$row` in the rule's table (类 = Σ 款, 合计 = Σ 类). */
  | { readonly kind: 'children'; readonly column?: string }
  /** Σ of the 表六 detail rows whose 部门经济科目 is one of `deptNames`. */
  | { readonly kind: 'economicItems'; readonly deptNames: readonly string[]; readonly column: string }
  /** Σ of 表六 公用经费 on rows whose 政府经济科目 is a 机关商品和服务支出 (502) item. */
  | { readonly kind: 'agencyPublicCosts' };

/** Which rows of the rule's table a rule is checked on. */
export type RowFilter =
  | { readonly kind: 'keys'; readonly keys: readonly string[] }
  /** Every row, the 合计 row included. */
  | { readonly kind: 'all' }
  /** Checked once, on cells named in full. */
  | { readonly kind: 'once' }
  /** Rows with rows below them; the 合计 row only when `includeTotal`. */
  | { readonly kind: 'parents'; readonly includeTotal: boolean }
  /** The 30 支出功能分类 类 rows of 表一/表四. */
  | { readonly kind: 'functionRows' }
  /** The 科目 codes listed in any of these tables (the union), and the 合计 row if asked. */
  | { readonly kind: 'codesOf'; readonly tables: readonly TableKey[]; readonly includeTotal: boolean };

interface RuleBase {
  /** As in tables-spec.md §5 (T2.2, X4 …); a variant of one identity gets a suffix (X8b). */
  readonly id: string;
  readonly severity: Severity;
  /** What the rule says, in the words of the budget system. */
  readonly title: string;
}

export interface ComparisonPair {
  readonly left: readonly Operand[];
  readonly right: readonly Operand[];
}

/** Σ left (= or ≤) Σ right for each pair, checked on each selected row and column. */
export interface ComparisonRule extends RuleBase {
  readonly kind: 'compare';
  readonly table: TableKey;
  readonly rows: RowFilter;
  /** Values of `$col`; a rule whose operands name their columns has none. */
  readonly columns: readonly string[];
  readonly relation: '=' | '≤';
  readonly pairs: readonly ComparisonPair[];
}

/** Two tables list exactly the same 科目 codes (X4). */
export interface SameCodesRule extends RuleBase {
  readonly kind: 'sameCodes';
  readonly tables: readonly [TableKey, TableKey];
}

/** A table is empty exactly when an amount is zero (X25). */
export interface EmptinessRule extends RuleBase {
  readonly kind: 'emptiness';
  readonly emptyTable: TableKey;
  readonly amount: readonly CellOperand[];
}

/** Every unit listed in 表十一 has projects in 表十二 (X26). */
export interface UnitsListedRule extends RuleBase {
  readonly kind: 'unitsInProjects';
}

/** A table without any amount is printed with 注：本表无数据 (E.1). */
export interface EmptyTableRule extends RuleBase {
  readonly kind: 'emptyTable';
}

export type RuleDefinition =
  ComparisonRule | SameCodesRule | EmptinessRule | UnitsListedRule | EmptyTableRule;
