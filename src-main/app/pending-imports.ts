import type { WorkbookDraft } from '../../shared/tables/reference-json-import';
import type { GoalsImportPlan } from '../services/goal-sheets/import-goals-json';
import type { Workbook } from '../services/workbook/workbook';

/** A template read, checked and previewed, waiting for the user to apply or discard it. */
export interface PendingImport {
  readonly importId: string;
  /** The workbook it was compared with; applying it to another one is refused. */
  readonly workbook: Workbook;
  readonly tablesFile: string;
  readonly draft: WorkbookDraft;
  readonly goals: GoalsImportPlan | null;
}

/** Only the latest preview is kept: a draft of a large 部门 is megabytes. */
export class PendingImports {
  private pending: PendingImport | null = null;

  keep(entry: PendingImport): void {
    this.pending = entry;
  }

  /** Removes and returns the import, if it is still waiting. */
  take(importId: string): PendingImport | null {
    const found = this.pending?.importId === importId ? this.pending : null;
    if (found) this.pending = null;
    return found;
  }

  discardAll(): void {
    this.pending = null;
  }
}
