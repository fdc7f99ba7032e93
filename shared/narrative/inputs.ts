import type { Fen } from '../money';

/**
 * What the 情况说明 needs that is not in the thirteen tables (document-spec.md §4.13): last
 * year's figures, the reasons for changes, procurement, assets and free texts. Amounts in 分.
 */
export interface NarrativeInputs {
  readonly previousYear: {
    readonly incomeTotal: Fen | null;
    readonly expenditureTotal: Fen | null;
    /** 一般公共预算当年拨款（不含结转）. */
    readonly generalBudgetCurrent: Fen | null;
    readonly threePublic: {
      readonly abroad: Fen | null;
      readonly reception: Fen | null;
      readonly vehiclePurchase: Fen | null;
      readonly vehicleOperation: Fen | null;
    };
    readonly operatingCosts: Fen | null;
  };
  readonly reasons: {
    readonly income: string;
    readonly expenditure: string;
    readonly threePublic: string;
    readonly operatingCosts: string;
  };
  /** Why a unit has no 机关运行经费, e.g. 为公立医院 (八 none-statement). */
  readonly noOperatingCostsReason: string;
  /** 政府采购 not tied to a 表十二 project (e.g. 表六 资本性支出); projects carry their own. */
  readonly procurement: {
    readonly goods: Fen | null;
    readonly works: Fen | null;
    readonly services: Fen | null;
  };
  readonly assets: {
    /** 截至 date as printed, e.g. 2024年12月31日. */
    readonly asOf: string;
    readonly vehicleQuota: number | null;
    readonly vehicles: Readonly<Record<VehicleCategory, number>>;
    /** 办公用房建筑总面积, m², as entered. */
    readonly officeArea: string;
    readonly equipmentOver50: number | null;
    readonly equipmentOver100: number | null;
  };
  readonly purchaseServiceText: string;
  readonly otherText: string;
  /**
   * 十: count 上年结转 projects (表十三) with this year's (a project of both tables once), as 002
   * does; 003 and 004 count 表十二 only.
   */
  readonly countCarryoverProjects: boolean;
}

export const VEHICLE_CATEGORIES = [
  '领导用车',
  '机要通信用车',
  '应急保障用车',
  '执法执勤用车',
  '特种专业技术用车',
  '事业单位业务用车',
  '其他公务用车',
] as const;
export type VehicleCategory = (typeof VEHICLE_CATEGORIES)[number];

export const EMPTY_NARRATIVE_INPUTS: NarrativeInputs = {
  previousYear: {
    incomeTotal: null,
    expenditureTotal: null,
    generalBudgetCurrent: null,
    threePublic: { abroad: null, reception: null, vehiclePurchase: null, vehicleOperation: null },
    operatingCosts: null,
  },
  reasons: { income: '', expenditure: '', threePublic: '', operatingCosts: '' },
  noOperatingCostsReason: '',
  procurement: { goods: null, works: null, services: null },
  assets: {
    asOf: '',
    vehicleQuota: null,
    vehicles: Object.fromEntries(VEHICLE_CATEGORIES.map((category) => [category, 0])) as Record<
      VehicleCategory,
      number
    >,
    officeArea: '',
    equipmentOver50: null,
    equipmentOver100: null,
  },
  purchaseServiceText: '',
  otherText: '',
  countCarryoverProjects: false,
};
