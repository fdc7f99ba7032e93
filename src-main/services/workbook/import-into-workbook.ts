import type { ProjectGoalSheet } from '../../../shared/goal-sheets/model';
import type { WorkbookDraft } from '../../../shared/tables/reference-json-import';
import type { WorkbookContent, WorkbookProfile } from '../../../shared/workbook/content';
import type { GoalsImportPlan } from '../goal-sheets/import-goals-json';
import { DOCUMENT_INPUT_KEYS } from './workbook-store';
import { storedCellsOfDraft } from './create-from-draft';
import { replaceTables } from './replace-tables';
import type { Workbook } from './workbook';

/**
 * Replaces the open workbook's tables with an imported template's (and its goal sheets), as one
 * transaction and one undo step. The profile takes the template's name, year and scope and
 * keeps what the template does not say. A goal sheet already written stays with its project
 * when the template has a project of the same unit, kind and name; the goals file's sheets
 * take precedence. The narrative, 概况 and export log are not tables and stay.
 */
export function importTablesInto(
  workbook: Workbook,
  draft: WorkbookDraft,
  goals: GoalsImportPlan | null,
  label: string,
): void {
  const before = { content: workbook.content(), goalSheets: workbook.goalSheets() };
  const sheets = new Map(
    carriedGoalSheets(before.content, before.goalSheets, draft).map((sheet) => [sheet.projectId, sheet]),
  );
  for (const sheet of goals?.sheets ?? []) sheets.set(sheet.projectId, sheet);
  const after = { content: { ...draft, cells: storedCellsOfDraft(draft) }, goalSheets: [...sheets.values()] };
  workbook.edit(label, (store) => {
    store.writeProfile(mergedProfile(before.content.profile, draft.profile));
    replaceTables(store, before, after);
    if (goals?.wholeUnit) store.writeDocumentInput(DOCUMENT_INPUT_KEYS.wholeUnitGoalSheet, goals.wholeUnit);
  });
}

function mergedProfile(current: WorkbookProfile, imported: WorkbookProfile): WorkbookProfile {
  return {
    name: imported.name,
    year: imported.year,
    scope: imported.scope,
    code: imported.code ?? current.code,
    unitType: imported.unitType ?? current.unitType,
    supervisingDepartment: imported.supervisingDepartment ?? current.supervisingDepartment,
  };
}

function carriedGoalSheets(
  before: WorkbookContent,
  sheets: readonly ProjectGoalSheet[],
  draft: WorkbookDraft,
): ProjectGoalSheet[] {
  const identity = (content: Pick<WorkbookContent, 'units'>, project: WorkbookContent['projects'][number]) =>
    `${content.units.find((unit) => unit.id === project.unitId)?.name ?? ''}|${project.kind}|${project.name}`;
  const incoming = new Map(draft.projects.map((project) => [identity(draft, project), project.id]));
  return sheets.flatMap((sheet) => {
    const project = before.projects.find((candidate) => candidate.id === sheet.projectId);
    const projectId = project && incoming.get(identity(before, project));
    return projectId === undefined ? [] : [{ ...sheet, projectId }];
  });
}
