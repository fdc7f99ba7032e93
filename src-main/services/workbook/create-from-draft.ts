import fs from 'node:fs';
import type { WorkbookDraft } from '../../../shared/tables/reference-json-import';
import type { StoredCell } from '../../../shared/workbook/content';
import { storedCellsShowing } from '../../../shared/workbook/stored-cells';
import { Workbook } from './workbook';

/**
 * The cells to store for a draft: published figures in input cells, and overrides where a
 * published total disagrees with the sum of its parts (the seeds' 尾差), so that the workbook
 * shows exactly what was published and marks where it does not add up. Published tables give
 * 万元 to two decimals: every figure is rounded.
 */
export function storedCellsOfDraft(draft: WorkbookDraft): StoredCell[] {
  return storedCellsShowing({ ...draft, cells: [] }, draft.expected, draft.reconciledTables, () => true);
}

/**
 * Creates a workbook file holding the draft. All or nothing: on any error no file is left
 * behind. The import is one undo step.
 */
export function createWorkbookFromDraft(draft: WorkbookDraft, workbookPath: string, label: string): Workbook {
  const cells = storedCellsOfDraft(draft);
  const workbook = Workbook.create(workbookPath, draft.profile);
  try {
    workbook.edit(label, (store) => {
      // Workbook.create made the unit of the profile; the draft's units replace it.
      for (const unit of workbook.content().units) store.deleteUnit(unit.id);
      for (const unit of draft.units) store.insertUnit(unit);
      for (const subject of draft.subjects) store.upsertSubject(subject);
      for (const entry of draft.tableRows) store.insertTableRow(entry.table, entry.row);
      for (const row of draft.economicRows) store.insertEconomicRow(row);
      for (const project of draft.projects) store.insertProject(project);
      for (const cell of cells) store.writeCell(cell);
    });
    return workbook;
  } catch (error) {
    workbook.close();
    fs.rmSync(workbookPath, { force: true });
    throw error;
  }
}
