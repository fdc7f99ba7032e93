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
  '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
  '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
  '二十一', '二十二', '二十三', '二十四', '二十五', '二十六', '二十七', '二十八', '二十九', '三十',
] as const;

/** The ordinal prefix of a printed list item: 1 → 一、 */
export function chineseOrdinal(position: number): string {
  const numeral = CHINESE_NUMERALS[position - 1];
  if (numeral === undefined) throw new RangeError(`no Chinese ordinal for ${position}`);
  return `${numeral}、`;
}

/** The 30 支出功能分类 类 printed in every 表一 and 表四, in this order (§2.2). */
export const EXPENDITURE_FUNCTION_CLASSES: readonly { readonly code: string; readonly name: string }[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '202', name: '外交支出' },
  { code: '203', name: '国防支出' },
  { code: '204', name: '公共安全支出' },
  { code: '205', name: '教育支出' },
  { code: '206', name: '科学技术支出' },
  { code: '207', name: '文化旅游体育与传媒支出' },
  { code: '208', name: '社会保障和就业支出' },
  { code: '209', name: '社会保险基金支出' },
  { code: '210', name: '卫生健康支出' },
  { code: '211', name: '节能环保支出' },
  { code: '212', name: '城乡社区支出' },
  { code: '213', name: '农林水支出' },
  { code: '214', name: '交通运输支出' },
  { code: '215', name: '资源勘探工业信息等支出' },
  { code: '216', name: '商业服务业等支出' },
  { code: '217', name: '金融支出' },
  { code: '219', name: '援助其他地区支出' },
  { code: '220', name: '自然资源海洋气象等支出' },
  { code: '221', name: '住房保障支出' },
  { code: '222', name: '粮油物资储备支出' },
  { code: '223', name: '国有资本经营预算支出' },
  { code: '224', name: '灾害防治及应急管理支出' },
  { code: '227', name: '预备费' },
  { code: '229', name: '其他支出' },
  { code: '230', name: '转移性支出' },
  { code: '231', name: '债务还本支出' },
  { code: '232', name: '债务付息支出' },
  { code: '233', name: '债务发行费用支出' },
  { code: '234', name: '抗疫特别国债安排的支出' },
];

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
