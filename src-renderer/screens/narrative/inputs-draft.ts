/**
 * The 情况说明 inputs while they are edited: amounts (万元) and counts as typed, read back into
 * NarrativeInputs (amounts in 分) with every problem named on saving.
 */
import {
  type NarrativeInputs,
  VEHICLE_CATEGORIES,
  type VehicleCategory,
} from '../../../shared/narrative/inputs';
import type { Fen } from '../../../shared/money';
import { amountToText, countToText } from '../../forms/amount-text';
import { type DraftReading, FieldReader } from '../../forms/field-reader';

type PreviousYear = NarrativeInputs['previousYear'];
type ThreePublic = PreviousYear['threePublic'];
type Procurement = NarrativeInputs['procurement'];

/** Last year's figures the sentences compare with, in the order the 情况说明 states them. */
export const PREVIOUS_YEAR_FIELDS = [
  { key: 'incomeTotal', label: '上年收入预算合计' },
  { key: 'expenditureTotal', label: '上年支出预算合计' },
  { key: 'generalBudgetCurrent', label: '上年一般公共预算当年拨款' },
  { key: 'operatingCosts', label: '上年机关运行经费' },
] as const satisfies readonly { key: Exclude<keyof PreviousYear, 'threePublic'>; label: string }[];

export const THREE_PUBLIC_FIELDS = [
  { key: 'abroad', label: '上年因公出国（境）费' },
  { key: 'reception', label: '上年公务接待费' },
  { key: 'vehiclePurchase', label: '上年公务用车购置费' },
  { key: 'vehicleOperation', label: '上年公务用车运行维护费' },
] as const satisfies readonly { key: keyof ThreePublic; label: string }[];

export const PROCUREMENT_FIELDS = [
  { key: 'goods', label: '政府采购货物类' },
  { key: 'works', label: '政府采购工程类' },
  { key: 'services', label: '政府采购服务类' },
] as const satisfies readonly { key: keyof Procurement; label: string }[];

export const REASON_FIELDS = [
  { key: 'income', label: '收入增减原因' },
  { key: 'expenditure', label: '支出增减原因' },
  { key: 'threePublic', label: '“三公”经费增减原因' },
  { key: 'operatingCosts', label: '机关运行经费增减原因' },
] as const satisfies readonly { key: keyof NarrativeInputs['reasons']; label: string }[];

export const ASSET_COUNT_FIELDS = [
  { key: 'vehicleQuota', label: '公务用车编制数（辆）' },
  { key: 'equipmentOver50', label: '单价50万元以上通用设备（台/套）' },
  { key: 'equipmentOver100', label: '单价100万元以上专用设备（台/套）' },
] as const satisfies readonly { key: keyof NarrativeInputs['assets']; label: string }[];

type AmountKey =
  | (typeof PREVIOUS_YEAR_FIELDS)[number]['key']
  | (typeof THREE_PUBLIC_FIELDS)[number]['key']
  | (typeof PROCUREMENT_FIELDS)[number]['key'];
type AssetCountKey = (typeof ASSET_COUNT_FIELDS)[number]['key'];

export interface NarrativeInputsDraft {
  /** Texts and flags are edited here; amounts and counts in the fields below. */
  readonly inputs: NarrativeInputs;
  readonly amounts: Readonly<Record<AmountKey, string>>;
  readonly assetCounts: Readonly<Record<AssetCountKey, string>>;
  readonly vehicles: Readonly<Record<VehicleCategory, string>>;
}

export function inputsDraft(inputs: NarrativeInputs): NarrativeInputsDraft {
  const { previousYear, procurement, assets } = inputs;
  const text = (fen: Fen | null) => amountToText(fen, 'wanYuan');
  return {
    inputs,
    amounts: {
      incomeTotal: text(previousYear.incomeTotal),
      expenditureTotal: text(previousYear.expenditureTotal),
      generalBudgetCurrent: text(previousYear.generalBudgetCurrent),
      operatingCosts: text(previousYear.operatingCosts),
      abroad: text(previousYear.threePublic.abroad),
      reception: text(previousYear.threePublic.reception),
      vehiclePurchase: text(previousYear.threePublic.vehiclePurchase),
      vehicleOperation: text(previousYear.threePublic.vehicleOperation),
      goods: text(procurement.goods),
      works: text(procurement.works),
      services: text(procurement.services),
    },
    assetCounts: {
      vehicleQuota: countToText(assets.vehicleQuota),
      equipmentOver50: countToText(assets.equipmentOver50),
      equipmentOver100: countToText(assets.equipmentOver100),
    },
    vehicles: Object.fromEntries(
      VEHICLE_CATEGORIES.map((category) => [category, String(assets.vehicles[category])]),
    ) as Record<VehicleCategory, string>,
  };
}

const LABEL_OF_AMOUNT: Readonly<Record<AmountKey, string>> = Object.fromEntries(
  [...PREVIOUS_YEAR_FIELDS, ...THREE_PUBLIC_FIELDS, ...PROCUREMENT_FIELDS].map((field) => [
    field.key,
    field.label,
  ]),
) as Record<AmountKey, string>;

export function narrativeInputsOf(draft: NarrativeInputsDraft): DraftReading<NarrativeInputs> {
  const reader = new FieldReader();
  const amount = (key: AmountKey) => reader.amount(LABEL_OF_AMOUNT[key], draft.amounts[key], 'wanYuan');
  const { inputs } = draft;
  const previousYear: PreviousYear = {
    incomeTotal: amount('incomeTotal'),
    expenditureTotal: amount('expenditureTotal'),
    generalBudgetCurrent: amount('generalBudgetCurrent'),
    operatingCosts: amount('operatingCosts'),
    threePublic: {
      abroad: amount('abroad'),
      reception: amount('reception'),
      vehiclePurchase: amount('vehiclePurchase'),
      vehicleOperation: amount('vehicleOperation'),
    },
  };
  const procurement: Procurement = {
    goods: amount('goods'),
    works: amount('works'),
    services: amount('services'),
  };
  const assetCount = (key: AssetCountKey) =>
    reader.count(ASSET_COUNT_FIELDS.find((field) => field.key === key)?.label ?? key, draft.assetCounts[key]);
  const vehicles = Object.fromEntries(
    VEHICLE_CATEGORIES.map((category) => [
      category,
      reader.count(`${category}（辆）`, draft.vehicles[category]) ?? 0,
    ]),
  ) as Record<VehicleCategory, number>;
  return reader.result({
    ...inputs,
    previousYear,
    procurement,
    assets: {
      ...inputs.assets,
      vehicleQuota: assetCount('vehicleQuota'),
      equipmentOver50: assetCount('equipmentOver50'),
      equipmentOver100: assetCount('equipmentOver100'),
      vehicles,
    },
  });
}
