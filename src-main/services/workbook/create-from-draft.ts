import fs from 'node:fs';
import type { WorkbookDraft } from '../../../shared/tables/reference-json-import';
import type { TableKey } from '../../../shared/tables/types';
import type { StoredCell, WorkbookContent } from '../../../shared/workbook/content';
import { cellId, evaluateWorkbook, formulaOf, layoutWorkbook } from '../../../shared/workbook/evaluate';
import { Workbook } from './workbook';
import type { WorkbookStore } from './workbook-store';

/**
 * The cells to store for a draft: published figures in input cells, and overrides where a
 * published total disagrees with the sum of its parts (the seeds' 尾差), so that the workbook
 * shows exactly what was published and marks where it does not add up.
 */
export function storedCellsOfDraft(draft: WorkbookDraft): StoredCell[] {
  const structure: WorkbookContent = { ...draft, cells: [] };
  const layouts = layoutWorkbook(structure);
  const inputs: StoredCell[] = [];
  for (const [id, fen] of draft.expected) {
    const [table, row, column] = id.split('|') as [TableKey, string, string];
    const shape = layouts[table].byKey.get(row);
    if (fen !== null && shape && formulaOf(layouts[table].definition, shape, column) === null) {
      // Published tables give 万元 to two decimals: every figure is rounded.
      inputs.push({ table, row, column, fen, origin: 'input', isRounded: true });
    }
  }
  const overrides: StoredCell[] = [];
  const reconciled = new Set(draft.reconciledTables);
  evaluateWorkbook({ ...structure, cells: inputs }, (address, computed) => {
    if (!reconciled.has(address.table)) return undefined;
    const id = cellId(address);
    if (!draft.expected.has(id)) return undefined;
    const published = draft.expected.get(id) ?? null;
    if (published === computed || (published === null && computed === 0)) return undefined;
    // A total printed blank over parts that are not: kept as a zero, which prints blank too.
    const fen = published ?? 0;
    overrides.push({ ...address, fen, origin: 'override', isRounded: true });
    return fen;
  });
  return [...inputs, ...overrides];
}

/** Writes the draft's units, rows and cells into a workbook whose tables are empty. */
export function writeDraft(store: WorkbookStore, draft: WorkbookDraft, cells: readonly StoredCell[]): void {
  for (const unit of draft.units) store.insertUnit(unit);
  for (const subject of draft.subjects) store.upsertSubject(subject);
  for (const entry of draft.tableRows) store.insertTableRow(entry.table, entry.row);
  for (const row of draft.economicRows) store.insertEconomicRow(row);
  for (const project of draft.projects) store.insertProject(project);
  for (const cell of cells) store.writeCell(cell);
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
      store.deleteTableContent();
      writeDraft(store, draft, cells);
    });
    return workbook;
  } catch (error) {
    workbook.close();
    fs.rmSync(workbookPath, { force: true });
    throw error;
  }
}
