import type {
  CellFormula,
  ColumnDefinition,
  FixedRowDefinition,
  FormulaTerm,
  TableDefinition,
  TableKey,
} from './types';
import {
  APPROPRIATION_FUNDS,
  EXPENDITURE_FUNCTION_CLASSES,
  FUNDS,
  THREE_PUBLIC_EXPENSE_ROWS,
  chineseOrdinal,
} from './vocabulary';

function amount(key: string, ...header: string[]): ColumnDefinition {
  return { key, header, kind: 'amount', isPublished: true };
}
function label(key: string, ...header: string[]): ColumnDefinition {
  return { key, header, kind: 'label', isPublished: true };
}
function workingAmount(key: string, ...header: string[]): ColumnDefinition {
  return { key, header, kind: 'amount', isPublished: false };
}
function cell(row: string, column: string, ...terms: FormulaTerm[]): CellFormula {
  return { row, column, formula: { terms } };
}
function term(table: TableKey, row: string, column: string, sign?: -1): FormulaTerm {
  return sign === undefined ? { table, row, column } : { table, row, column, sign };
}
function sameTable(row: string, column: string): FormulaTerm {
  return { row, column };
}
function summaryRow(key: string, rowLabel: string, side: 'income' | 'expenditure'): FixedRowDefinition {
  return { key, label: rowLabel, side, jsonGroup: 'summary', jsonKey: key };
}

/** 合计 = sum of the listed columns, on every row that has the column. */
function columnSum(column: string, sumOf: readonly string[]) {
  return { column, sumOf };
}

const FUNCTION_ROWS: readonly FixedRowDefinition[] = EXPENDITURE_FUNCTION_CLASSES.map((entry, index) => ({
  key: entry.code,
  label: `${chineseOrdinal(index + 1)}${entry.name}`,
  side: 'expenditure',
  functionalClass: entry.code,
  jsonGroup: 'expenditureRows',
  jsonKey: entry.code,
}));

/** Σ over the 30 function rows of one column. */
function sumOfFunctionRows(column: string): FormulaTerm[] {
  return FUNCTION_ROWS.map((row) => sameTable(row.key, column));
}

const SOURCES_OF_INCOME = FUNDS.map((fund) => fund.key);

// ——— 表一 预算收支总表: every figure follows from 表二 and 表三 (X1–X3). ———
const T1_INCOME_ROWS: readonly FixedRowDefinition[] = FUNDS.map((fund, index) => ({
  key: fund.key,
  label: `${chineseOrdinal(index + 1)}${fund.label}`,
  side: 'income',
  jsonGroup: 'incomeRows',
  jsonKey: fund.key,
}));
/** 合计 follows from these two on every expenditure row (T1.2), so it is not summed down its column. */
const T1_EXPENDITURE_COLUMNS = ['current', 'carryover'] as const;

const t1: TableDefinition = {
  key: 't1',
  no: 1,
  shortName: '表一',
  title: '{year}年预算收支总表',
  rowModel: {
    kind: 'fixed',
    rows: [
      ...T1_INCOME_ROWS,
      summaryRow('currentYearIncome', '本年收入合计', 'income'),
      summaryRow('priorYearCarryover', '上年结转', 'income'),
      summaryRow('incomeGrandTotal', '收入总计', 'income'),
      ...FUNCTION_ROWS,
      summaryRow('currentYearExpenditure', '本年支出合计', 'expenditure'),
      summaryRow('yearEndCarryover', '年终结转', 'expenditure'),
      summaryRow('expenditureGrandTotal', '支出总计', 'expenditure'),
    ],
  },
  columns: {
    income: [label('label', '收入', '项目'), amount('amount', '收入', '{year}年')],
    expenditure: [
      label('label', '支出', '项目'),
      amount('total', '支出', '{year}年合计'),
      amount('current', '支出', '当年预算安排'),
      amount('carryover', '支出', '上年结转安排'),
    ],
  },
  // T1.2 on every expenditure row: 表一 adds up within itself even where 表三 and 表二 disagree
  // by a 尾差; X2 and X3 compare it with 表三.
  columnFormulas: [columnSum('total', ['current', 'carryover'])],
  cellFormulas: [
    ...FUNDS.map((fund) => cell(fund.key, 'amount', term('t2', 'total', fund.key))),
    cell('currentYearIncome', 'amount', ...SOURCES_OF_INCOME.map((fund) => sameTable(fund, 'amount'))),
    cell('priorYearCarryover', 'amount', term('t2', 'total', 'carryover')),
    cell(
      'incomeGrandTotal',
      'amount',
      sameTable('currentYearIncome', 'amount'),
      sameTable('priorYearCarryover', 'amount'),
    ),
    ...FUNCTION_ROWS.flatMap((row) => [
      cell(row.key, 'current', term('t2', row.key, 'total')),
      cell(row.key, 'carryover', term('t2', row.key, 'carryover')),
    ]),
    ...T1_EXPENDITURE_COLUMNS.flatMap((column) => [
      cell('currentYearExpenditure', column, ...sumOfFunctionRows(column)),
      cell(
        'expenditureGrandTotal',
        column,
        sameTable('currentYearExpenditure', column),
        sameTable('yearEndCarryover', column),
      ),
    ]),
  ],
  isLandscape: true,
  hasColumnNumbers: false,
};

// ——— 表二 预算收入总表 ———
const t2: TableDefinition = {
  key: 't2',
  no: 2,
  shortName: '表二',
  title: '{year}年预算收入总表',
  rowModel: { kind: 'subjects', classification: 'functional', totalLabel: '合计' },
  columns: {
    main: [
      label('code', '项目', '科目编码'),
      label('name', '项目', '科目名称'),
      amount('total', '本年收入', '合计'),
      amount('gpb', '本年收入', '一般公共预算'),
      amount('gfb', '本年收入', '政府性基金'),
      amount('socb', '本年收入', '国有资本经营预算'),
      amount('special', '本年收入', '财政专户管理资金'),
      amount('unitFunds', '本年收入', '单位资金'),
      amount('carryover', '上年结转'),
      // 表二 prints one 上年结转 column; 表四 needs to know which fund a carry-over belongs to
      // (tables-spec.md §2.3 note, X6/X7). The rest of the carry-over is 一般公共预算.
      workingAmount('carryoverGfb', '上年结转', '其中：政府性基金'),
      workingAmount('carryoverSocb', '上年结转', '其中：国有资本经营'),
    ],
  },
  columnFormulas: [columnSum('total', SOURCES_OF_INCOME)],
  cellFormulas: [],
  isLandscape: true,
  hasColumnNumbers: false,
};

const BASIC_AND_PROJECT = [columnSum('total', ['basic', 'project'])];

function expenditureBySubject(
  key: TableKey,
  no: number,
  shortName: string,
  title: string,
  groupHeader: string | null,
): TableDefinition {
  const group = groupHeader === null ? [] : [groupHeader];
  return {
    key,
    no,
    shortName,
    title,
    rowModel: { kind: 'subjects', classification: 'functional', totalLabel: '合计' },
    columns: {
      main: [
        label('code', ...(groupHeader === null ? [] : ['项目']), '科目编码'),
        label('name', ...(groupHeader === null ? [] : ['项目']), '科目名称'),
        amount('total', ...group, '合计'),
        amount('basic', ...group, '基本支出'),
        amount('project', ...group, '项目支出'),
      ],
    },
    columnFormulas: BASIC_AND_PROJECT,
    cellFormulas: [],
    isLandscape: false,
    hasColumnNumbers: false,
  };
}

// ——— 表四 财政拨款收支总表: 财政拨款 only; carry-over included per fund (X5–X8). ———
const T4_INCOME_ROWS = FUNDS.slice(0, 3).map((fund, index): FixedRowDefinition => ({
  key: fund.key,
  label: `${chineseOrdinal(index + 1)}${fund.label}`,
  side: 'income',
  jsonGroup: 'incomeRows',
  jsonKey: fund.key,
}));
const T4_CARRYOVER_ROWS = FUNDS.slice(0, 3).map((fund, index): FixedRowDefinition => ({
  key: `carryover.${fund.key}`,
  label: `${chineseOrdinal(index + 1)}${fund.label}`,
  side: 'income',
  jsonGroup: 'carryoverRows',
  jsonKey: fund.key,
}));
/** The share of 表二's 上年结转 that belongs to each appropriation fund (see t2's working columns). */
function carryoverOfFund(row: string, fund: (typeof APPROPRIATION_FUNDS)[number]): FormulaTerm[] {
  switch (fund) {
    case 'gpb':
      return [
        term('t2', row, 'carryover'),
        term('t2', row, 'carryoverGfb', -1),
        term('t2', row, 'carryoverSocb', -1),
      ];
    case 'gfb':
      return [term('t2', row, 'carryoverGfb')];
    case 'socb':
      return [term('t2', row, 'carryoverSocb')];
  }
}

const t4: TableDefinition = {
  key: 't4',
  no: 4,
  shortName: '表四',
  title: '{year}年财政拨款收支总表',
  rowModel: {
    kind: 'fixed',
    rows: [
      ...T4_INCOME_ROWS,
      summaryRow('currentYearIncome', '本年收入合计', 'income'),
      summaryRow('priorYearCarryover', '上年财政拨款结转', 'income'),
      ...T4_CARRYOVER_ROWS,
      summaryRow('incomeGrandTotal', '收入总计', 'income'),
      ...FUNCTION_ROWS,
      summaryRow('currentYearExpenditure', '本年支出合计', 'expenditure'),
      summaryRow('yearEndCarryover', '年终结转', 'expenditure'),
      summaryRow('expenditureGrandTotal', '支出总计', 'expenditure'),
    ],
  },
  columns: {
    income: [label('label', '收入', '项目'), amount('amount', '收入', '金额')],
    expenditure: [
      label('label', '支出', '项目'),
      amount('subtotal', '支出', '金额', '小计'),
      amount('gpb', '支出', '金额', '一般公共预算'),
      amount('gfb', '支出', '金额', '政府性基金预算'),
      amount('socb', '支出', '金额', '国有资本经营预算'),
    ],
  },
  columnFormulas: [columnSum('subtotal', APPROPRIATION_FUNDS)],
  cellFormulas: [
    ...APPROPRIATION_FUNDS.map((fund) => cell(fund, 'amount', term('t2', 'total', fund))),
    cell('currentYearIncome', 'amount', ...APPROPRIATION_FUNDS.map((fund) => sameTable(fund, 'amount'))),
    ...APPROPRIATION_FUNDS.map((fund) =>
      cell(`carryover.${fund}`, 'amount', ...carryoverOfFund('total', fund)),
    ),
    cell(
      'priorYearCarryover',
      'amount',
      ...APPROPRIATION_FUNDS.map((fund) => sameTable(`carryover.${fund}`, 'amount')),
    ),
    cell(
      'incomeGrandTotal',
      'amount',
      sameTable('currentYearIncome', 'amount'),
      sameTable('priorYearCarryover', 'amount'),
    ),
    ...FUNCTION_ROWS.flatMap((row) =>
      APPROPRIATION_FUNDS.map((fund) =>
        cell(row.key, fund, term('t2', row.key, fund), ...carryoverOfFund(row.key, fund)),
      ),
    ),
    ...APPROPRIATION_FUNDS.flatMap((fund) => [
      cell('currentYearExpenditure', fund, ...sumOfFunctionRows(fund)),
      cell(
        'expenditureGrandTotal',
        fund,
        sameTable('currentYearExpenditure', fund),
        sameTable('yearEndCarryover', fund),
      ),
    ]),
  ],
  isLandscape: true,
  hasColumnNumbers: false,
};

// ——— 表六 基本支出分经济科目 ———
const t6: TableDefinition = {
  key: 't6',
  no: 6,
  shortName: '表六',
  title: '{year}年一般公共预算安排基本支出分经济科目表（不含上年结转）',
  rowModel: { kind: 'economic' },
  columns: {
    main: [
      label('deptEcon', '部门预算支出经济科目名称'),
      label('govEcon', '政府预算支出经济科目名称'),
      amount('total', '{year}年预算数', '合计'),
      amount('personnel', '{year}年预算数', '人员经费'),
      amount('public', '{year}年预算数', '公用经费'),
    ],
  },
  columnFormulas: [columnSum('total', ['personnel', 'public'])],
  cellFormulas: [],
  isLandscape: false,
  hasColumnNumbers: false,
};

const t7: TableDefinition = {
  key: 't7',
  no: 7,
  shortName: '表七',
  title: '{year}年政府性基金预算收入表（不含上年结转）',
  rowModel: { kind: 'subjects', classification: 'revenue', totalLabel: '合计' },
  columns: {
    main: [
      label('code', '项目', '收入科目编码'),
      label('name', '项目', '科目名称'),
      amount('amount', '政府性基金收入预算'),
    ],
  },
  columnFormulas: [],
  cellFormulas: [],
  isLandscape: false,
  hasColumnNumbers: false,
};

// 表九 prints its income half and expenditure half side by side under one header.
const t9: TableDefinition = {
  key: 't9',
  no: 9,
  shortName: '表九',
  title: '{year}年国有资本经营预算收支预算表（不含上年结转）',
  rowModel: { kind: 'capitalOperations' },
  columns: {
    income: [
      label('incCode', '国有资本经营预算收入', '项目', '收入科目编码'),
      label('incName', '国有资本经营预算收入', '项目', '科目名称'),
      amount('incAmount', '国有资本经营预算收入', '国有资本经营收入预算'),
    ],
    expenditure: [
      label('code', '国有资本经营预算支出', '科目编码'),
      label('name', '国有资本经营预算支出', '科目名称'),
      amount('total', '国有资本经营预算支出', '合计'),
      amount('basic', '国有资本经营预算支出', '基本支出'),
      amount('project', '国有资本经营预算支出', '项目支出'),
    ],
  },
  columnFormulas: BASIC_AND_PROJECT,
  cellFormulas: [],
  isLandscape: true,
  hasColumnNumbers: false,
};

const APPROPRIATION_COLUMNS = (group: string) => [
  amount('gpb', group, '一般公共预算'),
  amount('gfb', group, '政府性基金预算'),
  amount('socb', group, '国有资本经营预算'),
];

const t10: TableDefinition = {
  key: 't10',
  no: 10,
  shortName: '表十',
  title: '{year}年财政拨款安排“三公”经费支出预算表',
  rowModel: {
    kind: 'fixed',
    rows: THREE_PUBLIC_EXPENSE_ROWS.map((row) => ({
      key: row.key,
      label: row.label,
      side: 'main',
      jsonGroup: 'rows',
      jsonKey: row.key,
    })),
  },
  columns: {
    main: [
      label('label', '项目'),
      amount('total', '{year}年预算数', '合计'),
      ...APPROPRIATION_COLUMNS('{year}年预算数'),
    ],
  },
  columnFormulas: [columnSum('total', APPROPRIATION_FUNDS)],
  cellFormulas: APPROPRIATION_FUNDS.flatMap((fund) => [
    cell('vehicle', fund, sameTable('vehiclePurchase', fund), sameTable('vehicleOperation', fund)),
    cell('total', fund, sameTable('abroad', fund), sameTable('reception', fund), sameTable('vehicle', fund)),
  ]),
  isLandscape: false,
  hasColumnNumbers: false,
};

const t11: TableDefinition = {
  key: 't11',
  no: 11,
  shortName: '表十一',
  title: '{year}年财政拨款安排机关运行经费预算表',
  rowModel: { kind: 'units', totalLabel: '部门合计' },
  // The published header says “2025预算数”, without 年, in all three seeds.
  columns: {
    main: [
      label('unitName', '单位名称'),
      amount('total', '{year}预算数', '合计'),
      ...APPROPRIATION_COLUMNS('{year}预算数'),
    ],
  },
  columnFormulas: [columnSum('total', APPROPRIATION_FUNDS)],
  cellFormulas: [],
  isLandscape: false,
  hasColumnNumbers: false,
};

const t12: TableDefinition = {
  key: 't12',
  no: 12,
  shortName: '表十二',
  title: '{year}年项目支出预算表（本年预算）',
  rowModel: { kind: 'projects', projectKind: 'current' },
  columns: {
    main: [
      label('name', '项目名称'),
      amount('total', '合计'),
      ...APPROPRIATION_COLUMNS('{year}年财政拨款'),
      amount('special', '财政专户管理资金'),
      amount('unitFunds', '单位资金'),
    ],
  },
  columnFormulas: [columnSum('total', SOURCES_OF_INCOME)],
  cellFormulas: [],
  isLandscape: true,
  hasColumnNumbers: true,
};

const t13: TableDefinition = {
  key: 't13',
  no: 13,
  shortName: '表十三',
  title: '{year}年项目支出预算表（上年结转）',
  rowModel: { kind: 'projects', projectKind: 'carryover' },
  columns: {
    main: [label('name', '项目名称'), amount('total', '合计'), ...APPROPRIATION_COLUMNS('{year}年财政拨款')],
  },
  columnFormulas: [columnSum('total', APPROPRIATION_FUNDS)],
  cellFormulas: [],
  isLandscape: false,
  hasColumnNumbers: true,
};

export const TABLE_DEFINITIONS: Readonly<Record<TableKey, TableDefinition>> = {
  t1,
  t2,
  t3: expenditureBySubject('t3', 3, '表三', '{year}年预算支出总表', '{year}年预算数'),
  t4,
  t5: expenditureBySubject(
    't5',
    5,
    '表五',
    '{year}年一般公共预算支出预算表（不含上年结转）',
    '{year}年预算数',
  ),
  t6,
  t7,
  // 表八 prints a single header row, without the “YYYY年预算数” group.
  t8: expenditureBySubject('t8', 8, '表八', '{year}年政府性基金预算支出表（不含上年结转）', null),
  t9,
  t10,
  t11,
  t12,
  t13,
};

/** The printed lines of 表一 and 表四: which income row stands beside which expenditure row. */
export function twoSidedLines(
  definition: TableDefinition,
): readonly (readonly [string | null, string | null])[] {
  if (definition.rowModel.kind !== 'fixed') return [];
  const income = definition.rowModel.rows.filter((row) => row.side === 'income');
  const expenditure = definition.rowModel.rows.filter((row) => row.side === 'expenditure');
  if (income.length === 0) return [];
  // Detail rows pair from the top; the summary block (本年…合计 downwards) pairs from its own start.
  const incomeDetail = income.filter((row) => row.jsonGroup === 'incomeRows');
  const expenditureDetail = expenditure.filter((row) => row.jsonGroup === 'expenditureRows');
  const incomeSummary = income.filter((row) => row.jsonGroup !== 'incomeRows');
  const expenditureSummary = expenditure.filter((row) => row.jsonGroup !== 'expenditureRows');
  const lines: (readonly [string | null, string | null])[] = expenditureDetail.map((row, index) => [
    incomeDetail[index]?.key ?? null,
    row.key,
  ]);
  // 收入总计 and 支出总计 close the table on the same line, whatever stands between.
  const incomeBody = incomeSummary.slice(0, -1);
  const expenditureBody = expenditureSummary.slice(0, -1);
  const bodyLength = Math.max(incomeBody.length, expenditureBody.length);
  for (let index = 0; index < bodyLength; index++) {
    lines.push([incomeBody[index]?.key ?? null, expenditureBody[index]?.key ?? null]);
  }
  lines.push([incomeSummary.at(-1)?.key ?? null, expenditureSummary.at(-1)?.key ?? null]);
  return lines;
}

export function tableTitle(definition: TableDefinition, year: number): string {
  return definition.title.replaceAll('{year}', String(year));
}

export type RowSide = 'income' | 'expenditure' | 'main' | 'both';

/** The columns a row of the given side has; the 合计 row of a two-sided table has both sides. */
export function columnsOfSide(definition: TableDefinition, side: RowSide): readonly ColumnDefinition[] {
  if (side === 'both')
    return [...(definition.columns.income ?? []), ...(definition.columns.expenditure ?? [])];
  return definition.columns[side] ?? [];
}

export function amountColumnsOfSide(definition: TableDefinition, side: RowSide): readonly string[] {
  return columnsOfSide(definition, side)
    .filter((column) => column.kind === 'amount')
    .map((column) => column.key);
}
