/**
 * Generates 第三部分 情况说明 from the evaluated tables and the user's inputs: every figure is
 * read from a table cell (as printed) or computed from such cells, so the text cannot drift
 * from the tables. Each sentence also returns its figures, for checks and tests.
 */
import type { Fen } from '../money';
import { toPrintedCents } from '../money';
import type { WorkbookContent } from '../workbook/content';
import type { EvaluatedWorkbook } from '../workbook/evaluate';
import type { TableKey } from '../tables/types';
import {
  amountText,
  changeOf,
  changePhrase,
  fillTemplate,
  percentText,
  reasonText,
  type Change,
} from './format';
import { type NarrativeInputs, VEHICLE_CATEGORIES } from './inputs';
import type { ProjectGoalSheet, WholeUnitGoalSheet } from '../goal-sheets/model';
import { performanceFigures } from './performance';
import { NARRATIVE_SECTIONS, NONE_SENTENCES, type SentenceTemplate } from './templates';

export interface GeneratedSentence {
  readonly id: string;
  readonly heading?: string;
  readonly text: string;
  /** The figures the sentence states: amounts in 分, percentages as printed. */
  readonly figures: Readonly<Record<string, unknown>>;
}

export interface GeneratedSection {
  readonly no: string;
  readonly key: string;
  readonly title: string;
  readonly sentences: readonly GeneratedSentence[];
}

type Values = Record<string, string>;

/** The goal sheets 十、绩效管理情况 counts. */
export interface NarrativeGoals {
  readonly sheets: readonly ProjectGoalSheet[];
  readonly wholeUnit: WholeUnitGoalSheet | null;
}

interface Context {
  readonly evaluated: EvaluatedWorkbook;
  readonly inputs: NarrativeInputs;
  readonly content: WorkbookContent;
  readonly goals: NarrativeGoals;
  readonly common: Values;
}

function cell(evaluated: EvaluatedWorkbook, table: TableKey, row: string, column: string): Fen {
  return evaluated[table].rows.find((candidate) => candidate.key === row)?.cells[column]?.fen ?? 0;
}

function isZero(fen: Fen | null): boolean {
  return fen === null || toPrintedCents(fen) === 0;
}

function withoutOrdinal(label: string): string {
  return label.replace(/^[一二三四五六七八九十]+、/u, '');
}

function reasonClause(prefix: string, reason: string): string {
  const text = reasonText(reason);
  return text === '' ? '' : `，${prefix}${text}`;
}

interface Part {
  readonly values: Values;
  readonly figures: Record<string, unknown>;
  /** A fixed sentence that replaces the template (nothing to report). */
  readonly replacement?: string;
}

/** Each sentence's placeholder values and figures, by sentence id. */
const SENTENCE_PARTS: Readonly<Record<string, (context: Context) => Part>> = {
  changes: ({ evaluated: e, inputs }) => {
    const income = {
      total: cell(e, 't1', 'incomeGrandTotal', 'amount'),
      current: cell(e, 't1', 'currentYearIncome', 'amount'),
      carryover: cell(e, 't1', 'priorYearCarryover', 'amount'),
    };
    const expenditure = {
      total: cell(e, 't1', 'expenditureGrandTotal', 'total'),
      current: cell(e, 't1', 'expenditureGrandTotal', 'current'),
      carryover: cell(e, 't1', 'expenditureGrandTotal', 'carryover'),
    };
    const incomeChange = changeOf(income.total, inputs.previousYear.incomeTotal);
    const expenditureChange = changeOf(expenditure.total, inputs.previousYear.expenditureTotal);
    return {
      values: {
        incomeTotal: amountText(income.total),
        incomeCurrent: amountText(income.current),
        incomeCarryover: amountText(income.carryover),
        incomeChange: changePhrase(incomeChange),
        incomeReason: reasonClause('主要原因是', inputs.reasons.income),
        expenditureTotal: amountText(expenditure.total),
        expenditureCurrent: amountText(expenditure.current),
        expenditureCarryover: amountText(expenditure.carryover),
        expenditureChange: changePhrase(expenditureChange),
        expenditureReason: reasonClause('主要原因是', inputs.reasons.expenditure),
      },
      figures: {
        income: { ...income, change: incomeChange },
        expenditure: { ...expenditure, change: expenditureChange },
      },
    };
  },

  income: ({ evaluated: e }) => {
    const total = cell(e, 't1', 'incomeGrandTotal', 'amount');
    const items = [
      ['一般公共预算拨款收入', cell(e, 't1', 'gpb', 'amount')],
      ['政府性基金预算拨款收入', cell(e, 't1', 'gfb', 'amount')],
      ['国有资本经营预算拨款收入', cell(e, 't1', 'socb', 'amount')],
      ['财政专户管理资金收入', cell(e, 't1', 'special', 'amount')],
      ['单位资金', cell(e, 't1', 'unitFunds', 'amount')],
      ['上年结转', cell(e, 't1', 'priorYearCarryover', 'amount')],
    ] as const;
    const listed = items.map(([label, amount]) => ({
      label,
      amount,
      percent: percentText(amount, total) ?? '0',
    }));
    return {
      values: {
        total: amountText(total),
        items: listed
          .map((item) => `${item.label}${amountText(item.amount)}万元，占${item.percent}%`)
          .join('；'),
      },
      figures: { total, items: listed },
    };
  },

  expenditure: ({ evaluated: e }) => {
    const total = cell(e, 't3', 'total', 'total');
    const basic = cell(e, 't3', 'total', 'basic');
    const project = cell(e, 't3', 'total', 'project');
    const basicPercent = percentText(basic, total) ?? '0';
    const projectPercent = percentText(project, total) ?? '0';
    return {
      values: {
        total: amountText(total),
        basic: amountText(basic),
        project: amountText(project),
        basicPercent,
        projectPercent,
      },
      figures: { total, basic, project, basicPercent, projectPercent },
    };
  },

  fiscalAppropriation: ({ evaluated: e }) => {
    const figures = {
      total: cell(e, 't4', 'incomeGrandTotal', 'amount'),
      general: cell(e, 't4', 'expenditureGrandTotal', 'gpb'),
      fund: cell(e, 't4', 'expenditureGrandTotal', 'gfb'),
      soe: cell(e, 't4', 'expenditureGrandTotal', 'socb'),
      current: cell(e, 't4', 'currentYearIncome', 'amount'),
      carryover: cell(e, 't4', 'priorYearCarryover', 'amount'),
      items: e.t4.rows
        .filter(
          (row) =>
            row.side === 'expenditure' &&
            /^\d{3}$/.test(row.key) &&
            !isZero(row.cells['subtotal']?.fen ?? null),
        )
        .map((row) => ({
          label: withoutOrdinal(row.labels['label'] ?? ''),
          amount: row.cells['subtotal']?.fen ?? 0,
        })),
    };
    return {
      values: {
        total: amountText(figures.total),
        general: amountText(figures.general),
        fund: amountText(figures.fund),
        soe: amountText(figures.soe),
        current: amountText(figures.current),
        carryover: amountText(figures.carryover),
        items: figures.items.map((item) => `${item.label}${amountText(item.amount)}万元`).join('、'),
      },
      figures,
    };
  },

  'generalBudget.scale': ({ evaluated: e, inputs }) => {
    const current = cell(e, 't5', 'total', 'total');
    const change = changeOf(current, inputs.previousYear.generalBudgetCurrent);
    return {
      values: { current: amountText(current), change: changePhrase(change) },
      figures: { current, change },
    };
  },

  'generalBudget.structure': ({ evaluated: e }) => {
    const current = cell(e, 't5', 'total', 'total');
    const items = e.t5.rows
      .filter((row) => row.kind === 'subject' && row.key.length === 3)
      .map((row) => {
        const amount = row.cells['total']?.fen ?? 0;
        return { label: row.labels['name'] ?? '', amount, percent: percentText(amount, current) ?? '0' };
      });
    return {
      values: {
        current: amountText(current),
        items: items
          .map((item) => `${item.label}${amountText(item.amount)}万元，占${item.percent}%`)
          .join('；'),
      },
      figures: { current, items },
    };
  },

  generalBudgetBasic: ({ evaluated: e }) => {
    const basic = cell(e, 't6', 'total', 'total');
    const personnel = cell(e, 't6', 'total', 'personnel');
    const publicCosts = cell(e, 't6', 'total', 'public');
    const itemsOf = (column: string) => [
      ...new Set(
        e.t6.rows
          .filter((row) => row.kind === 'economic' && !isZero(row.cells[column]?.fen ?? null))
          .map((row) => row.labels['deptEcon'] ?? ''),
      ),
    ];
    const personnelItems = itemsOf('personnel');
    const publicItems = itemsOf('public');
    const list = (items: readonly string[]) => (items.length === 0 ? '无' : `${items.join('、')}等`);
    return {
      values: {
        basic: amountText(basic),
        personnel: amountText(personnel),
        public: amountText(publicCosts),
        personnelItems: list(personnelItems),
        publicItems: list(publicItems),
      },
      figures: { basic, personnel, public: publicCosts, personnelItems, publicItems },
    };
  },

  threePublic: ({ evaluated: e, inputs, common }) => {
    const previous = inputs.previousYear.threePublic;
    const items = (['abroad', 'reception', 'vehicleOperation', 'vehiclePurchase'] as const).map((key) => {
      const amount = cell(e, 't10', key, 'total');
      return { key, amount, change: changeOf(amount, previous[key] ?? 0) };
    });
    const total = cell(e, 't10', 'total', 'total');
    const previousTotal = Object.values(previous).reduce<Fen>((sum, value) => sum + (value ?? 0), 0);
    if (isZero(total) && isZero(previousTotal)) {
      return {
        values: {},
        figures: { none: true },
        replacement: fillTemplate(NONE_SENTENCES.threePublic, common),
      };
    }
    const lastYear = Number(common['year']) - 1;
    const difference = toPrintedCents(total) - toPrintedCents(previousTotal);
    const change =
      difference === 0
        ? `与${lastYear}年预算数相同`
        : `比${lastYear}年${difference > 0 ? '增加' : '减少'}${amountText(Math.abs(difference) * 10_000)}万元` +
          reasonClause('主要原因是', inputs.reasons.threePublic);
    const itemChange = (itemDifference: number) =>
      itemDifference === 0
        ? '与上年预算数相同'
        : `与上年相比预算数${itemDifference > 0 ? '增加' : '减少'}${amountText(Math.abs(itemDifference) * 10_000)}万元`;
    const values: Values = { total: amountText(total), change };
    for (const item of items) {
      values[item.key] = amountText(item.amount);
      values[`${item.key}Change`] = itemChange(
        toPrintedCents(item.amount) - toPrintedCents(previous[item.key] ?? 0),
      );
    }
    return { values, figures: { none: false, total, previousTotal, items } };
  },

  operatingCosts: ({ evaluated: e, inputs, content, common }) => {
    const amount = cell(e, 't11', 'total', 'total');
    const hasAgency = content.profile.unitType !== '事业' || e.t11.rows.some((row) => row.kind === 'unit');
    if (!hasAgency && isZero(amount)) {
      const reason = reasonText(inputs.noOperatingCostsReason) || '为事业单位';
      return {
        values: {},
        figures: { none: true },
        replacement: fillTemplate(NONE_SENTENCES.operatingCosts, { ...common, reason }),
      };
    }
    const lastYear = Number(common['year']) - 1;
    const change = changeOf(amount, inputs.previousYear.operatingCosts);
    const phrase: Record<Change['direction'], string> = {
      up: `比${lastYear}年预算增加${amountText(change.amount)}万元，增长${change.percent ?? '0'}%`,
      down: `比${lastYear}年预算减少${amountText(change.amount)}万元，下降${change.percent ?? '0'}%`,
      same: `与${lastYear}年预算持平`,
      noPrevious: `${lastYear}年无此项预算`,
    };
    return {
      values: {
        amount: amountText(amount),
        change: phrase[change.direction],
        reason: reasonClause('原因是', inputs.reasons.operatingCosts),
      },
      figures: { none: false, amount, change },
    };
  },

  'performance.overall': ({ evaluated: e, goals, common }) => {
    if (goals.wholeUnit === null) {
      return {
        values: { text: fillTemplate(NONE_SENTENCES.wholeUnitGoal, common) },
        figures: { reported: false },
      };
    }
    // 表五 (一般公共预算当年) is the base for 部门 and 单位 alike (document-spec §4.10).
    const figures = {
      reported: true,
      amount: cell(e, 't5', 'total', 'total'),
      basic: cell(e, 't5', 'total', 'basic'),
      project: cell(e, 't5', 'total', 'project'),
    };
    const text = fillTemplate(NONE_SENTENCES.wholeUnitGoalReported, {
      ...common,
      amount: amountText(figures.amount),
      basic: amountText(figures.basic),
      project: amountText(figures.project),
    });
    return { values: { text }, figures };
  },

  'performance.projects': ({ evaluated: e, content, goals, inputs }) => {
    const figures = performanceFigures(content, e, goals.sheets, inputs.countCarryoverProjects);
    const tally = (prefix: string, count: number, amount: Fen): Values => ({
      [`${prefix}Count`]: String(count),
      [`${prefix}Amount`]: amountText(amount),
    });
    const operating = figures.byCategory['其他运转类'];
    const specific = figures.byCategory['特定目标类'];
    const publishedOperating = figures.publishedByCategory['其他运转类'];
    const publishedSpecific = figures.publishedByCategory['特定目标类'];
    return {
      values: {
        count: String(figures.all.count),
        amount: amountText(figures.all.amount),
        ...tally('operating', operating.count, operating.amount),
        ...tally('specific', specific.count, specific.amount),
        ...tally('published', figures.published.count, figures.published.amount),
        publishedPercent: figures.publishedPercent,
        ...tally('publishedOperating', publishedOperating.count, publishedOperating.amount),
        ...tally('publishedSpecific', publishedSpecific.count, publishedSpecific.amount),
      },
      figures: { ...figures },
    };
  },

  procurement: ({ inputs, goals }) => {
    const sum = (key: 'goods' | 'works' | 'services'): Fen =>
      goals.sheets.reduce(
        (total, sheet) => total + (sheet.procurement[key] ?? 0),
        inputs.procurement[key] ?? 0,
      );
    const goods = sum('goods');
    const works = sum('works');
    const services = sum('services');
    const total = goods + works + services;
    return {
      values: {
        total: amountText(total),
        goods: amountText(goods),
        works: amountText(works),
        services: amountText(services),
      },
      figures: { total, goods, works, services },
    };
  },

  'assets.vehicles': ({ inputs }) => {
    const { vehicles } = inputs.assets;
    const actual = VEHICLE_CATEGORIES.reduce((sum, category) => sum + vehicles[category], 0);
    return {
      values: {
        asOf: inputs.assets.asOf,
        quota: String(inputs.assets.vehicleQuota ?? 0),
        actual: String(actual),
        categories: VEHICLE_CATEGORIES.map((category) => `${category}${vehicles[category]}辆`).join('，'),
      },
      figures: { quota: inputs.assets.vehicleQuota ?? 0, actual, vehicles },
    };
  },

  'assets.office': ({ inputs }) => ({
    values: { asOf: inputs.assets.asOf, area: inputs.assets.officeArea || '0' },
    figures: { area: inputs.assets.officeArea },
  }),

  'assets.equipment': ({ inputs }) => ({
    values: {
      asOf: inputs.assets.asOf,
      over50: String(inputs.assets.equipmentOver50 ?? 0),
      over100: String(inputs.assets.equipmentOver100 ?? 0),
    },
    figures: { over50: inputs.assets.equipmentOver50 ?? 0, over100: inputs.assets.equipmentOver100 ?? 0 },
  }),

  'other.purchaseService': ({ inputs, common }) =>
    freeText(inputs.purchaseServiceText, NONE_SENTENCES.purchaseService, common),
  'other.other': ({ inputs, common }) => freeText(inputs.otherText, NONE_SENTENCES.other, common),
};

function freeText(text: string, none: string, common: Values): Part {
  const trimmed = text.trim();
  return {
    values: { text: trimmed === '' ? fillTemplate(none, common) : trimmed },
    figures: { none: trimmed === '' },
  };
}

function generateSentence(template: SentenceTemplate, context: Context): GeneratedSentence {
  const build = SENTENCE_PARTS[template.id];
  if (!build) throw new Error(`情况说明的句子“${template.id}”没有生成规则`);
  const part = build(context);
  const text = part.replacement ?? fillTemplate(template.template, { ...context.common, ...part.values });
  return {
    id: template.id,
    ...(template.heading === undefined ? {} : { heading: template.heading }),
    text,
    figures: part.figures,
  };
}

export function generateNarrative(
  content: WorkbookContent,
  evaluated: EvaluatedWorkbook,
  inputs: NarrativeInputs,
  goals: NarrativeGoals = { sheets: [], wholeUnit: null },
): GeneratedSection[] {
  const common: Values = {
    year: String(content.profile.year),
    unit: content.profile.name,
    scope: content.profile.scope,
  };
  const context: Context = { evaluated, inputs, content, goals, common };
  return NARRATIVE_SECTIONS.map((section) => ({
    no: section.no,
    key: section.key,
    title: fillTemplate(section.title, common),
    sentences: section.sentences.map((sentence) => generateSentence(sentence, context)),
  }));
}
