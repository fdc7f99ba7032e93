/**
 * What the main process answers: plain data that survives structured clone and JSON alike
 * (no Map, no class, no Date; amounts as integer 分).
 */
import type { ErrorCode, ErrorDetails } from '../errors';
import type { EvaluatedTable } from '../workbook/evaluate';
import type { Project, Unit, WorkbookProfile } from '../workbook/content';

/** An evaluated table without its definition, which the renderer reads from shared/tables. */
export type TableView = Omit<EvaluatedTable, 'definition'> & {
  readonly key: EvaluatedTable['definition']['key'];
};

export interface HistoryState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** What 撤销 / 重做 would undo or redo, e.g. 修改 表二 2080501 合计. */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

export interface WorkbookSummary {
  readonly path: string;
  readonly profile: WorkbookProfile;
  readonly units: readonly Unit[];
  readonly projects: readonly Project[];
  readonly history: HistoryState;
  /** Set once after opening a file written by an older version: where its backup copy went. */
  readonly migrationBackup: string | null;
}

/** Every edit answers with the history after it; the renderer refetches what it shows. */
export interface EditResult {
  readonly history: HistoryState;
}

export interface RecentWorkbook {
  readonly path: string;
  readonly name: string;
  readonly year: number;
  readonly openedAt: string;
}

export interface CellChangeView {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface ImportPreviewView {
  readonly importId: string;
  readonly tablesFile: string;
  readonly goalsFile: string | null;
  readonly newRows: readonly { readonly table: string; readonly row: string }[];
  readonly removedRows: readonly { readonly table: string; readonly row: string }[];
  readonly changedCells: readonly CellChangeView[];
  readonly goalSheetCount: number;
  /** Goal sheets whose project is not in 表十二: they would not be imported. */
  readonly unmatchedGoalSheets: readonly string[];
}

export interface PdfExportResult {
  readonly file: string;
  readonly kind: 'draft' | 'final';
  readonly pageCount: number;
  readonly bytes: number;
  readonly exportedAt: string;
}

export interface ExportRecordView {
  readonly kind: 'draft' | 'final';
  readonly format: 'pdf' | 'xlsx';
  readonly file: string;
  readonly exportedAt: string;
  readonly errorCount: number;
  readonly overrideReason: string | null;
}

/** A refusal as it crosses the boundary: the Chinese message names file, table, row, column. */
export interface ContractError {
  readonly code: ErrorCode | 'INTERNAL' | 'BAD_REQUEST' | 'CANCELLED';
  readonly message: string;
  readonly details: ErrorDetails;
}

export type InvokeResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractError };
