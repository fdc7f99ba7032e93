import type { ProjectGoalSheet } from '../../../shared/goal-sheets/model';
import type { NarrativeInputs } from '../../../shared/narrative/inputs';
import type { WorkbookContent } from '../../../shared/workbook/content';
import { openWorkbookSnapshot } from '../../db/workbook-file';
import { storedNarrativeInputs } from './stored-inputs';
import { WorkbookStore } from './workbook-store';

export interface WorkbookReading {
  readonly content: WorkbookContent;
  readonly goalSheets: readonly ProjectGoalSheet[];
  readonly narrativeInputs: NarrativeInputs;
}

/** The tables, goal sheets and 情况说明 inputs of another workbook file, which is left as it is. */
export function readWorkbook(file: string): WorkbookReading {
  const snapshot = openWorkbookSnapshot(file);
  try {
    const store = new WorkbookStore(snapshot.db);
    return {
      content: store.loadContent(),
      goalSheets: store.goalSheets(),
      narrativeInputs: storedNarrativeInputs(store),
    };
  } finally {
    snapshot.close();
  }
}
