import { AppError } from '../../../shared/errors';
import {
  type FundingBySource,
  type Indicator,
  type IndicatorGroupKey,
  INDICATOR_GROUPS,
  type ProjectAttribute,
  type ProjectGoalSheet,
  type WholeUnitGoalSheet,
  emptyGoalSheet,
} from '../../../shared/goal-sheets/model';
import { type Fen, parseAmount, toPrintedCents } from '../../../shared/money';
import { type WorkbookContent, rowKey } from '../../../shared/workbook/content';
import type { EvaluatedTable } from '../../../shared/workbook/evaluate';
import { readJsonFile } from '../read-json-file';
import type { Workbook } from '../workbook/workbook';
import { DOCUMENT_INPUT_KEYS, type WorkbookStore } from '../workbook/workbook-store';

/* eslint-disable @typescript-eslint/no-explicit-any -- the reference JSON is read field by field and checked */
type Json = any;

const ATTRIBUTES: Readonly<Record<string, ProjectAttribute>> = {
  recurring: '经常性项目(长期开展)',
  'one-off': '一次性项目(1年结束)',
  'multi-year': '延续性项目(阶段开展)',
};
const GROUP_KEYS = new Set<string>(INDICATOR_GROUPS.map((group) => group.key));

function yuan(amount: Json, where: string, source: string): Fen | null {
  const value = amount?.value;
  if (value === null || value === undefined) return null;
  const parsed = parseAmount(String(value), 'yuan');
  if (!parsed.ok)
    throw new AppError('INVALID_INPUT', `${source}：${where} ${parsed.reason}`, { file: source });
  return parsed.fen;
}

function funding(funds: Json, where: string, source: string): FundingBySource {
  return {
    central: yuan(funds?.central, `${where}.central`, source),
    provincial: yuan(funds?.provincial, `${where}.provincial`, source),
    cityCounty: yuan(funds?.cityCounty, `${where}.cityCounty`, source),
    selfRaised: yuan(funds?.selfRaised, `${where}.selfRaised`, source),
    other: yuan(funds?.other, `${where}.other`, source),
  };
}

/** The 年度 names of the seeds are cut by their generators; the full name is kept where known. */
function indicators(list: Json): Indicator[] {
  return (Array.isArray(list) ? list : [])
    .filter((indicator: Json) => GROUP_KEYS.has(indicator?.l2Key))
    .map((indicator: Json) => ({
      group: indicator.l2Key as IndicatorGroupKey,
      name: String(indicator.l3Full ?? indicator.l3 ?? ''),
      value: String(indicator.value?.raw ?? ''),
    }));
}

function count(text: unknown): number | null {
  const match = /\d+/.exec(String(text ?? ''));
  return match ? Number(match[0]) : null;
}

/** Characters two names share, over the longer: enough to pair 休干医药费 with 体干医药费. */
function similarity(a: string, b: string): number {
  const strip = (text: string) => text.replace(/\s/g, '').toLowerCase();
  const [left, right] = [strip(a), strip(b)];
  const shared = [...left].filter((char) => right.includes(char)).length;
  return shared / Math.max(left.length, right.length, 1);
}

export interface GoalsImportReport {
  readonly imported: number;
  /** Sheets no 表十二 project matches (by year money, unit and name). */
  readonly unmatchedSheets: readonly string[];
}

/**
 * Reads the goal sheets of the reference JSON (goal-sheets-spec.md §9) into a workbook whose
 * tables are already there: each sheet goes to the 表十二 project with the same year money
 * (元 = 万元 × 10 000), the same implementing unit and the most similar name. One undo step.
 */
export function importGoalsJson(workbook: Workbook, jsonPath: string): GoalsImportReport {
  return importGoals(workbook, readJsonFile(jsonPath), jsonPath);
}

/** The same for goal sheets already read into the reference shape (from JSON or a workbook). */
export function importGoals(workbook: Workbook, json: Json, jsonPath: string): GoalsImportReport {
  const plan = planGoalsImport(workbook.content(), workbook.table('t12'), json, jsonPath);
  workbook.edit(`导入绩效目标表 ${jsonPath}`, (store) => writeGoalsImport(store, plan));
  return { imported: plan.sheets.length, unmatchedSheets: plan.unmatchedSheets };
}

/** The goal sheets of an import, each paired with its 表十二 project; nothing written yet. */
export interface GoalsImportPlan {
  readonly sheets: readonly ProjectGoalSheet[];
  readonly wholeUnit: WholeUnitGoalSheet | null;
  readonly unmatchedSheets: readonly string[];
}

function writeGoalsImport(store: WorkbookStore, plan: GoalsImportPlan): void {
  for (const sheet of plan.sheets) store.writeGoalSheet(sheet.projectId, sheet);
  if (plan.wholeUnit) store.writeDocumentInput(DOCUMENT_INPUT_KEYS.wholeUnitGoalSheet, plan.wholeUnit);
}

/**
 * Pairs the sheets with the projects of `content` (whose evaluated 表十二 is `t12`): the open
 * workbook's, or the tables an import is about to write.
 */
export function planGoalsImport(
  content: WorkbookContent,
  t12: EvaluatedTable,
  json: Json,
  jsonPath: string,
): GoalsImportPlan {
  if (!Array.isArray(json?.projectSheets)) {
    throw new AppError('INVALID_INPUT', `${jsonPath}：projectSheets 应为数组`, { file: jsonPath });
  }
  const unitName = new Map(content.units.map((unit) => [unit.id, unit.name]));
  const candidates = content.projects
    .filter((project) => project.kind === 'current')
    .map((project) => ({
      project,
      cents: toPrintedCents(
        t12.rows.find((row) => row.key === rowKey.project(project.id))?.cells['total']?.fen ?? 0,
      ),
    }));
  const taken = new Set<number>();
  const sheets: ProjectGoalSheet[] = [];
  const unmatchedSheets: string[] = [];
  json.projectSheets.forEach((sheet: Json, index: number) => {
    const where = `projectSheets[${index}]`;
    const annualTotal = yuan(sheet.funds?.annual?.total, `${where}.funds.annual.total`, jsonPath);
    const cents = annualTotal === null ? null : toPrintedCents(annualTotal);
    const name = String(sheet.projectName ?? '');
    const match = candidates
      .filter((candidate) => !taken.has(candidate.project.id) && candidate.cents === cents)
      .map((candidate) => ({
        ...candidate,
        score:
          similarity(candidate.project.name, name) +
          (unitName.get(candidate.project.unitId) === sheet.implementingUnit ? 1 : 0),
      }))
      .sort((a, b) => b.score - a.score)[0];
    if (!match || match.score < 0.5) {
      unmatchedSheets.push(name);
      return;
    }
    taken.add(match.project.id);
    sheets.push({
      ...emptyGoalSheet(match.project.id),
      departmentCode: String(sheet.department?.code ?? ''),
      departmentName: String(sheet.department?.name ?? ''),
      attribute: ATTRIBUTES[String(sheet.projectAttributeKind)] ?? null,
      periodYears: typeof sheet.projectPeriod?.years === 'number' ? sheet.projectPeriod.years : null,
      implementationTotal: yuan(
        sheet.funds?.implementation?.total,
        `${where}.funds.implementation.total`,
        jsonPath,
      ),
      implementationFunding: funding(sheet.funds?.implementation, `${where}.funds.implementation`, jsonPath),
      annualFunding: funding(sheet.funds?.annual, `${where}.funds.annual`, jsonPath),
      texts: {
        overview: String(sheet.texts?.overview ?? '').trim(),
        basis: String(sheet.texts?.basis ?? '').trim(),
        necessity: String(sheet.texts?.necessity ?? '').trim(),
        safeguards: String(sheet.texts?.safeguards ?? '').trim(),
        plan: String(sheet.texts?.plan ?? '').trim(),
      },
      overallGoal: {
        implementation: String(sheet.overallGoal?.implementation ?? '').trim(),
        annual: String(sheet.overallGoal?.annual ?? '').trim(),
      },
      indicators: {
        implementation: indicators(sheet.indicators?.implementation),
        annual: indicators(sheet.indicators?.annual),
      },
      footer: {
        responsible: String(sheet.footer?.responsible ?? ''),
        handler: String(sheet.footer?.handler ?? ''),
        phone: String(sheet.footer?.phone ?? ''),
      },
    });
  });
  const wholeUnit = json.wholeUnitSheet?.contentPresent === true ? wholeUnitSheet(json.wholeUnitSheet) : null;
  return { sheets, wholeUnit, unmatchedSheets };
}

function wholeUnitSheet(sheet: Json): WholeUnitGoalSheet {
  const info = sheet.basicInfo ?? {};
  return {
    departmentCode: String(info.departmentCode ?? ''),
    departmentName: String(info.departmentName ?? ''),
    internalDivisions: count(info.internalDivisions),
    subordinateUnits: count(info.subordinateUnits),
    authorizedStaff: count(info.authorizedStaff),
    staffOnEstablishment: count(info.staffOnEstablishment),
    otherStaff: count(info.otherStaff),
    duties: String(sheet.duties ?? ''),
    strategicGoal: String(sheet.strategicGoal ?? ''),
    keyTasks: (Array.isArray(sheet.keyTasks) ? sheet.keyTasks : []).map((task: Json) => ({
      coreFunction: String(task.coreFunction ?? ''),
      task: String(task.task ?? ''),
    })),
    annualGoal: String(sheet.annualGoal ?? ''),
    indicators: indicators(sheet.indicators),
  };
}
