/**
 * The sentences of 第三部分 情况说明 as data (document-spec.md §4): each sentence a template with
 * `{placeholders}` that the generator fills from the tables and the user's inputs. `{scope}` is
 * 部门 or 单位, `{unit}` the unit's name, `{year}` the budget year.
 */
export interface SentenceTemplate {
  readonly id: string;
  /** A heading printed before the sentence, e.g. （一）一般公共预算当年支出规模变化情况. */
  readonly heading?: string;
  readonly template: string;
}

export interface SectionTemplate {
  readonly no: string;
  readonly key: string;
  readonly title: string;
  readonly sentences: readonly SentenceTemplate[];
}

export const NARRATIVE_SECTIONS: readonly SectionTemplate[] = [
  {
    no: '一',
    key: 'changes',
    title: '{scope}预算收支数据变动情况及原因',
    sentences: [
      {
        id: 'changes',
        template:
          '{year}年度{unit}预算收入总计{incomeTotal}万元，其中：本年收入{incomeCurrent}万元，上年结转{incomeCarryover}万元，{incomeChange}{incomeReason}；' +
          '本年{scope}预算支出总计{expenditureTotal}万元，其中：本年预算安排{expenditureCurrent}万元，上年结转{expenditureCarryover}万元，{expenditureChange}{expenditureReason}。',
      },
    ],
  },
  {
    no: '二',
    key: 'income',
    title: '收入预算情况说明',
    sentences: [{ id: 'income', template: '{year}年度{unit}预算收入{total}万元，主要包括{items}。' }],
  },
  {
    no: '三',
    key: 'expenditure',
    title: '支出预算情况说明',
    sentences: [
      {
        id: 'expenditure',
        template:
          '{year}年度{unit}支出预算{total}万元，其中：基本支出{basic}万元，占{basicPercent}%；项目支出{project}万元，占{projectPercent}%。',
      },
    ],
  },
  {
    no: '四',
    key: 'fiscalAppropriation',
    title: '财政拨款收支预算总体情况说明',
    sentences: [
      {
        id: 'fiscalAppropriation',
        template:
          '{year}年度{unit}财政拨款收支总预算{total}万元。其中：一般公共预算拨款{general}万元，政府性基金预算拨款{fund}万元，国有资本经营预算拨款{soe}万元。' +
          '其中：当年拨款收入{current}万元，上年结转收入{carryover}万元。支出包括：{items}等。',
      },
    ],
  },
  {
    no: '五',
    key: 'generalBudget',
    title: '一般公共预算支出情况说明',
    sentences: [
      {
        id: 'generalBudget.scale',
        heading: '（一）一般公共预算当年支出规模变化情况',
        template: '{year}年度{unit}一般公共预算当年支出{current}万元，{change}。',
      },
      {
        id: 'generalBudget.structure',
        heading: '（二）一般公共预算当年支出结构情况',
        template: '{year}年度{unit}一般公共预算当年支出{current}万元，主要用于以下方面：{items}等。',
      },
    ],
  },
  {
    no: '六',
    key: 'generalBudgetBasic',
    title: '一般公共预算基本支出情况说明',
    sentences: [
      {
        id: 'generalBudgetBasic',
        template:
          '{year}年度{unit}一般公共预算安排基本支出{basic}万元，其中：人员经费{personnel}万元，主要包括：{personnelItems}；公用经费{public}万元，主要包括：{publicItems}。',
      },
    ],
  },
  {
    no: '七',
    key: 'threePublic',
    title: '“三公”经费增减变动原因说明',
    sentences: [
      {
        id: 'threePublic',
        template:
          '{year}年{unit}财政拨款安排的“三公”经费预算{total}万元，{change}。其中：因公出国（境）费{abroad}万元，{abroadChange}；' +
          '公务接待费{reception}万元，{receptionChange}；公务用车运行维护费{vehicleOperation}万元，{vehicleOperationChange}；公务用车购置费{vehiclePurchase}万元，{vehiclePurchaseChange}。',
      },
    ],
  },
  {
    no: '八',
    key: 'operatingCosts',
    title: '机关运行经费增减变动原因说明',
    sentences: [
      {
        id: 'operatingCosts',
        template: '本{scope}{year}年机关运行经费财政拨款预算{amount}万元，{change}{reason}。',
      },
    ],
  },
  {
    no: '九',
    key: 'procurement',
    title: '政府采购情况',
    sentences: [
      {
        id: 'procurement',
        template:
          '{year}年{unit}政府采购预算总额{total}万元。其中：政府采购货物预算{goods}万元、政府采购工程预算{works}万元、政府采购服务预算{services}万元。',
      },
    ],
  },
  {
    no: '十',
    key: 'performance',
    title: '绩效管理情况',
    sentences: [
      { id: 'performance.overall', heading: '1、整体绩效目标', template: '{text}' },
      {
        id: 'performance.projects',
        heading: '2、项目绩效目标',
        template:
          '{year}年{unit}纳入绩效目标管理的二级项目{count}个，共计金额{amount}万元。其中：其他运转类项目{operatingCount}个，涉及金额{operatingAmount}万元；' +
          '特定目标类项目{specificCount}个，涉及金额{specificAmount}万元。公开项目绩效目标{publishedCount}个，涉及项目金额{publishedAmount}万元，' +
          '占部门（单位）项目支出总额的{publishedPercent}%。其中：其他运转类项目{publishedOperatingCount}个，涉及项目金额{publishedOperatingAmount}万元；' +
          '特定目标类项目{publishedSpecificCount}个，涉及项目金额{publishedSpecificAmount}万元。',
      },
    ],
  },
  {
    no: '十一',
    key: 'assets',
    title: '国有资产占有使用情况',
    sentences: [
      {
        id: 'assets.vehicles',
        heading: '1、车辆情况：',
        template: '截至{asOf}，{unit}共有公务用车编制{quota}辆，实有{actual}辆，其中：{categories}。',
      },
      {
        id: 'assets.office',
        heading: '2、房屋情况：',
        template: '截至{asOf}，{unit}使用的办公用房建筑总面积{area}平方米。',
      },
      {
        id: 'assets.equipment',
        heading: '3、其他国有资产占有使用情况：',
        template:
          '截至{asOf}，{unit}占有使用价值50万元（原值）以上的通用设备{over50}台（套）；{unit}占有使用价值100万元（原值）以上的通用设备{over100}台（套）。',
      },
    ],
  },
  {
    no: '十二',
    key: 'other',
    title: '其他说明',
    sentences: [
      { id: 'other.purchaseService', heading: '（一）政府购买服务指导性目录', template: '{text}' },
      { id: 'other.other', heading: '（二）其他', template: '{text}' },
    ],
  },
];

/** The fixed sentences used when there is nothing to report. */
export const NONE_SENTENCES = {
  threePublic: '本{scope}无“三公”经费预算。',
  operatingCosts: '本{scope}{reason}，无机关运行经费。',
  purchaseService: '本{scope}本年度无政府购买服务。',
  other: '本{scope}本年度无其他说明。',
  wholeUnitGoal: '本{scope}未编报整体绩效目标。',
  wholeUnitGoalReported:
    '{year}年编报{scope}整体绩效目标，涉及资金{amount}万元，其中基本支出{basic}万元，项目支出{project}万元。（{scope}整体目标表公开情况见附件）',
} as const;

/** 第三部分's heading. */
export const NARRATIVE_PART_TITLE = '第三部分 {year}年度{scope}预算情况说明';
