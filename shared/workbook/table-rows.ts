import { findDepartmentEconomicSubject } from '../catalogue/lookup';
import type { RowSide } from '../tables/definitions';
import type { TableDefinition } from '../tables/types';
import { type WorkbookContent, rowKey } from './content';

export type RowKind = 'fixed' | 'total' | 'subject' | 'economicClass' | 'economic' | 'unit' | 'project';

/** The structure of one row of a table, before any amount is evaluated. */
export interface RowShape {
  readonly key: string;
  readonly kind: RowKind;
  readonly side: RowSide;
  /** Depth in the table's tree: 0 for 合计 and fixed rows. */
  readonly level: number;
  readonly parentKey: string | null;
  readonly childKeys: readonly string[];
  /** Text of the label columns (科目编码, 科目名称, 项目名称 …). */
  readonly labels: Readonly<Record<string, string>>;
}

interface MutableShape extends Omit<RowShape, 'childKeys'> {
  childKeys: string[];
}

/** Lays out the rows of a table from the workbook's content, in printed order. */
export function buildTableRows(definition: TableDefinition, content: WorkbookContent): readonly RowShape[] {
  const model = definition.rowModel;
  switch (model.kind) {
    case 'fixed':
      return model.rows.map((row) => ({
        key: row.key,
        kind: 'fixed',
        side: row.side,
        level: 0,
        parentKey: null,
        childKeys: [],
        labels: { label: row.label },
      }));
    case 'subjects': {
      const total = totalShape({ code: model.totalLabel, name: '' }, 'main');
      return [total, ...subjectRows(content, definition, total, 'main', '')];
    }
    case 'capitalOperations':
      return capitalOperationRows(content, definition);
    case 'economic':
      return economicRows(content);
    case 'units':
      return unitRows(content, definition, model.totalLabel);
    case 'projects':
      return projectRows(content, model.projectKind === 'current' ? 'current' : 'carryover');
  }
}

function totalShape(labels: Record<string, string>, side: RowSide): MutableShape {
  return { key: rowKey.total, kind: 'total', side, level: 0, parentKey: null, childKeys: [], labels };
}

/** Codes are listed depth-first, which is their plain string order (201 < 20106 < 2010601 < 20133). */
function subjectRows(
  content: WorkbookContent,
  definition: TableDefinition,
  total: MutableShape,
  side: RowSide,
  prefix: string,
): MutableShape[] {
  const names = new Map(content.subjects.map((subject) => [subject.code, subject.name]));
  const codes = content.tableRows
    .filter((entry) => entry.table === definition.key && entry.row.startsWith(prefix))
    .map((entry) => entry.row.slice(prefix.length))
    .filter((code) => prefix !== '' || !code.includes(':'))
    .sort();
  const present = new Set(codes);
  const shapes = new Map<string, MutableShape>();
  const rows: MutableShape[] = [];
  const [codeColumn, nameColumn] = side === 'income' ? ['incCode', 'incName'] : ['code', 'name'];
  for (const code of codes) {
    const parentCode = nearestPresentAncestor(code, present);
    const parent = parentCode === null ? total : shapes.get(parentCode);
    if (parent === undefined) throw new Error(`科目 ${code} 的上级行缺失`);
    const shape: MutableShape = {
      key: prefix + code,
      kind: 'subject',
      side,
      level: parent.level + 1,
      parentKey: parent.key,
      childKeys: [],
      labels: { [codeColumn]: code, [nameColumn]: names.get(code) ?? '' },
    };
    parent.childKeys.push(shape.key);
    shapes.set(code, shape);
    rows.push(shape);
  }
  return rows;
}

/** 类 3 digits, 款 5, 项 7 (收入科目 also 目 9): the parent drops the last two digits. */
function nearestPresentAncestor(code: string, present: ReadonlySet<string>): string | null {
  for (let length = code.length - 2; length >= 3; length -= 2) {
    const candidate = code.slice(0, length);
    if (present.has(candidate)) return candidate;
  }
  return null;
}

function capitalOperationRows(content: WorkbookContent, definition: TableDefinition): RowShape[] {
  const total = totalShape({ incCode: '合计', code: '' }, 'both');
  const income = subjectRows(content, definition, total, 'income', rowKey.capitalIncome(''));
  const expenditure = subjectRows(content, definition, total, 'expenditure', '');
  return [total, ...income, ...expenditure];
}

function economicRows(content: WorkbookContent): RowShape[] {
  const total = totalShape({ deptEcon: '合计', govEcon: '' }, 'main');
  const byClass = new Map<string, MutableShape[]>();
  const sorted = [...content.economicRows].sort((a, b) => a.position - b.position);
  for (const row of sorted) {
    const details = byClass.get(row.classCode) ?? [];
    details.push({
      key: rowKey.economic(row.id),
      kind: 'economic',
      side: 'main',
      level: 2,
      parentKey: rowKey.economicClass(row.classCode),
      childKeys: [],
      labels: { deptEcon: row.deptName, govEcon: row.govName ?? '' },
    });
    byClass.set(row.classCode, details);
  }
  const rows: MutableShape[] = [total];
  for (const [classCode, details] of byClass) {
    const classRow: MutableShape = {
      key: rowKey.economicClass(classCode),
      kind: 'economicClass',
      side: 'main',
      level: 1,
      parentKey: total.key,
      childKeys: details.map((detail) => detail.key),
      labels: { deptEcon: findDepartmentEconomicSubject(classCode)?.name ?? classCode, govEcon: '' },
    };
    total.childKeys.push(classRow.key);
    rows.push(classRow, ...details);
  }
  return rows;
}

function unitsInOrder(content: WorkbookContent) {
  return [...content.units].sort((a, b) => a.position - b.position);
}

function unitRows(content: WorkbookContent, definition: TableDefinition, totalLabel: string): RowShape[] {
  const total = totalShape({ unitName: totalLabel }, 'main');
  const listed = new Set(
    content.tableRows.filter((entry) => entry.table === definition.key).map((entry) => entry.row),
  );
  const rows: MutableShape[] = [total];
  for (const unit of unitsInOrder(content)) {
    const key = rowKey.unit(unit.id);
    if (!listed.has(key)) continue;
    total.childKeys.push(key);
    rows.push({
      key,
      kind: 'unit',
      side: 'main',
      level: 1,
      parentKey: total.key,
      childKeys: [],
      labels: { unitName: unit.name },
    });
  }
  return rows;
}

/**
 * 表十二 and 表十三 are trees over the project records. A 部门 document has three levels
 * (部门 → 单位 → 项目); a 单位 document prints 表十二 with two (单位 → 项目) but 表十三 with three,
 * its first row naming the 主管部门 (tables-spec.md §3, 表十二/表十三).
 */
function projectRows(content: WorkbookContent, kind: 'current' | 'carryover'): RowShape[] {
  const { profile } = content;
  const hasUnitLevel = profile.scope === '部门' || kind === 'carryover';
  const topName =
    kind === 'carryover' && profile.scope === '单位'
      ? (profile.supervisingDepartment ?? profile.name)
      : profile.name;
  const total = totalShape({ name: topName }, 'main');
  const rows: MutableShape[] = [total];
  for (const unit of unitsInOrder(content)) {
    const projects = content.projects
      .filter((project) => project.unitId === unit.id && project.kind === kind)
      .sort((a, b) => a.position - b.position);
    if (projects.length === 0) continue;
    let parent = total;
    if (hasUnitLevel) {
      parent = {
        key: rowKey.unit(unit.id),
        kind: 'unit',
        side: 'main',
        level: 1,
        parentKey: total.key,
        childKeys: [],
        labels: { name: unit.name },
      };
      total.childKeys.push(parent.key);
      rows.push(parent);
    }
    for (const project of projects) {
      const key = rowKey.project(project.id);
      parent.childKeys.push(key);
      rows.push({
        key,
        kind: 'project',
        side: 'main',
        level: parent.level + 1,
        parentKey: parent.key,
        childKeys: [],
        labels: { name: project.name },
      });
    }
  }
  return rows;
}
