import type { ProjectGoalSheet } from '../../../shared/goal-sheets/model';
import { canonicalJson } from '../../../shared/review/content';
import type { WorkbookContent } from '../../../shared/workbook/content';
import { cellId } from '../../../shared/workbook/evaluate';
import type { WorkbookStore } from './workbook-store';

export interface TablesState {
  readonly content: WorkbookContent;
  readonly goalSheets: readonly ProjectGoalSheet[];
}

function byKey<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Key order aside: a record read back from a review version has its keys sorted. */
function same(a: unknown, b: unknown): boolean {
  return a !== undefined && canonicalJson(a) === canonicalJson(b);
}

/**
 * Makes the stored tables (units, 科目, rows, 表六 rows, projects, amounts, project goal sheets)
 * those of `after`, writing only the rows that differ, so that the undo step of a second
 * import or consolidation holds what it changed. The profile is not touched. Runs inside the
 * caller's edit; rows go in an order the foreign keys accept at every statement.
 */
export function replaceTables(store: WorkbookStore, before: TablesState, after: TablesState): void {
  const { content: old } = before;
  const { content: next } = after;
  const nextProjects = byKey(next.projects, (project) => project.id);
  const nextUnits = byKey(next.units, (unit) => unit.id);
  const nextSheets = byKey(after.goalSheets, (sheet) => sheet.projectId);

  for (const project of old.projects) {
    if (nextProjects.has(project.id)) continue;
    store.writeGoalSheet(project.id, null);
    store.deleteProject(project.id);
  }
  const oldUnits = byKey(old.units, (unit) => unit.id);
  for (const unit of next.units) if (!same(oldUnits.get(unit.id), unit)) store.upsertUnit(unit);
  const oldProjects = byKey(old.projects, (project) => project.id);
  for (const project of next.projects) {
    if (!same(oldProjects.get(project.id), project)) store.upsertProject(project);
  }
  for (const unit of old.units) {
    if (nextUnits.has(unit.id)) continue;
    store.deleteConsolidatedUnit(unit.id);
    store.deleteUnit(unit.id);
  }

  const oldSheets = byKey(before.goalSheets, (sheet) => sheet.projectId);
  for (const sheet of before.goalSheets) {
    if (!nextSheets.has(sheet.projectId) && nextProjects.has(sheet.projectId)) {
      store.writeGoalSheet(sheet.projectId, null);
    }
  }
  for (const sheet of after.goalSheets) {
    if (!same(oldSheets.get(sheet.projectId), sheet)) store.writeGoalSheet(sheet.projectId, sheet);
  }

  const oldSubjects = byKey(old.subjects, (subject) => subject.code);
  const nextSubjects = byKey(next.subjects, (subject) => subject.code);
  for (const subject of next.subjects) {
    if (!same(oldSubjects.get(subject.code), subject)) store.upsertSubject(subject);
  }
  for (const subject of old.subjects) if (!nextSubjects.has(subject.code)) store.deleteSubject(subject.code);

  const rowId = (entry: { table: string; row: string }) => `${entry.table}|${entry.row}`;
  const oldRows = byKey(old.tableRows, rowId);
  const nextRows = byKey(next.tableRows, rowId);
  for (const entry of next.tableRows)
    if (!oldRows.has(rowId(entry))) store.insertTableRow(entry.table, entry.row);
  for (const entry of old.tableRows) {
    // Only the listing goes: the row's amounts are settled with the cells below.
    if (!nextRows.has(rowId(entry))) store.deleteTableRowListing(entry.table, entry.row);
  }

  const oldEconomic = byKey(old.economicRows, (row) => row.id);
  const nextEconomic = byKey(next.economicRows, (row) => row.id);
  for (const row of next.economicRows) if (!same(oldEconomic.get(row.id), row)) store.upsertEconomicRow(row);
  for (const row of old.economicRows) if (!nextEconomic.has(row.id)) store.deleteEconomicRow(row.id);

  const oldCells = byKey(old.cells, cellId);
  const nextCells = byKey(next.cells, cellId);
  for (const cell of next.cells) if (!same(oldCells.get(cellId(cell)), cell)) store.writeCell(cell);
  for (const cell of old.cells) if (!nextCells.has(cellId(cell))) store.writeCell({ ...cell, fen: null });
}
