/**
 * The indicator grid's logic: 指标值 read into comparator, number and unit as the grid shows
 * them, a number's part edited and printed back, and the list kept in the nine groups' order.
 */
import { describe, expect, it } from 'vitest';
import { INDICATOR_GROUPS, type Indicator } from '../shared/goal-sheets/model';
import {
  addIndicator,
  moveIndicator,
  readIndicatorValue,
  reorderByKeys,
  rewriteNumericPart,
  updateIndicator,
  withKeys,
  withoutKeys,
} from '../src-renderer/screens/goals/indicator-rows';

describe('reading a 指标值', () => {
  it('shows a number as comparator, number and unit', () => {
    expect(readIndicatorValue('quantity', '住院人数', '≥5000人次')).toMatchObject({
      kind: 'numeric',
      comparator: '≥',
      number: '5000',
      unit: '人次',
      isEditableNumber: true,
      isUnstructured: false,
      problems: [],
    });
    expect(readIndicatorValue('cost', '补助标准', '≤1000元/月/人')).toMatchObject({
      comparator: '≤',
      number: '1000',
      unit: '元/月/人',
    });
    expect(readIndicatorValue('quality', '合格率', '95%-100%')).toMatchObject({
      comparator: '区间',
      number: '95-100',
      isEditableNumber: false,
    });
  });

  it('shows dates, frequencies and directed texts by their structure', () => {
    expect(readIndicatorValue('timeliness', '完成时间', '12月底前')).toMatchObject({
      kind: 'date',
      comparator: '截止',
      number: '12月底',
      problems: [],
    });
    expect(readIndicatorValue('timeliness', '发放时间', '每月')).toMatchObject({
      kind: 'frequency',
      number: '月',
    });
    expect(readIndicatorValue('social', '减轻困难群众负担', '减轻')).toMatchObject({
      kind: 'qualitative',
      comparator: '降低',
      isUnstructured: false,
    });
  });

  it('flags a value it cannot structure, and passes on the checker’s hints', () => {
    const unstructured = readIndicatorValue('social', '社会影响', '良好');
    expect(unstructured.isUnstructured).toBe(true);
    expect(unstructured.problems[0]).toBe('未能识别指标值的结构（不是数值、日期、频次，也没有比较或方向）');
    expect(readIndicatorValue('satisfaction', '群众满意度', '≥60%').problems).toEqual([
      '满意度目标“≥60%”低于80%',
    ]);
    expect(readIndicatorValue('quantity', '人数', '').problems).toEqual(['指标值为空']);
    expect(readIndicatorValue('satisfaction', ' ', '≥90%').problems).toEqual(['缺少三级指标名称']);
  });
});

describe('editing a number’s parts', () => {
  it('prints the value back from the edited structure', () => {
    expect(rewriteNumericPart('≥5000人次', 'number', '6000')).toEqual({ value: '≥6000人次' });
    expect(rewriteNumericPart('≥5000人次', 'comparator', '≤')).toEqual({ value: '≤5000人次' });
    expect(rewriteNumericPart('≥5000人次', 'unit', '人')).toEqual({ value: '≥5000人' });
    expect(rewriteNumericPart('1000元/月/人', 'unit', '元/年')).toEqual({ value: '1000元/年' });
    expect(rewriteNumericPart('100%', 'number', '98.5')).toEqual({ value: '98.5%' });
  });

  it('refuses what is not a number’s part', () => {
    expect(rewriteNumericPart('≥5000人次', 'number', '五千')).toEqual({ problem: '“五千”不是有效的数值' });
    expect(rewriteNumericPart('每月', 'number', '2')).toEqual({
      problem: '“每月”不是单个数值，请直接修改指标值',
    });
    expect(rewriteNumericPart('≥90%', 'comparator', '区间')).toEqual({ problem: '“区间”不是可选的比较符' });
  });
});

describe('the list in group order', () => {
  const indicators: Indicator[] = [
    { group: 'quantity', name: 'A', value: '1个' },
    { group: 'quantity', name: 'B', value: '2个' },
    { group: 'quality', name: 'C', value: '100%' },
    { group: 'satisfaction', name: 'D', value: '≥90%' },
  ];
  const names = (rows: readonly Indicator[]) => rows.map((row) => `${row.group}:${row.name}`);

  it('adds a new indicator at the end of its group', () => {
    const added = addIndicator(withKeys(indicators), 'quantity');
    expect(names(added.rows)).toEqual([
      'quantity:A',
      'quantity:B',
      'quantity:',
      'quality:C',
      'satisfaction:D',
    ]);
    expect(added.rows[2]?.key).toBe(added.key);
  });

  it('moves within a group only', () => {
    const rows = withKeys(indicators);
    const [a, b, c] = rows;
    if (!a || !b || !c) throw new Error('four rows');
    expect(names(moveIndicator(rows, b.key, -1))).toEqual([
      'quantity:B',
      'quantity:A',
      'quality:C',
      'satisfaction:D',
    ]);
    expect(names(moveIndicator(rows, b.key, 1))).toEqual(names(rows));
    expect(names(moveIndicator(rows, c.key, -1))).toEqual(names(rows));
  });

  it('moves a row whose group changes to the end of its new group', () => {
    const rows = withKeys(indicators);
    const moved = updateIndicator(rows, rows[0]?.key ?? '', { group: 'quality' });
    expect(names(moved)).toEqual(['quantity:B', 'quality:C', 'quality:A', 'satisfaction:D']);
  });

  it('gives a row dragged among another group’s rows that group', () => {
    const rows = withKeys(indicators);
    const [a, b, c, d] = rows.map((row) => row.key);
    if (!a || !b || !c || !d) throw new Error('four rows');
    expect(names(reorderByKeys(rows, [b, c, a, d], a))).toEqual([
      'quantity:B',
      'quality:C',
      'quality:A',
      'satisfaction:D',
    ]);
    // Dropped first, it takes the group of the row below it.
    expect(names(reorderByKeys(rows, [d, a, b, c], d))).toEqual([
      'quantity:D',
      'quantity:A',
      'quantity:B',
      'quality:C',
    ]);
    expect(names(reorderByKeys(rows, [b, a, c, d], a))).toEqual([
      'quantity:B',
      'quantity:A',
      'quality:C',
      'satisfaction:D',
    ]);
  });

  it('keeps the keys out of what is saved', () => {
    expect(withoutKeys(withKeys(indicators))).toEqual(indicators);
    expect(INDICATOR_GROUPS).toHaveLength(9);
  });
});
