import { FUNCTIONAL_SUBJECTS, type FunctionalSubject } from '../catalogue/functional-subjects';

/** Shared vocabularies of the tables (tables-spec.md §2). */

/** 收入来源: the five sources of this year's income. */
export const FUNDS = [
  { key: 'gpb', label: '一般公共预算' },
  { key: 'gfb', label: '政府性基金预算' },
  { key: 'socb', label: '国有资本经营预算' },
  { key: 'special', label: '财政专户管理资金' },
  { key: 'unitFunds', label: '单位资金' },
] as const;
export type FundKey = (typeof FUNDS)[number]['key'];

/** 财政拨款 = the three budget appropriations; 表四, 表十, 表十一 and 表十三 cover only these. */
export const APPROPRIATION_FUNDS = ['gpb', 'gfb', 'socb'] as const satisfies readonly FundKey[];

const CHINESE_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
  '二十一',
  '二十二',
  '二十三',
  '二十四',
  '二十五',
  '二十六',
  '二十七',
  '二十八',
  '二十九',
  '三十',
] as const;

/** The ordinal prefix of a printed list item: 1 → 一、 */
export function chineseOrdinal(position: number): string {
  const numeral = CHINESE_NUMERALS[position - 1];
  if (numeral === undefined) throw new RangeError(`no Chinese ordinal for ${position}`);
  return `${numeral}、`;
}

/**
 * The 30 支出功能分类 类 printed in every 表一 and 表四, in code order (§2.2): exactly the 类
 * level of the subject catalogue.
 */
export const EXPENDITURE_FUNCTION_CLASSES: readonly FunctionalSubject[] = FUNCTIONAL_SUBJECTS.filter(
  (subject) => subject.code.length === 3,
);

/** 表十 “三公” rows; 合计 is the last row here, unlike every other table. */
export const THREE_PUBLIC_EXPENSE_ROWS = [
  { key: 'abroad', label: '因公出国（境）费' },
  { key: 'reception', label: '公务接待费' },
  { key: 'vehicle', label: '公务用车购置及运行费' },
  { key: 'vehiclePurchase', label: '①公务用车购置费' },
  { key: 'vehicleOperation', label: '②公务用车运行维护费' },
  { key: 'total', label: '合计' },
] as const;

export const EMPTY_TABLE_NOTE = '注：本表无数据';
export const AMOUNT_UNIT_LINE = '单位：万元';
