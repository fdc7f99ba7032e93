import type { Fen } from '../money';
import type { ProjectKind, Scope, TableKey } from '../tables/types';

/** 单位类型: decides 机关运行经费 (表十一) and the 政府经济科目 names of 表六. */
export const UNIT_TYPES = ['行政', '参公', '事业'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export interface WorkbookProfile {
  /** 单位名称 or 部门名称, as printed on every table. */
  readonly name: string;
  readonly code: string | null;
  readonly year: number;
  readonly scope: Scope;
  readonly unitType: UnitType | null;
  /** 主管部门: the first row of 表十三 names it in a 单位 document (seed 004). */
  readonly supervisingDepartment: string | null;
}

/** A budget unit: the 单位 itself, or the 局本级 and subordinate units of a 部门. */
export interface Unit {
  readonly id: number;
  readonly name: string;
  readonly code: string | null;
  readonly unitType: UnitType | null;
  readonly position: number;
}

/** The name a workbook uses for a 科目编码; user-added codes are not in the catalogue. */
export interface SubjectName {
  readonly code: string;
  readonly name: string;
  readonly isUserAdded: boolean;
}

/** A detail row of 表六: a 部门经济科目 款 paired with a 政府经济科目 款. */
export interface EconomicRow {
  readonly id: number;
  /** 部门经济分类 类 code, e.g. 301 工资福利支出. */
  readonly classCode: string;
  readonly deptName: string;
  readonly govName: string | null;
  readonly position: number;
}

export interface Project {
  readonly id: number;
  readonly unitId: number;
  readonly kind: ProjectKind;
  readonly name: string;
  readonly position: number;
}

export type StoredCellOrigin = 'input' | 'override';

export interface StoredCell {
  readonly table: TableKey;
  readonly row: string;
  readonly column: string;
  readonly fen: Fen;
  readonly origin: StoredCellOrigin;
  /** A 万元 figure rounded to 0.01 (published or typed in 万元), not an exact amount in 元/分. */
  readonly isRounded: boolean;
}

/** Everything a workbook stores; the thirteen tables are evaluated from it. */
export interface WorkbookContent {
  readonly profile: WorkbookProfile;
  readonly units: readonly Unit[];
  readonly subjects: readonly SubjectName[];
  /** Which 科目/unit rows each table lists (表二/三/五/七/八/九 codes, 表十一 units). */
  readonly tableRows: readonly { readonly table: TableKey; readonly row: string }[];
  readonly economicRows: readonly EconomicRow[];
  readonly projects: readonly Project[];
  readonly cells: readonly StoredCell[];
}

/** Row keys of the dynamic rows: one spelling, used by storage, evaluation and the UI. */
export const rowKey = {
  total: 'total',
  unit: (unitId: number) => `unit:${unitId}`,
  project: (projectId: number) => `project:${projectId}`,
  economic: (rowId: number) => `econ:${rowId}`,
  economicClass: (classCode: string) => `class:${classCode}`,
  /** 表九's income half lists 收入科目 codes next to its expenditure codes. */
  capitalIncome: (code: string) => `inc:${code}`,
} as const;
