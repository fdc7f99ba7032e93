/**
 * The figures of 十、绩效管理情况 (document-spec.md §4.10): projects under goal management, by
 * 项目类别, and the published ones. A project of both 表十二 and 表十三 (same unit and name) is
 * counted once, with both amounts, when the carry-over projects are counted.
 */
import type { ProjectCategory, ProjectGoalSheet } from '../goal-sheets/model';
import { type Fen, toPrintedCents } from '../money';
import { percentText } from './format';
import { rowKey, type WorkbookContent } from '../workbook/content';
import type { EvaluatedWorkbook } from '../workbook/evaluate';

interface Tally {
  count: number;
  amount: Fen;
}

export interface PerformanceFigures {
  readonly all: Tally;
  readonly byCategory: Readonly<Record<ProjectCategory, Tally>>;
  readonly published: Tally;
  readonly publishedByCategory: Readonly<Record<ProjectCategory, Tally>>;
  /** b / a × 100: `100` when every project is published, else two decimals. */
  readonly publishedPercent: string;
}

function emptyTallies(): Record<ProjectCategory, Tally> {
  return { 其他运转类: { count: 0, amount: 0 }, 特定目标类: { count: 0, amount: 0 } };
}

export function performanceFigures(
  content: WorkbookContent,
  evaluated: EvaluatedWorkbook,
  sheets: readonly ProjectGoalSheet[],
  countCarryover: boolean,
): PerformanceFigures {
  const totalOf = (table: 't12' | 't13', projectId: number): Fen =>
    evaluated[table].rows.find((row) => row.key === rowKey.project(projectId))?.cells['total']?.fen ?? 0;
  const sheetOf = new Map(sheets.map((sheet) => [sheet.projectId, sheet]));
  const groups = new Map<string, { amount: Fen; sheet: ProjectGoalSheet | undefined }>();
  for (const project of content.projects) {
    if (project.kind === 'carryover' && !countCarryover) continue;
    const key = `${project.unitId}|${project.name.replace(/\s/g, '')}`;
    const group = groups.get(key) ?? { amount: 0, sheet: undefined };
    group.amount += totalOf(project.kind === 'current' ? 't12' : 't13', project.id);
    group.sheet ??= sheetOf.get(project.id);
    groups.set(key, group);
  }
  const all = { count: 0, amount: 0 };
  const published = { count: 0, amount: 0 };
  const byCategory = emptyTallies();
  const publishedByCategory = emptyTallies();
  for (const { amount, sheet } of groups.values()) {
    const add = (tally: Tally) => {
      tally.count += 1;
      tally.amount += amount;
    };
    add(all);
    if (sheet?.category) add(byCategory[sheet.category]);
    if (sheet?.isPublished) {
      add(published);
      if (sheet.category) add(publishedByCategory[sheet.category]);
    }
  }
  const publishedPercent =
    toPrintedCents(published.amount) === toPrintedCents(all.amount)
      ? '100'
      : (percentText(published.amount, all.amount) ?? '0');
  return { all, byCategory, published, publishedByCategory, publishedPercent };
}
