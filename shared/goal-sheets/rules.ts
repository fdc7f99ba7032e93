/**
 * 审核 rules of the goal sheets (goal-sheets-spec.md §8.5). R2 (year money = 表十二 合计) and
 * R19 (实施单位 = the project's unit) hold by construction: a sheet reads both from its project.
 */
import type { Finding } from '../checks/engine';
import type { Severity } from '../checks/types';
import { type Fen, FEN_PER_PRINTED_CENT, formatYuan, parseAmount, toPrintedCents } from '../money';
import { indicatorValueProblems, parseIndicatorValue } from './indicator-value';
import type { Project, WorkbookContent } from '../workbook/content';
import { rowKey } from '../workbook/content';
import type { EvaluatedCell, EvaluatedWorkbook } from '../workbook/evaluate';
import { type FundingBySource, INDICATOR_GROUPS, type Indicator, type ProjectGoalSheet } from './model';

interface SheetContext {
  readonly sheet: ProjectGoalSheet;
  readonly project: Project;
  /** The project's 表十二 row: 合计 and each fund. */
  readonly row: Readonly<Record<string, EvaluatedCell | undefined>>;
}

interface SheetRule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  /** The problems of one sheet, in Chinese; none when the rule holds. */
  readonly check: (context: SheetContext) => readonly string[];
}

function sumOf(funding: FundingBySource, keys: readonly (keyof FundingBySource)[]): Fen {
  return keys.reduce((sum, key) => sum + (funding[key] ?? 0), 0);
}

function yuanText(fen: Fen): string {
  return `${formatYuan(fen)} 元`;
}

/** Sheets are in 元; a 表十二 of rounded 万元 figures can only be matched to the 0.01 万元. */
function sameMoney(sheetFen: Fen, tableCells: readonly (EvaluatedCell | undefined)[]): boolean {
  const tableFen = tableCells.reduce((sum, cell) => sum + (cell?.fen ?? 0), 0);
  const isRounded = tableCells.some((cell) => cell?.isRounded === true);
  return isRounded ? toPrintedCents(sheetFen) === toPrintedCents(tableFen) : sheetFen === tableFen;
}

const PERIOD_OF_ATTRIBUTE: Readonly<Record<string, (years: number) => boolean>> = {
  '经常性项目(长期开展)': (years) => years === 99,
  '一次性项目(1年结束)': (years) => years === 1,
  '延续性项目(阶段开展)': (years) => years >= 2 && years <= 98,
};

/**
 * Σ of the 成本指标 stated as money (元 or 万元, not a rate like 元/人), or null when none is:
 * a cost in words (预算内完成) cannot be checked.
 */
function costInMoney(indicators: readonly Indicator[]): Fen | null {
  let total: Fen | null = null;
  for (const indicator of indicators) {
    if (indicator.group !== 'cost') continue;
    const value = parseIndicatorValue(indicator.value);
    if (value.kind !== 'numeric' || value.per !== undefined || (value.unit !== '元' && value.unit !== '万元'))
      continue;
    const parsed = parseAmount(String(value.number), value.unit === '万元' ? 'wanYuan' : 'yuan');
    if (parsed.ok && parsed.fen !== null) total = (total ?? 0) + parsed.fen;
  }
  return total;
}

function indicatorProblems(list: readonly Indicator[], side: string): string[] {
  const problems: string[] = [];
  const levels = new Set(
    list.map((indicator) => INDICATOR_GROUPS.find((group) => group.key === indicator.group)?.level1),
  );
  for (const level of ['产出指标', '效益指标'] as const) {
    if (!levels.has(level)) problems.push(`${side}没有${level}`);
  }
  return problems;
}

export const GOAL_SHEET_RULES: readonly SheetRule[] = [
  {
    id: 'R3',
    severity: '错误',
    title: '年度资金来源与表十二一致（中央+省级+市县=财政拨款，单位自筹+其他=单位资金+财政专户）',
    check: ({ sheet, row }) => {
      const problems: string[] = [];
      const government = sumOf(sheet.annualFunding, ['central', 'provincial', 'cityCounty']);
      if (!sameMoney(government, [row['gpb'], row['gfb'], row['socb']])) {
        problems.push(`中央、省级、市县财政资金合计 ${yuanText(government)}，与表十二财政拨款不符`);
      }
      const own = sumOf(sheet.annualFunding, ['selfRaised', 'other']);
      if (!sameMoney(own, [row['unitFunds'], row['special']])) {
        problems.push(`单位自筹与其他资金合计 ${yuanText(own)}，与表十二单位资金和财政专户管理资金不符`);
      }
      return problems;
    },
  },
  {
    id: 'R4',
    severity: '错误',
    title: '实施期资金来源之和等于实施期资金总额',
    check: ({ sheet }) => {
      if (sheet.implementationTotal === null) return ['未填写实施期资金总额'];
      const sources = sumOf(sheet.implementationFunding, [
        'central',
        'provincial',
        'cityCounty',
        'selfRaised',
        'other',
      ]);
      return sources === sheet.implementationTotal
        ? []
        : [`实施期各来源合计 ${yuanText(sources)}，资金总额 ${yuanText(sheet.implementationTotal)}`];
    },
  },
  {
    id: 'R5',
    severity: '错误',
    title: '年度资金不超过实施期资金，一年期项目两者相等',
    check: ({ sheet, row }) => {
      const annual = row['total']?.fen ?? 0;
      const total = sheet.implementationTotal;
      if (total === null) return [];
      const annualCents = toPrintedCents(annual);
      const totalCents = toPrintedCents(total);
      if (annualCents > totalCents) return [`年度资金 ${yuanText(annual)} 超过实施期资金 ${yuanText(total)}`];
      if (sheet.periodYears === 1 && annualCents !== totalCents) {
        return [
          `一年期项目的实施期资金 ${yuanText(total)} 应等于年度资金 ${yuanText(annualCents * FEN_PER_PRINTED_CENT)}`,
        ];
      }
      return [];
    },
  },
  {
    id: 'R6',
    severity: '错误',
    title: '项目属性与项目期相符（经常性 99 年，一次性 1 年，延续性 2–98 年）',
    check: ({ sheet }) => {
      if (sheet.attribute === null) return ['未选择项目属性'];
      const fits = PERIOD_OF_ATTRIBUTE[sheet.attribute];
      if (sheet.periodYears === null) return ['未填写项目期'];
      return fits?.(sheet.periodYears) === true
        ? []
        : [`${sheet.attribute}的项目期不应为 ${sheet.periodYears} 年`];
    },
  },
  {
    id: 'R7',
    severity: '提示',
    title: '以金额表示的成本指标不超过年度资金',
    check: ({ sheet, row }) => {
      const annual = row['total']?.fen ?? 0;
      const cost = costInMoney(sheet.indicators.annual);
      return cost !== null && toPrintedCents(cost) > toPrintedCents(annual)
        ? [`成本指标合计 ${yuanText(cost)}，超过年度资金 ${yuanText(annual)}`]
        : [];
    },
  },
  {
    id: 'R8',
    severity: '提示',
    title: '指标值应与指标相符',
    check: ({ sheet }) =>
      (['implementation', 'annual'] as const).flatMap((side) =>
        sheet.indicators[side].flatMap((indicator) =>
          indicatorValueProblems(indicator.group, indicator.name, parseIndicatorValue(indicator.value)).map(
            (problem) => `${side === 'implementation' ? '实施期' : '年度'}“${indicator.name}”${problem}`,
          ),
        ),
      ),
  },
  {
    id: 'R8',
    severity: '错误',
    title: '绩效指标至少包括产出指标和效益指标',
    check: ({ sheet }) => [
      ...indicatorProblems(sheet.indicators.implementation, '实施期指标'),
      ...indicatorProblems(sheet.indicators.annual, '年度指标'),
    ],
  },
  {
    id: 'R8',
    severity: '提示',
    title: '绩效指标应有满意度指标，三级指标不应为空',
    check: ({ sheet }) =>
      (['implementation', 'annual'] as const).flatMap((side) => {
        const label = side === 'implementation' ? '实施期指标' : '年度指标';
        const list = sheet.indicators[side];
        const problems: string[] = [];
        if (list.length > 0 && !list.some((indicator) => indicator.group === 'satisfaction')) {
          problems.push(`${label}没有满意度指标`);
        }
        const unnamed = list.filter((indicator) => indicator.name.trim() === '').length;
        if (unnamed > 0) problems.push(`${label}有 ${unnamed} 项三级指标没有名称`);
        return problems;
      }),
  },
];

/** R1 and every sheet rule, for the whole workbook. */
export function goalSheetFindings(
  content: WorkbookContent,
  evaluated: EvaluatedWorkbook,
  sheets: readonly ProjectGoalSheet[],
): Finding[] {
  const byProject = new Map(sheets.map((sheet) => [sheet.projectId, sheet]));
  const t12 = new Map(evaluated.t12.rows.map((row) => [row.key, row]));
  const findings: Finding[] = [];
  for (const project of content.projects.filter((candidate) => candidate.kind === 'current')) {
    const sheet = byProject.get(project.id);
    const cells = { table: 't12' as const, row: rowKey.project(project.id), column: 'total' };
    if (!sheet) {
      findings.push({
        ruleId: 'R1',
        severity: '错误',
        isRounding: false,
        message: `每个表十二项目都有绩效目标表，或标明不公开及理由：项目“${project.name}”没有绩效目标表`,
        cells: [cells],
      });
      continue;
    }
    // An unpublished sheet is not printed: only its reason is required (setGoalSheet enforces it).
    if (!sheet.isPublished) continue;
    const context: SheetContext = { sheet, project, row: t12.get(rowKey.project(project.id))?.cells ?? {} };
    for (const rule of GOAL_SHEET_RULES) {
      for (const problem of rule.check(context)) {
        findings.push({
          ruleId: rule.id,
          severity: rule.severity,
          isRounding: false,
          message: `${rule.title}：项目“${project.name}”${problem}`,
          cells: [cells],
        });
      }
    }
  }
  return findings;
}
