/**
 * 项目支出绩效目标表 and 整体支出绩效目标表 (goal-sheets-spec.md §3, §7, §11). A project sheet
 * belongs to one project record, so its name, unit and year money cannot drift from 表十二:
 * those are read from the project, never stored on the sheet. Amounts on sheets are in 元,
 * held as integer 分 like every amount.
 */
import type { Fen } from '../money';

/** The indicator taxonomy, in template order: every sheet prints all nine 二级 groups. */
export const INDICATOR_GROUPS = [
  { key: 'quantity', level1: '产出指标', level2: '数量指标' },
  { key: 'quality', level1: '产出指标', level2: '质量指标' },
  { key: 'timeliness', level1: '产出指标', level2: '时效指标' },
  { key: 'cost', level1: '产出指标', level2: '成本指标' },
  { key: 'economic', level1: '效益指标', level2: '经济效益指标' },
  { key: 'social', level1: '效益指标', level2: '社会效益指标' },
  { key: 'ecological', level1: '效益指标', level2: '生态效益指标' },
  { key: 'sustainable', level1: '效益指标', level2: '可持续影响指标' },
  { key: 'satisfaction', level1: '满意度指标', level2: '服务对象满意度指标' },
] as const;
export type IndicatorGroupKey = (typeof INDICATOR_GROUPS)[number]['key'];
export const LEVEL1_GROUPS = ['产出指标', '效益指标', '满意度指标'] as const;

export interface Indicator {
  readonly group: IndicatorGroupKey;
  /** 三级指标 */
  readonly name: string;
  /** 指标值 as printed, e.g. ≥5000人次, 100%, 12月底, 提高. */
  readonly value: string;
}

/** 中央/省级/市县(区)财政资金, 单位自筹, 其他资金: money by level of government. */
export interface FundingBySource {
  readonly central: Fen | null;
  readonly provincial: Fen | null;
  readonly cityCounty: Fen | null;
  readonly selfRaised: Fen | null;
  readonly other: Fen | null;
}

/** The funding rows of a goal sheet, in the template's order, with the labels it prints. */
export const FUNDING_SOURCE_ROWS: readonly { key: keyof FundingBySource; label: string }[] = [
  { key: 'central', label: '其中：中央财政资金' },
  { key: 'provincial', label: '省级财政资金' },
  { key: 'cityCounty', label: '市县(区)财政资金' },
  { key: 'selfRaised', label: '单位自筹' },
  { key: 'other', label: '其他资金' },
];

export const PROJECT_ATTRIBUTES = [
  '经常性项目(长期开展)',
  '一次性项目(1年结束)',
  '延续性项目(阶段开展)',
] as const;
export type ProjectAttribute = (typeof PROJECT_ATTRIBUTES)[number];

/** 项目类别, counted separately in 十、绩效管理情况. */
export const PROJECT_CATEGORIES = ['其他运转类', '特定目标类'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/** 政府采购 budget by category (九、政府采购情况). */
export interface Procurement {
  readonly goods: Fen | null;
  readonly works: Fen | null;
  readonly services: Fen | null;
}

/**
 * The disclosure record of a 表十二 project: its 绩效目标表 and the attributes the 情况说明
 * counts (项目类别, published, 政府采购).
 */
export interface ProjectGoalSheet {
  readonly projectId: number;
  readonly procurement: Procurement;
  readonly category: ProjectCategory | null;
  /** Published with the disclosure; an unpublished sheet needs a reason. */
  readonly isPublished: boolean;
  readonly unpublishedReason: string;
  /** 主管部门及代码, e.g. 206 / 阳城县医疗保障局. */
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly attribute: ProjectAttribute | null;
  /** 项目期 in years; 99 for a recurring project. */
  readonly periodYears: number | null;
  /** 实施期资金总额 (the 年度 total is the project's 表十二 合计). */
  readonly implementationTotal: Fen | null;
  readonly implementationFunding: FundingBySource;
  readonly annualFunding: FundingBySource;
  readonly texts: {
    readonly overview: string;
    readonly basis: string;
    readonly necessity: string;
    readonly safeguards: string;
    readonly plan: string;
  };
  readonly overallGoal: { readonly implementation: string; readonly annual: string };
  readonly indicators: {
    readonly implementation: readonly Indicator[];
    readonly annual: readonly Indicator[];
  };
  readonly footer: { readonly responsible: string; readonly handler: string; readonly phone: string };
}

export const EMPTY_FUNDING: FundingBySource = {
  central: null,
  provincial: null,
  cityCounty: null,
  selfRaised: null,
  other: null,
};

export function emptyGoalSheet(projectId: number): ProjectGoalSheet {
  return {
    projectId,
    procurement: { goods: null, works: null, services: null },
    category: null,
    isPublished: true,
    unpublishedReason: '',
    departmentCode: '',
    departmentName: '',
    attribute: null,
    periodYears: null,
    implementationTotal: null,
    implementationFunding: EMPTY_FUNDING,
    annualFunding: EMPTY_FUNDING,
    texts: { overview: '', basis: '', necessity: '', safeguards: '', plan: '' },
    overallGoal: { implementation: '', annual: '' },
    indicators: { implementation: [], annual: [] },
    footer: { responsible: '', handler: '', phone: '' },
  };
}

/** The 整体支出绩效目标表: its budget block is read from the tables, the rest is entered. */
export interface WholeUnitGoalSheet {
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly internalDivisions: number | null;
  readonly subordinateUnits: number | null;
  readonly authorizedStaff: number | null;
  readonly staffOnEstablishment: number | null;
  readonly otherStaff: number | null;
  readonly duties: string;
  readonly strategicGoal: string;
  readonly keyTasks: readonly { readonly coreFunction: string; readonly task: string }[];
  readonly annualGoal: string;
  readonly indicators: readonly Indicator[];
}
