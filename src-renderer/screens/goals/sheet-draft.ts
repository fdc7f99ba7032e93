/**
 * A goal sheet while it is being edited: amounts and counts as the text typed, indicators with
 * row keys. Turned back into the contract's sheet on saving, with every problem at once, in
 * Chinese, naming the field.
 */
import {
  FUNDING_SOURCE_ROWS,
  type FundingBySource,
  type Procurement,
  type ProjectGoalSheet,
  type WholeUnitGoalSheet,
} from '../../../shared/goal-sheets/model';
import { amountToText, countToText } from '../../forms/amount-text';
import { type DraftReading, FieldReader } from '../../forms/field-reader';
import { type IndicatorRow, withKeys, withoutKeys } from './indicator-rows';

export type FundingKey = keyof FundingBySource;
export type ProcurementKey = keyof Procurement;

export const PROCUREMENT_ROWS: readonly { key: ProcurementKey; label: string }[] = [
  { key: 'goods', label: '货物类' },
  { key: 'works', label: '工程类' },
  { key: 'services', label: '服务类' },
];

/** The funding row labels without the template's `其中：` lead-in. */
export function fundingLabel(key: FundingKey): string {
  return (FUNDING_SOURCE_ROWS.find((row) => row.key === key)?.label ?? key).replace(/^其中：/, '');
}

type FundingTexts = Readonly<Record<FundingKey, string>>;

export type IndicatorSide = 'annual' | 'implementation';

export interface ProjectSheetDraft {
  /** The sheet's texts, choices and flags; its amounts and indicators are the fields below. */
  readonly sheet: ProjectGoalSheet;
  readonly periodText: string;
  readonly implementationTotal: string;
  readonly implementationFunding: FundingTexts;
  readonly annualFunding: FundingTexts;
  readonly procurement: Readonly<Record<ProcurementKey, string>>;
  readonly indicators: Readonly<Record<IndicatorSide, readonly IndicatorRow[]>>;
}

function fundingTexts(funding: FundingBySource): FundingTexts {
  return {
    central: amountToText(funding.central, 'yuan'),
    provincial: amountToText(funding.provincial, 'yuan'),
    cityCounty: amountToText(funding.cityCounty, 'yuan'),
    selfRaised: amountToText(funding.selfRaised, 'yuan'),
    other: amountToText(funding.other, 'yuan'),
  };
}

export function projectDraft(sheet: ProjectGoalSheet): ProjectSheetDraft {
  return {
    sheet,
    periodText: countToText(sheet.periodYears),
    implementationTotal: amountToText(sheet.implementationTotal, 'yuan'),
    implementationFunding: fundingTexts(sheet.implementationFunding),
    annualFunding: fundingTexts(sheet.annualFunding),
    procurement: {
      goods: amountToText(sheet.procurement.goods, 'yuan'),
      works: amountToText(sheet.procurement.works, 'yuan'),
      services: amountToText(sheet.procurement.services, 'yuan'),
    },
    indicators: {
      annual: withKeys(sheet.indicators.annual),
      implementation: withKeys(sheet.indicators.implementation),
    },
  };
}

function readFunding(reader: FieldReader, side: string, texts: FundingTexts): FundingBySource {
  const read = (key: FundingKey) => reader.amount(`${side}${fundingLabel(key)}`, texts[key], 'yuan');
  return {
    central: read('central'),
    provincial: read('provincial'),
    cityCounty: read('cityCounty'),
    selfRaised: read('selfRaised'),
    other: read('other'),
  };
}

export function projectSheetOf(draft: ProjectSheetDraft): DraftReading<ProjectGoalSheet> {
  const reader = new FieldReader();
  const { sheet } = draft;
  const periodYears = reader.count('项目期（年）', draft.periodText, { min: 1, max: 99 });
  const implementationTotal = reader.amount('实施期资金总额', draft.implementationTotal, 'yuan');
  const implementationFunding = readFunding(reader, '实施期', draft.implementationFunding);
  const annualFunding = readFunding(reader, '年度', draft.annualFunding);
  const procurement = {
    goods: reader.amount('政府采购货物类', draft.procurement.goods, 'yuan'),
    works: reader.amount('政府采购工程类', draft.procurement.works, 'yuan'),
    services: reader.amount('政府采购服务类', draft.procurement.services, 'yuan'),
  };
  reader.require(
    sheet.isPublished || sheet.unpublishedReason.trim() !== '',
    '不公开的绩效目标表需要填写不公开理由',
  );
  return reader.result({
    ...sheet,
    periodYears,
    implementationTotal,
    implementationFunding,
    annualFunding,
    procurement,
    indicators: {
      annual: withoutKeys(draft.indicators.annual),
      implementation: withoutKeys(draft.indicators.implementation),
    },
  });
}

export const WHOLE_UNIT_COUNTS = [
  { key: 'internalDivisions', label: '内设职能部门数（个）' },
  { key: 'subordinateUnits', label: '所属预算单位数（个）' },
  { key: 'authorizedStaff', label: '核定的人员编制数（人）' },
  { key: 'staffOnEstablishment', label: '在编人员数（人）' },
  { key: 'otherStaff', label: '其他人员数（人）' },
] as const;
export type WholeUnitCountKey = (typeof WHOLE_UNIT_COUNTS)[number]['key'];

export interface WholeUnitDraft {
  readonly sheet: WholeUnitGoalSheet;
  readonly counts: Readonly<Record<WholeUnitCountKey, string>>;
  readonly indicators: readonly IndicatorRow[];
}

export const EMPTY_WHOLE_UNIT_SHEET: WholeUnitGoalSheet = {
  departmentCode: '',
  departmentName: '',
  internalDivisions: null,
  subordinateUnits: null,
  authorizedStaff: null,
  staffOnEstablishment: null,
  otherStaff: null,
  duties: '',
  strategicGoal: '',
  keyTasks: [],
  annualGoal: '',
  indicators: [],
};

export function wholeUnitDraft(sheet: WholeUnitGoalSheet): WholeUnitDraft {
  return {
    sheet,
    counts: Object.fromEntries(WHOLE_UNIT_COUNTS.map(({ key }) => [key, countToText(sheet[key])])) as Record<
      WholeUnitCountKey,
      string
    >,
    indicators: withKeys(sheet.indicators),
  };
}

export function wholeUnitSheetOf(draft: WholeUnitDraft): DraftReading<WholeUnitGoalSheet> {
  const reader = new FieldReader();
  const counts = Object.fromEntries(
    WHOLE_UNIT_COUNTS.map(({ key, label }) => [key, reader.count(label, draft.counts[key])]),
  ) as Record<WholeUnitCountKey, number | null>;
  return reader.result({ ...draft.sheet, ...counts, indicators: withoutKeys(draft.indicators) });
}
