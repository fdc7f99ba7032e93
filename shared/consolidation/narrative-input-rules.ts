/**
 * How a 部门 takes each 情况说明 input from its units when it consolidates them: figures that
 * add up (amounts in 分, counts, the office area) are the units' sums; what a 部门 writes about
 * itself (reasons, free texts, choices) stays its own; the 截至 date is taken when the units
 * agree and the 部门 has none. Every field of NarrativeInputs has exactly one entry.
 */
import { VEHICLE_CATEGORIES } from '../narrative/inputs';

/**
 * amount: Fen | null; count: number | null (the vehicles per category are never blank); area:
 * a decimal string of m², '' when blank, summed exactly at the precision the units entered.
 */
export type SummedKind = 'amount' | 'count' | 'area';

export type NarrativeInputRule =
  | { readonly take: 'sum'; readonly kind: SummedKind }
  /** The 部门's own text or choice; the units' are not its. */
  | { readonly take: 'own' }
  /** The units' common value, when the 部门 has none. */
  | { readonly take: 'agreed' };

export interface NarrativeInputField {
  /** Where the field is in NarrativeInputs. */
  readonly path: readonly [string, ...string[]];
  /** As the officer knows it, with its unit. */
  readonly label: string;
  readonly rule: NarrativeInputRule;
}

const amount: NarrativeInputRule = { take: 'sum', kind: 'amount' };
const count: NarrativeInputRule = { take: 'sum', kind: 'count' };
const own: NarrativeInputRule = { take: 'own' };

export const NARRATIVE_INPUT_CONSOLIDATION: readonly NarrativeInputField[] = [
  { path: ['previousYear', 'incomeTotal'], label: '上年收入总计（万元）', rule: amount },
  { path: ['previousYear', 'expenditureTotal'], label: '上年支出总计（万元）', rule: amount },
  {
    path: ['previousYear', 'generalBudgetCurrent'],
    label: '上年一般公共预算当年拨款（万元）',
    rule: amount,
  },
  { path: ['previousYear', 'threePublic', 'abroad'], label: '上年因公出国（境）费（万元）', rule: amount },
  { path: ['previousYear', 'threePublic', 'reception'], label: '上年公务接待费（万元）', rule: amount },
  {
    path: ['previousYear', 'threePublic', 'vehiclePurchase'],
    label: '上年公务用车购置费（万元）',
    rule: amount,
  },
  {
    path: ['previousYear', 'threePublic', 'vehicleOperation'],
    label: '上年公务用车运行维护费（万元）',
    rule: amount,
  },
  { path: ['previousYear', 'operatingCosts'], label: '上年机关运行经费（万元）', rule: amount },
  { path: ['reasons', 'income'], label: '收入增减原因', rule: own },
  { path: ['reasons', 'expenditure'], label: '支出增减原因', rule: own },
  { path: ['reasons', 'threePublic'], label: '“三公”经费增减原因', rule: own },
  { path: ['reasons', 'operatingCosts'], label: '机关运行经费增减原因', rule: own },
  { path: ['noOperatingCostsReason'], label: '无机关运行经费的原因', rule: own },
  { path: ['procurement', 'goods'], label: '其他政府采购·货物（万元）', rule: amount },
  { path: ['procurement', 'works'], label: '其他政府采购·工程（万元）', rule: amount },
  { path: ['procurement', 'services'], label: '其他政府采购·服务（万元）', rule: amount },
  { path: ['assets', 'asOf'], label: '资产截至日期', rule: { take: 'agreed' } },
  { path: ['assets', 'vehicleQuota'], label: '公务用车编制数（辆）', rule: count },
  ...VEHICLE_CATEGORIES.map((category): NarrativeInputField => ({
    path: ['assets', 'vehicles', category],
    label: `${category}（辆）`,
    rule: count,
  })),
  {
    path: ['assets', 'officeArea'],
    label: '办公用房建筑总面积（平方米）',
    rule: { take: 'sum', kind: 'area' },
  },
  { path: ['assets', 'equipmentOver50'], label: '单位价值50万元以上设备（台、套）', rule: count },
  { path: ['assets', 'equipmentOver100'], label: '单位价值100万元以上设备（台、套）', rule: count },
  { path: ['purchaseServiceText'], label: '政府购买服务情况', rule: own },
  { path: ['otherText'], label: '其他需要说明的事项', rule: own },
  { path: ['countCarryoverProjects'], label: '项目数含上年结转项目', rule: own },
];
