import path from 'node:path';
import type { EditResult, HistoryState, WorkbookSummary } from '../../../shared/contract/views';
import type { Workbook } from '../../services/workbook/workbook';
import type { Session } from '../session';

export function historyOf(workbook: Workbook): HistoryState {
  const labels = workbook.historyLabels();
  return {
    canUndo: labels.undo !== null,
    canRedo: labels.redo !== null,
    undoLabel: labels.undo,
    redoLabel: labels.redo,
  };
}

/** `migrationBackup` is told once, in the answer to the open that made it. */
export function summaryOf(workbook: Workbook, isJustOpened = false): WorkbookSummary {
  const content = workbook.content();
  return {
    path: workbook.path,
    profile: content.profile,
    units: content.units,
    projects: content.projects,
    history: historyOf(workbook),
    migrationBackup: isJustOpened ? workbook.migrationBackup : null,
  };
}

/** Runs one edit on the open workbook and answers with the history after it. */
export function edit(session: Session, action: (workbook: Workbook) => unknown): EditResult {
  action(session.editableWorkbook());
  return edited(session);
}

/** The answer to an edit already made. */
export function edited(session: Session): EditResult {
  return { history: historyOf(session.workbook()) };
}

/** The path as given, made absolute, with `extension` added when the user typed none. */
export function fileWithExtension(file: string, extension: string): string {
  const absolute = path.resolve(file);
  return path.extname(absolute).toLowerCase() === extension ? absolute : `${absolute}${extension}`;
}

/**
 * The fields that have a value: a checked input's optional field reads `T | undefined`, which
 * a service's optional parameter (exactOptionalPropertyTypes) does not take.
 */
export function definedFields<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
