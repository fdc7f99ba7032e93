/**
 * The 审核 rule catalogue: every identity of tables-spec.md §5, as data. Rules marked (i) in
 * the spec (inequalities that only bound a value, and heuristics) are 提示 or 信息, never 错误.
 *
 * Not in the catalogue, because the workbook makes them true by construction:
 * - X27 (one 科目编码, one 科目名称): a workbook stores one name per code for all tables.
 * - D1 (the same 名称 line, year and 部门/单位 word everywhere, 目录 in the same year): every title,
 *   名称 line and 目录 entry is generated from the one unit profile.
 */
import { APPROPRIATION_FUNDS, EXPENDITURE_FUNCTION_CLASSES, FUNDS } from '../tables/vocabulary';
import type { TableKey } from '../tables/types';
import type {
  CellOperand,
  ComparisonPair,
  ComparisonRule,
  Operand,
  RowFilter,
  RuleDefinition,
  Severity,
} from './types';

function cell(column: string, row = '$row', table?: TableKey): Operand {
  return table === undefined ? { kind: 'cell', row, column } : { kind: 'cell', table, row, column };
}
function at(table: TableKey, row: string, column: string): CellOperand {
  return { kind: 'cell', table, row, column };
}
function minus(operand: CellOperand): CellOperand {
  return { ...operand, sign: -1 };
}
const CHILDREN: Operand = { kind: 'children' };
const ONCE: RowFilter = { kind: 'once' };
const FUNCTION_ROWS: RowFilter = { kind: 'functionRows' };
const FUNCTION_CODES = EXPENDITURE_FUNCTION_CLASSES.map((entry) => entry.code);
const SOURCES = FUNDS.map((fund) => fund.key);

function keys(...rowKeys: string[]): RowFilter {
  return { kind: 'keys', keys: rowKeys };
}
function pair(left: Operand | readonly Operand[], right: Operand | readonly Operand[]): ComparisonPair {
  return {
    left: Array.isArray(left) ? left : [left as Operand],
    right: Array.isArray(right) ? right : [right as Operand],
  };
}

function compare(
  id: string,
  severity: Severity,
  title: string,
  table: TableKey,
  rows: RowFilter,
  pairs: readonly ComparisonPair[],
  options: { columns?: readonly string[]; relation?: '=' | '≤' } = {},
): ComparisonRule {
  return {
    kind: 'compare',
    id,
    severity,
    title,
    table,
    rows,
    columns: options.columns ?? [],
    relation: options.relation ?? '=',
    pairs,
  };
}

/** T2/T3/T5/T7/T8: 合计 column = Σ its parts; 类 = Σ 款, 款 = Σ 项; 合计 row = Σ 类. */
function subjectTableRules(
  table: TableKey,
  prefix: string,
  name: string,
  rowSum: { readonly total: string; readonly parts: readonly string[] } | null,
  amountColumns: readonly string[],
): RuleDefinition[] {
  const rules: RuleDefinition[] = [];
  if (rowSum) {
    rules.push(
      compare(`${prefix}.1`, '错误', `${name}每行${'合计'}等于各组成之和`, table, { kind: 'all' }, [
        pair(
          cell(rowSum.total),
          rowSum.parts.map((part) => cell(part)),
        ),
      ]),
    );
  }
  rules.push(
    compare(
      `${prefix}.2`,
      '错误',
      `${name}类、款金额等于其下级科目之和`,
      table,
      { kind: 'parents', includeTotal: false },
      [pair(cell('$col'), CHILDREN)],
      {
        columns: amountColumns,
      },
    ),
    compare(
      `${prefix}.3`,
      '错误',
      `${name}合计行等于各类之和`,
      table,
      keys('total'),
      [pair(cell('$col'), CHILDREN)],
      {
        columns: amountColumns,
      },
    ),
  );
  return rules;
}

const T1_COLUMNS = ['total', 'current', 'carryover'];
const T2_COLUMNS = ['total', ...SOURCES, 'carryover'];
const EXPENDITURE_COLUMNS = ['total', 'basic', 'project'];
const BASIC_AND_PROJECT = { total: 'total', parts: ['basic', 'project'] };
const T4_COLUMNS = ['subtotal', ...APPROPRIATION_FUNDS];
const APPROPRIATION_COLUMNS = ['total', ...APPROPRIATION_FUNDS];

export const RULES: readonly RuleDefinition[] = [
  // ——— 表一 ———
  compare('T1.1', '错误', '表一本年收入合计等于五项收入之和', 't1', ONCE, [
    pair(
      at('t1', 'currentYearIncome', 'amount'),
      SOURCES.map((fund) => at('t1', fund, 'amount')),
    ),
  ]),
  compare(
    'T1.2',
    '错误',
    '表一支出各行合计等于当年预算安排加上年结转安排',
    't1',
    keys(...FUNCTION_CODES, 'currentYearExpenditure', 'yearEndCarryover', 'expenditureGrandTotal'),
    [pair(cell('total'), [cell('current'), cell('carryover')])],
  ),
  compare(
    'T1.3',
    '错误',
    '表一本年支出合计等于30个功能分类行之和',
    't1',
    keys('currentYearExpenditure'),
    [
      pair(
        cell('$col'),
        FUNCTION_CODES.map((code) => cell('$col', code)),
      ),
    ],
    { columns: T1_COLUMNS },
  ),
  compare('T1.4', '错误', '表一收入总计等于本年收入合计加上年结转', 't1', ONCE, [
    pair(at('t1', 'incomeGrandTotal', 'amount'), [
      at('t1', 'currentYearIncome', 'amount'),
      at('t1', 'priorYearCarryover', 'amount'),
    ]),
  ]),
  compare(
    'T1.5',
    '错误',
    '表一支出总计等于本年支出合计加年终结转',
    't1',
    keys('expenditureGrandTotal'),
    [pair(cell('$col'), [cell('$col', 'currentYearExpenditure'), cell('$col', 'yearEndCarryover')])],
    { columns: T1_COLUMNS },
  ),
  compare('T1.6', '错误', '表一收入总计等于支出总计', 't1', ONCE, [
    pair(at('t1', 'incomeGrandTotal', 'amount'), at('t1', 'expenditureGrandTotal', 'total')),
  ]),
  compare('T1.7', '错误', '表一当年预算安排等于本年收入，上年结转安排等于上年结转', 't1', ONCE, [
    pair(at('t1', 'currentYearExpenditure', 'current'), at('t1', 'currentYearIncome', 'amount')),
    pair(at('t1', 'currentYearExpenditure', 'carryover'), at('t1', 'priorYearCarryover', 'amount')),
  ]),
  // ——— 表二、表三 ———
  ...subjectTableRules('t2', 'T2', '表二', { total: 'total', parts: SOURCES }, T2_COLUMNS),
  ...subjectTableRules('t3', 'T3', '表三', BASIC_AND_PROJECT, EXPENDITURE_COLUMNS),
  // ——— 表四 ———
  compare('T4.1', '错误', '表四本年收入合计等于三项财政拨款收入之和', 't4', ONCE, [
    pair(
      at('t4', 'currentYearIncome', 'amount'),
      APPROPRIATION_FUNDS.map((fund) => at('t4', fund, 'amount')),
    ),
  ]),
  compare(
    'T4.2',
    '错误',
    '表四支出各行小计等于三项财政拨款之和',
    't4',
    keys(...FUNCTION_CODES, 'currentYearExpenditure', 'yearEndCarryover', 'expenditureGrandTotal'),
    [
      pair(
        cell('subtotal'),
        APPROPRIATION_FUNDS.map((fund) => cell(fund)),
      ),
    ],
  ),
  compare(
    'T4.3',
    '错误',
    '表四本年支出合计等于30个功能分类行之和',
    't4',
    keys('currentYearExpenditure'),
    [
      pair(
        cell('$col'),
        FUNCTION_CODES.map((code) => cell('$col', code)),
      ),
    ],
    { columns: T4_COLUMNS },
  ),
  compare('T4.4', '错误', '表四上年财政拨款结转等于三项结转之和', 't4', ONCE, [
    pair(
      at('t4', 'priorYearCarryover', 'amount'),
      APPROPRIATION_FUNDS.map((fund) => at('t4', `carryover.${fund}`, 'amount')),
    ),
  ]),
  compare('T4.5', '错误', '表四收入总计等于本年收入合计加上年财政拨款结转', 't4', ONCE, [
    pair(at('t4', 'incomeGrandTotal', 'amount'), [
      at('t4', 'currentYearIncome', 'amount'),
      at('t4', 'priorYearCarryover', 'amount'),
    ]),
  ]),
  compare(
    'T4.6',
    '错误',
    '表四支出总计等于本年支出合计加年终结转',
    't4',
    keys('expenditureGrandTotal'),
    [pair(cell('$col'), [cell('$col', 'currentYearExpenditure'), cell('$col', 'yearEndCarryover')])],
    { columns: T4_COLUMNS },
  ),
  compare('T4.7', '错误', '表四收入总计等于支出总计', 't4', ONCE, [
    pair(at('t4', 'incomeGrandTotal', 'amount'), at('t4', 'expenditureGrandTotal', 'subtotal')),
  ]),
  compare(
    'T4.8',
    '错误',
    '表四各项财政拨款的支出总计等于其本年收入加上年结转',
    't4',
    ONCE,
    APPROPRIATION_FUNDS.map((fund) =>
      pair(at('t4', 'expenditureGrandTotal', fund), [
        at('t4', fund, 'amount'),
        at('t4', `carryover.${fund}`, 'amount'),
      ]),
    ),
  ),
  // ——— 表五、表六、表七、表八、表九 ———
  ...subjectTableRules('t5', 'T5', '表五', BASIC_AND_PROJECT, EXPENDITURE_COLUMNS),
  compare('T6.1', '错误', '表六每行合计等于人员经费加公用经费', 't6', { kind: 'all' }, [
    pair(cell('total'), [cell('personnel'), cell('public')]),
  ]),
  compare(
    'T6.2',
    '错误',
    '表六各类金额等于其明细之和',
    't6',
    { kind: 'parents', includeTotal: false },
    [pair(cell('$col'), CHILDREN)],
    {
      columns: ['total', 'personnel', 'public'],
    },
  ),
  compare('T6.3', '错误', '表六合计行等于各类之和', 't6', keys('total'), [pair(cell('$col'), CHILDREN)], {
    columns: ['total', 'personnel', 'public'],
  }),
  ...subjectTableRules('t7', 'T7', '表七', null, ['amount']),
  ...subjectTableRules('t8', 'T8', '表八', BASIC_AND_PROJECT, EXPENDITURE_COLUMNS),
  compare('T9.1', '错误', '表九收入合计等于支出合计，支出合计等于基本支出加项目支出', 't9', ONCE, [
    pair(at('t9', 'total', 'incAmount'), at('t9', 'total', 'total')),
    pair(at('t9', 'total', 'total'), [at('t9', 'total', 'basic'), at('t9', 'total', 'project')]),
  ]),
  // ——— 表十、表十一 ———
  compare('T10.1', '错误', '表十每行合计等于三项财政拨款之和', 't10', { kind: 'all' }, [
    pair(
      cell('total'),
      APPROPRIATION_FUNDS.map((fund) => cell(fund)),
    ),
  ]),
  compare(
    'T10.2',
    '错误',
    '表十公务用车购置及运行费等于购置费加运行维护费',
    't10',
    keys('vehicle'),
    [pair(cell('$col'), [cell('$col', 'vehiclePurchase'), cell('$col', 'vehicleOperation')])],
    { columns: APPROPRIATION_COLUMNS },
  ),
  compare(
    'T10.3',
    '错误',
    '表十合计等于因公出国（境）费、公务接待费和公务用车购置及运行费之和',
    't10',
    keys('total'),
    [pair(cell('$col'), [cell('$col', 'abroad'), cell('$col', 'reception'), cell('$col', 'vehicle')])],
    { columns: APPROPRIATION_COLUMNS },
  ),
  compare('T11.1', '错误', '表十一每行合计等于三项财政拨款之和', 't11', { kind: 'all' }, [
    pair(
      cell('total'),
      APPROPRIATION_FUNDS.map((fund) => cell(fund)),
    ),
  ]),
  compare(
    'T11.2',
    '错误',
    '表十一部门合计等于各单位之和',
    't11',
    keys('total'),
    [pair(cell('$col'), CHILDREN)],
    {
      columns: APPROPRIATION_COLUMNS,
    },
  ),
  // ——— 表十二、表十三 ———
  compare('T12.1', '错误', '表十二每行合计等于各资金来源之和', 't12', { kind: 'all' }, [
    pair(
      cell('total'),
      SOURCES.map((fund) => cell(fund)),
    ),
  ]),
  compare(
    'T12.2',
    '错误',
    '表十二单位行等于其项目之和，首行等于各单位（项目）之和',
    't12',
    { kind: 'parents', includeTotal: true },
    [pair(cell('$col'), CHILDREN)],
    { columns: ['total', ...SOURCES] },
  ),
  compare('T13.1', '错误', '表十三每行合计等于三项财政拨款之和', 't13', { kind: 'all' }, [
    pair(
      cell('total'),
      APPROPRIATION_FUNDS.map((fund) => cell(fund)),
    ),
  ]),
  compare(
    'T13.2',
    '错误',
    '表十三单位行等于其项目之和，首行等于各单位之和',
    't13',
    { kind: 'parents', includeTotal: true },
    [pair(cell('$col'), CHILDREN)],
    { columns: APPROPRIATION_COLUMNS },
  ),
  { kind: 'emptyTable', id: 'E.1', severity: '信息', title: '无数据的表打印“注：本表无数据”' },
  // ——— 表与表之间 ———
  compare('X1', '错误', '表一收入与表二合计一致', 't1', ONCE, [
    ...SOURCES.map((fund) => pair(at('t1', fund, 'amount'), at('t2', 'total', fund))),
    pair(at('t1', 'currentYearIncome', 'amount'), at('t2', 'total', 'total')),
    pair(at('t1', 'priorYearCarryover', 'amount'), at('t2', 'total', 'carryover')),
  ]),
  compare('X2', '错误', '表一各功能分类支出与表三、表二的类一致', 't1', FUNCTION_ROWS, [
    pair(cell('total'), cell('total', '$row', 't3')),
    pair(cell('current'), cell('total', '$row', 't2')),
    pair(cell('carryover'), cell('carryover', '$row', 't2')),
  ]),
  compare('X3', '错误', '表一本年支出合计等于表三合计，表三合计等于表二本年收入加上年结转', 't1', ONCE, [
    pair(at('t1', 'currentYearExpenditure', 'total'), at('t3', 'total', 'total')),
    pair(at('t3', 'total', 'total'), [at('t2', 'total', 'total'), at('t2', 'total', 'carryover')]),
  ]),
  compare(
    'X4',
    '错误',
    '表三各科目支出等于表二该科目本年收入加上年结转',
    't3',
    { kind: 'codesOf', tables: ['t2', 't3'], includeTotal: false },
    [pair(cell('total'), [cell('total', '$row', 't2'), cell('carryover', '$row', 't2')])],
  ),
  { kind: 'sameCodes', id: 'X4', severity: '错误', title: '表二与表三列出相同的科目', tables: ['t2', 't3'] },
  compare(
    'X4b',
    '错误',
    '表三各科目支出等于表五、表八加表二其他来源和上年结转',
    't3',
    { kind: 'codesOf', tables: ['t3'], includeTotal: true },
    [
      pair(cell('total'), [
        cell('total', '$row', 't5'),
        cell('total', '$row', 't8'),
        ...['socb', 'special', 'unitFunds', 'carryover'].map((column) => cell(column, '$row', 't2')),
      ]),
    ],
  ),
  compare('X5', '错误', '表四收入与表一、表二一致', 't4', ONCE, [
    ...APPROPRIATION_FUNDS.map((fund) => pair(at('t4', fund, 'amount'), at('t1', fund, 'amount'))),
    pair(
      at('t4', 'currentYearIncome', 'amount'),
      APPROPRIATION_FUNDS.map((fund) => at('t2', 'total', fund)),
    ),
  ]),
  compare('X6', '错误', '表四上年财政拨款结转等于表一上年结转', 't4', ONCE, [
    pair(at('t4', 'priorYearCarryover', 'amount'), at('t1', 'priorYearCarryover', 'amount')),
  ]),
  compare('X7', '错误', '表四各功能分类支出等于表二该类财政拨款收入加上年结转', 't4', FUNCTION_ROWS, [
    pair(cell('subtotal'), [
      ...APPROPRIATION_FUNDS.map((fund) => cell(fund, '$row', 't2')),
      cell('carryover', '$row', 't2'),
    ]),
  ]),
  compare('X8', '错误', '表四一般公共预算支出合计等于表五合计加一般公共预算结转', 't4', ONCE, [
    pair(at('t4', 'currentYearExpenditure', 'gpb'), [
      at('t5', 'total', 'total'),
      at('t4', 'carryover.gpb', 'amount'),
    ]),
  ]),
  compare(
    'X8',
    '错误',
    '表五各类不超过表四该类一般公共预算支出',
    't4',
    FUNCTION_ROWS,
    [pair(cell('total', '$row', 't5'), cell('gpb'))],
    {
      relation: '≤',
    },
  ),
  compare('X9', '错误', '表五合计等于一般公共预算收入（表一、表二、表四）', 't5', ONCE, [
    pair(at('t5', 'total', 'total'), at('t1', 'gpb', 'amount')),
    pair(at('t5', 'total', 'total'), at('t2', 'total', 'gpb')),
    pair(at('t5', 'total', 'total'), at('t4', 'gpb', 'amount')),
  ]),
  compare(
    'X10',
    '错误',
    '表五各科目等于表二该科目一般公共预算',
    't5',
    { kind: 'codesOf', tables: ['t5', 't2'], includeTotal: false },
    [pair(cell('total'), cell('gpb', '$row', 't2'))],
  ),
  compare(
    'X11',
    '提示',
    '表五基本支出、项目支出不超过表三',
    't5',
    { kind: 'codesOf', tables: ['t5'], includeTotal: true },
    [pair(cell('basic'), cell('basic', '$row', 't3')), pair(cell('project'), cell('project', '$row', 't3'))],
    { relation: '≤' },
  ),
  compare('X12', '错误', '表六合计等于表五基本支出合计', 't6', ONCE, [
    pair(at('t6', 'total', 'total'), at('t5', 'total', 'basic')),
  ]),
  compare('X13', '错误', '表七合计等于政府性基金预算收入（表一、表二、表四）', 't7', ONCE, [
    pair(at('t7', 'total', 'amount'), at('t1', 'gfb', 'amount')),
    pair(at('t7', 'total', 'amount'), at('t2', 'total', 'gfb')),
    pair(at('t7', 'total', 'amount'), at('t4', 'gfb', 'amount')),
  ]),
  compare('X14', '错误', '表八合计等于表七合计', 't8', ONCE, [
    pair(at('t8', 'total', 'total'), at('t7', 'total', 'amount')),
  ]),
  compare(
    'X14',
    '错误',
    '表八各科目等于表二该科目政府性基金',
    't8',
    { kind: 'codesOf', tables: ['t8', 't2'], includeTotal: true },
    [pair(cell('total'), cell('gfb', '$row', 't2'))],
  ),
  compare('X15', '错误', '表九收入等于国有资本经营预算收入（表一、表二）', 't9', ONCE, [
    pair(at('t9', 'total', 'incAmount'), at('t1', 'socb', 'amount')),
    pair(at('t9', 'total', 'incAmount'), at('t2', 'total', 'socb')),
  ]),
  compare(
    'X16',
    '提示',
    '表六“三公”经费科目不超过表十对应项目',
    't10',
    ONCE,
    [
      pair(
        { kind: 'economicItems', deptNames: ['因公出国（境）费用'], column: 'total' },
        at('t10', 'abroad', 'gpb'),
      ),
      pair(
        { kind: 'economicItems', deptNames: ['公务接待费'], column: 'total' },
        at('t10', 'reception', 'gpb'),
      ),
      pair(
        { kind: 'economicItems', deptNames: ['公务用车运行维护费'], column: 'total' },
        at('t10', 'vehicleOperation', 'gpb'),
      ),
      pair(
        { kind: 'economicItems', deptNames: ['公务用车购置'], column: 'total' },
        at('t10', 'vehiclePurchase', 'gpb'),
      ),
    ],
    { relation: '≤' },
  ),
  compare(
    'X17',
    '错误',
    '表十一一般公共预算不超过表六公用经费',
    't11',
    ONCE,
    [pair(at('t11', 'total', 'gpb'), at('t6', 'total', 'public'))],
    {
      relation: '≤',
    },
  ),
  compare('X18', '信息', '表十一机关运行经费与表六机关类公用经费（参考）', 't11', ONCE, [
    pair(at('t11', 'total', 'total'), { kind: 'agencyPublicCosts' }),
  ]),
  compare('X19', '错误', '表十二一般公共预算合计等于表五项目支出', 't12', ONCE, [
    pair(at('t12', 'total', 'gpb'), at('t5', 'total', 'project')),
  ]),
  compare('X20', '错误', '表十二政府性基金、国有资本经营预算等于表八、表九项目支出', 't12', ONCE, [
    pair(at('t12', 'total', 'gfb'), at('t8', 'total', 'project')),
    pair(at('t12', 'total', 'socb'), at('t9', 'total', 'project')),
  ]),
  compare('X21', '错误', '表三项目支出等于表十二加表十三', 't3', ONCE, [
    pair(at('t3', 'total', 'project'), [at('t12', 'total', 'total'), at('t13', 'total', 'total')]),
  ]),
  compare(
    'X22',
    '错误',
    '表十三不超过表四上年财政拨款结转',
    't13',
    ONCE,
    APPROPRIATION_FUNDS.map((fund) =>
      pair(at('t13', 'total', fund), at('t4', `carryover.${fund}`, 'amount')),
    ),
    { relation: '≤' },
  ),
  compare(
    'X23',
    '提示',
    '表十二财政专户、单位资金不超过表二',
    't12',
    ONCE,
    [
      pair(at('t12', 'total', 'special'), at('t2', 'total', 'special')),
      pair(at('t12', 'total', 'unitFunds'), at('t2', 'total', 'unitFunds')),
    ],
    { relation: '≤' },
  ),
  compare(
    'X24',
    '提示',
    '表五、表八基本支出之和不超过表三基本支出',
    't3',
    ONCE,
    [pair([at('t5', 'total', 'basic'), at('t8', 'total', 'basic')], at('t3', 'total', 'basic'))],
    { relation: '≤' },
  ),
  {
    kind: 'emptiness',
    id: 'X25',
    severity: '错误',
    title: '表七无数据当且仅当无政府性基金预算收入',
    emptyTable: 't7',
    amount: [at('t1', 'gfb', 'amount')],
  },
  {
    kind: 'emptiness',
    id: 'X25',
    severity: '错误',
    title: '表八无数据当且仅当无政府性基金预算收入',
    emptyTable: 't8',
    amount: [at('t1', 'gfb', 'amount')],
  },
  {
    kind: 'emptiness',
    id: 'X25',
    severity: '错误',
    title: '表九无数据当且仅当无国有资本经营预算收入',
    emptyTable: 't9',
    amount: [at('t1', 'socb', 'amount')],
  },
  {
    kind: 'emptiness',
    id: 'X25',
    severity: '错误',
    title: '表十三无数据当且仅当表三项目支出全部列入表十二',
    emptyTable: 't13',
    amount: [at('t3', 'total', 'project'), minus(at('t12', 'total', 'total'))],
  },
  { kind: 'unitsInProjects', id: 'X26', severity: '提示', title: '表十一所列单位也列在表十二' },
  compare('X28', '信息', '表六社会保障缴费与表五对应功能科目（参考）', 't6', ONCE, [
    pair({ kind: 'economicItems', deptNames: ['住房公积金'], column: 'total' }, at('t5', '2210201', 'basic')),
    pair(
      { kind: 'economicItems', deptNames: ['机关事业单位基本养老保险缴费'], column: 'total' },
      at('t5', '2080505', 'basic'),
    ),
    pair(
      { kind: 'economicItems', deptNames: ['职业年金缴费'], column: 'total' },
      at('t5', '2080506', 'basic'),
    ),
    pair({ kind: 'economicItems', deptNames: ['职工基本医疗保险缴费'], column: 'total' }, [
      at('t5', '2101101', 'basic'),
      at('t5', '2101102', 'basic'),
    ]),
    pair(
      { kind: 'economicItems', deptNames: ['公务员医疗补助缴费'], column: 'total' },
      at('t5', '2101103', 'basic'),
    ),
  ]),
];
