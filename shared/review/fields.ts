/**
 * The entered fields of the goal sheets, the 概况, the 情况说明 inputs and the profile, each
 * with the label a user knows it by and its value as text, so that two versions can be
 * compared field by field. Amounts on goal sheets are in 元 (as the sheets print them); the
 * 情况说明 inputs in 万元.
 */
import {
  FUNDING_SOURCE_ROWS,
  type FundingBySource,
  INDICATOR_GROUPS,
  type Indicator,
  type ProjectGoalSheet,
  type WholeUnitGoalSheet,
} from '../goal-sheets/model';
import { type Fen, formatWanYuanExact, formatYuan } from '../money';
import { VEHICLE_CATEGORIES, type NarrativeInputs } from '../narrative/inputs';
import type { Overview } from '../narrative/overview';
import type { WorkbookProfile } from '../workbook/content';

type Field<T> = readonly [label: string, text: (value: T) => string];

const text = (value: string | null) => value ?? '';
const count = (value: number | null) => (value === null ? '' : String(value));
const yesNo = (value: boolean) => (value ? '是' : '否');

/** Indicators one per line, 二级指标｜三级指标：指标值, in the sheet's order. */
function indicatorLines(indicators: readonly Indicator[]): string {
  const level2 = new Map<string, string>(INDICATOR_GROUPS.map((group) => [group.key, group.level2]));
  return indicators
    .map(
      (indicator) =>
        `${level2.get(indicator.group) ?? indicator.group}｜${indicator.name}：${indicator.value}`,
    )
    .join('\n');
}

function fundingFields(
  prefix: string,
  pick: (sheet: ProjectGoalSheet) => FundingBySource,
): Field<ProjectGoalSheet>[] {
  return FUNDING_SOURCE_ROWS.map(({ key, label }): Field<ProjectGoalSheet> => [
    `${prefix}·${label.replace(/^其中：/, '')}（元）`,
    (sheet) => formatYuan(pick(sheet)[key]),
  ]);
}

export const PROJECT_GOAL_SHEET_FIELDS: readonly Field<ProjectGoalSheet>[] = [
  ['是否公开', (sheet) => yesNo(sheet.isPublished)],
  ['不公开理由', (sheet) => sheet.unpublishedReason],
  ['项目类别', (sheet) => text(sheet.category)],
  ['主管部门代码', (sheet) => sheet.departmentCode],
  ['主管部门', (sheet) => sheet.departmentName],
  ['项目属性', (sheet) => text(sheet.attribute)],
  ['项目期（年）', (sheet) => count(sheet.periodYears)],
  ['实施期资金总额（元）', (sheet) => formatYuan(sheet.implementationTotal)],
  ...fundingFields('实施期资金', (sheet) => sheet.implementationFunding),
  ...fundingFields('年度资金', (sheet) => sheet.annualFunding),
  ['政府采购·货物（元）', (sheet) => formatYuan(sheet.procurement.goods)],
  ['政府采购·工程（元）', (sheet) => formatYuan(sheet.procurement.works)],
  ['政府采购·服务（元）', (sheet) => formatYuan(sheet.procurement.services)],
  ['项目概况', (sheet) => sheet.texts.overview],
  ['立项依据', (sheet) => sheet.texts.basis],
  ['项目设立必要性', (sheet) => sheet.texts.necessity],
  ['保证项目实施的制度、措施', (sheet) => sheet.texts.safeguards],
  ['项目实施计划', (sheet) => sheet.texts.plan],
  ['实施期目标', (sheet) => sheet.overallGoal.implementation],
  ['年度目标', (sheet) => sheet.overallGoal.annual],
  ['实施期绩效指标', (sheet) => indicatorLines(sheet.indicators.implementation)],
  ['年度绩效指标', (sheet) => indicatorLines(sheet.indicators.annual)],
  ['负责人', (sheet) => sheet.footer.responsible],
  ['经办人', (sheet) => sheet.footer.handler],
  ['联系电话', (sheet) => sheet.footer.phone],
];

export const WHOLE_UNIT_GOAL_SHEET_FIELDS: readonly Field<WholeUnitGoalSheet>[] = [
  ['部门代码', (sheet) => sheet.departmentCode],
  ['部门名称', (sheet) => sheet.departmentName],
  ['内设职能部门数', (sheet) => count(sheet.internalDivisions)],
  ['所属预算单位数', (sheet) => count(sheet.subordinateUnits)],
  ['核定的人员编制数', (sheet) => count(sheet.authorizedStaff)],
  ['在编人员数', (sheet) => count(sheet.staffOnEstablishment)],
  ['其他人员数', (sheet) => count(sheet.otherStaff)],
  ['部门职责', (sheet) => sheet.duties],
  ['部门战略目标', (sheet) => sheet.strategicGoal],
  ['重点工作任务', (sheet) => sheet.keyTasks.map((task) => `${task.coreFunction}：${task.task}`).join('\n')],
  ['年度目标', (sheet) => sheet.annualGoal],
  ['年度绩效指标', (sheet) => indicatorLines(sheet.indicators)],
];

export const OVERVIEW_FIELDS: readonly Field<Overview>[] = [
  ['主要职能', (overview) => overview.duties.join('\n')],
  ['职能编号样式', (overview) => overview.dutyMarkerStyle],
  ['编制', (overview) => overview.establishment.map((entry) => `${entry.kind}${entry.count}名`).join('，')],
  [
    '实有人数',
    (overview) =>
      overview.headcount === null
        ? ''
        : `截至${overview.headcount.asOf} ${overview.headcount.total}人` +
          overview.headcount.breakdown.map((entry) => `，${entry.label}${entry.count}人`).join(''),
  ],
  [
    '内设机构',
    (overview) => overview.internalUnits.map((unit) => `${unit.name}（${unit.level}）`).join('、'),
  ],
  ['机构设置补充说明', (overview) => overview.organisationText],
];

const wan = (fen: Fen | null) => formatWanYuanExact(fen);

export const NARRATIVE_INPUT_FIELDS: readonly Field<NarrativeInputs>[] = [
  ['上年收入总计（万元）', (inputs) => wan(inputs.previousYear.incomeTotal)],
  ['上年支出总计（万元）', (inputs) => wan(inputs.previousYear.expenditureTotal)],
  ['上年一般公共预算当年拨款（万元）', (inputs) => wan(inputs.previousYear.generalBudgetCurrent)],
  ['上年因公出国（境）费（万元）', (inputs) => wan(inputs.previousYear.threePublic.abroad)],
  ['上年公务接待费（万元）', (inputs) => wan(inputs.previousYear.threePublic.reception)],
  ['上年公务用车购置费（万元）', (inputs) => wan(inputs.previousYear.threePublic.vehiclePurchase)],
  ['上年公务用车运行维护费（万元）', (inputs) => wan(inputs.previousYear.threePublic.vehicleOperation)],
  ['上年机关运行经费（万元）', (inputs) => wan(inputs.previousYear.operatingCosts)],
  ['收入增减原因', (inputs) => inputs.reasons.income],
  ['支出增减原因', (inputs) => inputs.reasons.expenditure],
  ['“三公”经费增减原因', (inputs) => inputs.reasons.threePublic],
  ['机关运行经费增减原因', (inputs) => inputs.reasons.operatingCosts],
  ['无机关运行经费的原因', (inputs) => inputs.noOperatingCostsReason],
  ['其他政府采购·货物（万元）', (inputs) => wan(inputs.procurement.goods)],
  ['其他政府采购·工程（万元）', (inputs) => wan(inputs.procurement.works)],
  ['其他政府采购·服务（万元）', (inputs) => wan(inputs.procurement.services)],
  ['资产截至日期', (inputs) => inputs.assets.asOf],
  ['公务用车编制数', (inputs) => count(inputs.assets.vehicleQuota)],
  ...VEHICLE_CATEGORIES.map((category): Field<NarrativeInputs> => [
    `${category}（辆）`,
    (inputs) => String(inputs.assets.vehicles[category]),
  ]),
  ['办公用房建筑总面积', (inputs) => inputs.assets.officeArea],
  ['单位价值50万元以上设备（台、套）', (inputs) => count(inputs.assets.equipmentOver50)],
  ['单位价值100万元以上设备（台、套）', (inputs) => count(inputs.assets.equipmentOver100)],
  ['政府购买服务情况', (inputs) => inputs.purchaseServiceText],
  ['其他需要说明的事项', (inputs) => inputs.otherText],
  ['项目数含上年结转项目', (inputs) => yesNo(inputs.countCarryoverProjects)],
];

export const PROFILE_FIELDS: readonly Field<WorkbookProfile>[] = [
  ['单位名称', (profile) => profile.name],
  ['单位编码', (profile) => text(profile.code)],
  ['预算年度', (profile) => String(profile.year)],
  ['公开主体', (profile) => profile.scope],
  ['单位类型', (profile) => text(profile.unitType)],
  ['主管部门', (profile) => text(profile.supervisingDepartment)],
];

export interface FieldValue {
  readonly label: string;
  readonly text: string;
}

/** The fields of a record as text; a missing record (no sheet) has every field blank. */
export function fieldValues<T>(fields: readonly Field<T>[], record: T | null): FieldValue[] {
  return fields.map(([label, read]) => ({ label, text: record === null ? '' : read(record) }));
}
