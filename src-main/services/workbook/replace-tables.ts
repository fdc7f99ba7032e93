import type { ProjectGoalSheet } from '../../../shared/goal-sheets/model';
import type { WorkbookDraft } from '../../../shared/tables/reference-json-import';
import type { WorkbookContent, WorkbookProfile } from '../../../shared/workbook/content';
import { type GoalsImportPlan, writeGoalsImport } from '../goal-sheets/import-goals-json';
import { storedCellsOfDraft, writeDraft } from './create-from-draft';
import type { Workbook } from './workbook';

/**
 * Replaces the open workbook's tables with an imported draft (and its goal sheets), as one
 * transaction and one undo step. The profile takes the template's name, year and scope and
 * keeps what the template does not say. Goal sheets already written stay with their project
 * when the template has a project of the same unit, kind and name; sheets of the goals file
 * take precedence. The narrative, 概况 and export log are not part of the tables and stay.
 */
export function replaceTables(
  workbook: Workbook,
  draft: WorkbookDraft,
  goals: GoalsImportPlan | null,
  label: string,
): void {
  const before = workbook.content();
  const carried = carriedGoalSheets(before, workbook.goalSheets(), draft);
  const cells = storedCellsOfDraft(draft);
  workbook.edit(label, (store) => {
    store.writeProfile(mergedProfile(before.profile, draft.profile));
    store.deleteTableContent();
    writeDraft(store, draft, cells);
    for (const sheet of carried) store.writeGoalSheet(sheet.projectId, sheet);
    if (goals) writeGoalsImport(store, goals);
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
