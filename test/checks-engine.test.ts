import { describe, expect, it } from 'vitest';
import { Checker, checkWorkbook } from '../shared/checks/engine';
import { RULES } from '../shared/checks/rules';
import { evaluateWorkbook } from '../shared/workbook/evaluate';
import type { Workbook } from '../src-main/services/workbook/workbook';
import { generateDepartment } from '../bench/support-generate';
import { newWorkbook } from './support/workbooks';

/** 表二/表三/表五 with one 项 whose 一般公共预算 is fully spent as 基本支出: a consistent workbook. */
function consistentWorkbook(unit: 'yuan' | 'wanYuan', amount: string): Workbook {
  const workbook = newWorkbook();
  for (const table of ['t2', 't3', 't5'] as const) workbook.addSubjectRow({ table, code: '2101101' });
  workbook.setCell({ table: 't2', row: '2101101', column: 'gpb', text: amount, unit });
  workbook.setCell({ table: 't3', row: '2101101', column: 'basic', text: amount, unit });
  workbook.setCell({ table: 't5', row: '2101101', column: 'basic', text: amount, unit });
  workbook.addEconomicRow({ deptName: '职工基本医疗保险缴费', govName: '社会保障缴费' });
  const econ = workbook.table('t6').rows.find((row) => row.kind === 'economic')?.key ?? '';
  workbook.setCell({ table: 't6', row: econ, column: 'personnel', text: amount, unit });
  return workbook;
}

describe('the rule catalogue', () => {
  it('covers every identity of tables-spec.md §5 but X27 and D1, which hold by construction', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    const expected = [
      ...['T1.1', 'T1.2', 'T1.3', 'T1.4', 'T1.5', 'T1.6', 'T1.7'],
      ...['T2.1', 'T2.2', 'T2.3', 'T3.1', 'T3.2', 'T3.3', 'T5.1', 'T5.2', 'T5.3', 'T8.1', 'T8.2', 'T8.3'],
      ...[
        'T4.1',
        'T4.2',
        'T4.3',
        'T4.4',
        'T4.5',
        'T4.6',
        'T4.7',
        'T4.8',
        'T6.1',
        'T6.2',
        'T6.3',
        'T7.2',
        'T7.3',
        'T9.1',
      ],
      ...['T10.1', 'T10.2', 'T10.3', 'T11.1', 'T11.2', 'T12.1', 'T12.2', 'T13.1', 'T13.2', 'E.1'],
      ...Array.from({ length: 26 }, (_, index) => `X${index + 1}`).filter((id) => id !== 'X27'),
      'X4b',
      'X28',
    ];
    expect([...ids].sort()).toEqual([...new Set(expected)].sort());
  });

  it('never makes an informational rule (i) an error', () => {
    for (const id of ['X11', 'X16', 'X18', 'X23', 'X24', 'X26', 'X28']) {
      for (const rule of RULES.filter((candidate) => candidate.id === id))
        expect(rule.severity).not.toBe('错误');
    }
  });
});

describe('checking a workbook', () => {
  it('finds nothing but the empty-table notes in a consistent workbook', () => {
    const workbook = consistentWorkbook('yuan', '533,400.17');
    const findings = workbook.findings();
    expect(findings.filter((finding) => finding.ruleId !== 'E.1')).toEqual([]);
    workbook.close();
  });

  it('makes any difference between exact amounts an error, even of one 分', () => {
    const workbook = consistentWorkbook('yuan', '533400.17');
    workbook.setCell({ table: 't5', row: '2101101', column: 'basic', text: '533400.16', unit: 'yuan' });
    const x10 = workbook.findings().filter((finding) => finding.ruleId === 'X10');
    // The 项 and, through the sums, its 款 and 类.
    expect(x10.map((finding) => finding.cells[0]?.row)).toEqual(['210', '21011', '2101101']);
    expect(x10.every((finding) => finding.severity === '错误' && !finding.isRounding)).toBe(true);
    expect(x10[2]?.message).toBe(
      '表五各科目等于表二该科目一般公共预算：表五 第4行（2101101 行政单位医疗）合计 53.340016 ≠ ' +
        '表二 第4行（2101101 行政单位医疗）一般公共预算 53.340017（差 0.01 元）',
    );
    workbook.close();
  });

  it('tolerates 尾差 between rounded 万元 figures up to half a unit per addend, and no further', () => {
    const workbook = newWorkbook();
    for (const code of ['2101101', '2101102']) workbook.addSubjectRow({ table: 't2', code });
    workbook.setCell({ table: 't2', row: '2101101', column: 'gpb', text: '53.34', unit: 'wanYuan' });
    workbook.setCell({ table: 't2', row: '2101102', column: 'gpb', text: '25.28', unit: 'wanYuan' });
    // 款 printed 78.63 against 53.34 + 25.28 = 78.62: three rounded addends allow 0.015.
    workbook.setCell({
      table: 't2',
      row: '21011',
      column: 'gpb',
      text: '78.63',
      unit: 'wanYuan',
      override: true,
    });
    const rounding = workbook.findings().find((finding) => finding.ruleId === 'T2.2');
    expect(rounding).toMatchObject({ severity: '提示', isRounding: true });
    expect(rounding?.message).toContain('（差 0.01），在四舍五入误差之内（尾差）');
    workbook.setCell({
      table: 't2',
      row: '21011',
      column: 'gpb',
      text: '78.64',
      unit: 'wanYuan',
      override: true,
    });
    expect(workbook.findings().find((finding) => finding.ruleId === 'T2.2')).toMatchObject({
      severity: '错误',
      isRounding: false,
    });
    workbook.close();
  });

  it('reports a one-sided bound only when it is exceeded', () => {
    const workbook = newWorkbook();
    workbook.addEconomicRow({ deptName: '公务接待费', govName: '公务接待费' });
    const econ = workbook.table('t6').rows.find((row) => row.kind === 'economic')?.key ?? '';
    workbook.setCell({ table: 't6', row: econ, column: 'public', text: '2900', unit: 'yuan' });
    workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '2900', unit: 'yuan' });
    expect(workbook.findings().filter((finding) => finding.ruleId === 'X16')).toEqual([]);
    workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '2000', unit: 'yuan' });
    const x16 = workbook.findings().filter((finding) => finding.ruleId === 'X16');
    expect(x16).toHaveLength(1);
    expect(x16[0]).toMatchObject({ severity: '提示' });
    expect(x16[0]?.message).toContain('>');
    workbook.close();
  });

  it('checks that 表二 and 表三 list the same codes, and that empty tables match zero totals', () => {
    const workbook = newWorkbook();
    workbook.addSubjectRow({ table: 't2', code: '2101101' });
    workbook.setCell({ table: 't2', row: '2101101', column: 'gfb', text: '1000', unit: 'yuan' });
    const findings = workbook.findings();
    const codes = findings.filter((finding) => finding.ruleId === 'X4' && finding.sides === undefined);
    expect(codes.map((finding) => finding.message)).toEqual([
      '表二与表三列出相同的科目：科目 210 卫生健康支出 列在表二，表三中没有',
      '表二与表三列出相同的科目：科目 21011 行政事业单位医疗 列在表二，表三中没有',
      '表二与表三列出相同的科目：科目 2101101 行政单位医疗 列在表二，表三中没有',
    ]);
    // The amount comparison of a code only 表二 lists names no line of 表三.
    const amounts = findings.filter((finding) => finding.ruleId === 'X4' && finding.sides !== undefined);
    expect(amounts.map((finding) => finding.message)).toContain(
      '表三各科目支出等于表二该科目本年收入加上年结转：表三 未列此行（2101101）合计 0.00 ≠ ' +
        '表二 第4行（2101101 行政单位医疗）合计 0.10（差 0.10）',
    );
    expect(findings.some((finding) => finding.message.includes('第0行'))).toBe(false);
    const emptiness = findings.filter((finding) => finding.ruleId === 'X25');
    expect(emptiness.map((finding) => finding.message)).toEqual([
      '表七无数据当且仅当无政府性基金预算收入：表七没有数据，但 表一 第2行（二、政府性基金预算）2025年 0.10',
      '表八无数据当且仅当无政府性基金预算收入：表八没有数据，但 表一 第2行（二、政府性基金预算）2025年 0.10',
    ]);
    expect(emptiness.every((finding) => finding.severity === '错误')).toBe(true);
    workbook.close();
  });

  it('re-checks incrementally to exactly what a full check finds', () => {
    const content = generateDepartment(5, 40);
    const checker = new Checker(evaluateWorkbook(content));
    const edited = {
      ...content,
      cells: content.cells.map((cell) =>
        cell.table === 't12' && cell.row === 'project:3' ? { ...cell, fen: 7 } : cell,
      ),
    };
    const evaluated = evaluateWorkbook(edited);
    const rechecked = checker.update(evaluated);
    expect(rechecked).toBeGreaterThan(0);
    expect(rechecked).toBeLessThan(20);
    expect(checker.findings()).toEqual(checkWorkbook(evaluated));
    const withNewUnitRow = {
      ...edited,
      tableRows: edited.tableRows.filter((entry) => entry.row !== 'unit:2'),
    };
    checker.update(evaluateWorkbook(withNewUnitRow));
    expect(checker.findings()).toEqual(checkWorkbook(evaluateWorkbook(withNewUnitRow)));
  });
});
