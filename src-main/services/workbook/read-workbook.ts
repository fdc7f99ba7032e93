import type { ProjectGoalSheet } from '../../../shared/goal-sheets/model';
import type { WorkbookContent } from '../../../shared/workbook/content';
import { openWorkbookSnapshot } from '../../db/workbook-file';
import { WorkbookStore } from './workbook-store';

export interface WorkbookReading {
  readonly content: WorkbookContent;
  readonly goalSheets: readonly ProjectGoalSheet[];
}

/** The tables and goal sheets of another workbook file, which is left as it is. */
export function readWorkbook(file: string): WorkbookReading {
  const snapshot = openWorkbookSnapshot(file);
  try {
    const store = new WorkbookStore(snapshot.db);
    return { content: store.loadContent(), goalSheets: store.goalSheets() };
  } finally {
    snapshot.close();
  }
}
