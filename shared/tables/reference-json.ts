/**
 * The thirteen tables in the JSON shape of the reference data (tables-spec.md §7): table keys
 * t1…t13, amounts as 万元 strings with two decimals, null for a blank cell. The parse
 * bookkeeping of the reference files (line numbers, header lines, issues) is not produced.
 */
import { type Fen, formatWanYuan, toPrintedCents } from '../money';
import type { WorkbookContent } from '../workbook/content';
import type { EvaluatedRow, EvaluatedTable, EvaluatedWorkbook } from '../workbook/evaluate';
import { columnsOfSide } from './definitions';
import { TABLE_KEYS, type Scope } from './types';
import { AMOUNT_UNIT_LINE, EMPTY_TABLE_NOTE } from './vocabulary';

export type JsonAmount = string | null;
type JsonRecord = Record<string, unknown>;

/** A printed amount: zero is never printed, so it is blank like an empty cell (§1.5). */
export function printedAmount(fen: Fen | null | undefined): JsonAmount {
  if (fen === null || fen === undefined || toPrintedCents(fen) === 0) return null;
  return formatWanYuan(fen);
}

export function nameLine(scope: Scope, name: string): string {
  return `${scope}名称：${name}`;
}

export function documentTitles(scope: Scope, year: number) {
  return {
    coverTitle: `${year}年度${scope}预算公开`,
    partTitle: `第二部分 ${year}年${scope}预算报表`,
  };
}

function amountsOf(table: EvaluatedTable, row: EvaluatedRow): JsonRecord {
  const amounts: JsonRecord = {};
  for (const column of columnsOfSide(table.definition, row.side)) {
    if (column.kind === 'amount' && column.isPublished)
      amounts[column.key] = printedAmount(row.cells[column.key]?.fen);
  }
  return amounts;
}

function subjectLevel(code: string): string {
  return ({ 3: '类', 5: '款', 7: '项', 9: '目' } as Record<number, string>)[code.length] ?? '';
}

function fixedRowsJson(table: EvaluatedTable): JsonRecord {
  if (table.definition.rowModel.kind !== 'fixed') return {};
  const definitions = table.definition.rowModel.rows;
  const byKey = new Map(table.rows.map((row) => [row.key, row]));
  const groups: Record<string, JsonRecord[]> = {};
  const summary: JsonRecord = {};
  let functionNo = 0;
  for (const definition of definitions) {
    const row = byKey.get(definition.key);
    if (!row) continue;
    const amounts = amountsOf(table, row);
    if (definition.jsonGroup === 'summary') {
      summary[definition.jsonKey] = { label: definition.label, ...amounts };
      continue;
    }
    const entry: JsonRecord =
      definition.functionalClass === undefined
        ? { key: definition.jsonKey, label: definition.label }
        : { no: ++functionNo, code: definition.functionalClass, label: definition.label };
    Object.assign(entry, { present: true }, amounts);
    (groups[definition.jsonGroup] ??= []).push(entry);
  }
  return Object.keys(summary).length === 0 ? groups : { ...groups, summary };
}

function treeRowsJson(table: EvaluatedTable): JsonRecord[] {
  const indexOf = new Map(table.rows.map((row, index) => [row.key, index]));
  return table.rows.map((row) => ({
    name: row.labels['name'] ?? '',
    role: row.kind === 'total' ? 'total' : row.kind,
    level: row.level,
    parent: row.parentKey === null ? null : (indexOf.get(row.parentKey) ?? null),
    ...amountsOf(table, row),
  }));
}

function rowsWithTotal(
  table: EvaluatedTable,
  toEntry: (row: EvaluatedRow) => JsonRecord,
  totalLabel: string,
) {
  const [total, ...rows] = table.rows;
  return {
    totalRow: { label: totalLabel, ...(total ? amountsOf(table, total) : {}) },
    rows: rows.map((row) => ({ ...toEntry(row), ...amountsOf(table, row) })),
  };
}

function capitalOperationsJson(table: EvaluatedTable): JsonRecord {
  const [total, ...rows] = table.rows;
  const income = rows.filter((row) => row.side === 'income');
  const expenditure = rows.filter((row) => row.side === 'expenditure');
  const lines = Array.from({ length: Math.max(income.length, expenditure.length) }, (_, index) => {
    const left = income[index];
    const right = expenditure[index];
    return {
      incCode: left?.labels['incCode'] ?? null,
      incName: left?.labels['incName'] ?? null,
      ...(left ? amountsOf(table, left) : { incAmount: null }),
      code: right?.labels['code'] ?? null,
      name: right?.labels['name'] ?? null,
      ...(right ? amountsOf(table, right) : { total: null, basic: null, project: null }),
    };
  });
  const totals = total ? Object.values(amountsOf(table, total)).filter((value) => value !== null) : [];
  return { totalRow: { label: '合计', values: totals }, rows: lines };
}

function tableJson(table: EvaluatedTable, scope: Scope, unitName: string, year: number): JsonRecord {
  const { definition } = table;
  const common: JsonRecord = {
    no: definition.no,
    name: definition.shortName,
    title: table.title,
    year,
    nameLine: nameLine(scope, unitName),
    unitLine: AMOUNT_UNIT_LINE,
    empty: table.isEmpty,
    emptyNote: table.isEmpty ? EMPTY_TABLE_NOTE : null,
    hasAmounts: !table.isEmpty,
  };
  const model = definition.rowModel;
  switch (model.kind) {
    case 'fixed':
      return { ...common, ...fixedRowsJson(table) };
    case 'subjects':
      return {
        ...common,
        ...rowsWithTotal(
          table,
          (row) => {
            const code = row.labels['code'] ?? '';
            return { code, name: row.labels['name'] ?? '', level: subjectLevel(code) };
          },
          model.totalLabel,
        ),
      };
    case 'economic':
      return {
        ...common,
        ...rowsWithTotal(
          table,
          (row) => {
            const isClass = row.kind === 'economicClass';
            const classRow = isClass ? row : table.rows.find((candidate) => candidate.key === row.parentKey);
            return {
              deptEcon: row.labels['deptEcon'] ?? '',
              govEcon: isClass ? null : row.labels['govEcon'] || null,
              isClass,
              class: classRow?.labels['deptEcon'] ?? '',
            };
          },
          '合计',
        ),
      };
    case 'units':
      return {
        ...common,
        ...rowsWithTotal(table, (row) => ({ unitName: row.labels['unitName'] ?? '' }), model.totalLabel),
      };
    case 'projects': {
      const columnCount = (definition.columns.main ?? []).length;
      const columnNumbers = Array.from({ length: columnCount }, (_, index) => index + 1).join(' ');
      return { ...common, columnNumbers, rows: treeRowsJson(table) };
    }
    case 'capitalOperations':
      return { ...common, ...capitalOperationsJson(table) };
  }
}

/** The whole workbook's tables in the reference shape. */
export function tablesToReferenceJson(content: WorkbookContent, evaluated: EvaluatedWorkbook): JsonRecord {
  const { profile } = content;
  const tables: JsonRecord = {};
  for (const key of TABLE_KEYS) {
    tables[key] = tableJson(evaluated[key], profile.scope, profile.name, profile.year);
  }
  return {
    unitName: profile.name,
    year: profile.year,
    kind: profile.scope,
    document: {
      ...documentTitles(profile.scope, profile.year),
      toc: TABLE_KEYS.map((key) => `${evaluated[key].definition.shortName}${evaluated[key].title}`),
    },
    tables,
  };
}
