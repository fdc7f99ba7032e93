import path from 'node:path';
import { WORKBOOK_EXTENSION } from '../../db/workbook-file';
import { Workbook } from '../../services/workbook/workbook';
import type { Session } from '../session';
import { definedFields, edit, fileWithExtension, historyOf, summaryOf } from './results';
import type { Handlers } from './types';

/**
 * Makes a just opened or created workbook the session's one and lists it as recent; the
 * caller has checked that no export holds the session (refuseWhileExporting).
 */
function adopt(session: Session, workbook: Workbook): void {
  session.replaceWorkbook(workbook);
  const { profile } = workbook.content();
  try {
    session.recent.add({ path: workbook.path, name: profile.name, year: profile.year });
  } catch (error) {
    // The list is a convenience: failing to write it must not fail the open.
    session.logError('recent-workbooks', error);
  }
}

export const workbookHandlers = {
  'app/info': (session) => ({ version: session.options.version, mode: session.options.mode }),

  'dialog/openFile': (session, { purpose }) => session.options.dialogs.openFile(purpose),
  'dialog/saveFile': (session, { purpose, suggestedName }) =>
    session.options.dialogs.saveFile(purpose, suggestedName),

  'workbook/recent': (session) => session.recent.list(),

  'workbook/create': (session, input) => {
    session.refuseWhileExporting();
    const workbook = Workbook.create(
      fileWithExtension(input.path, WORKBOOK_EXTENSION),
      input.profile,
      input.subordinateUnits,
    );
    adopt(session, workbook);
    return summaryOf(workbook);
  },

  'workbook/open': (session, input) => {
    const file = path.resolve(input.path);
    const current = session.openWorkbook();
    // Opening the file again would fail on its own lock.
    if (current !== null && current.path === file) return summaryOf(current);
    session.refuseWhileExporting();
    const workbook = Workbook.open(file);
    adopt(session, workbook);
    return summaryOf(workbook, true);
  },

  'workbook/close': (session) => {
    session.replaceWorkbook(null);
    return null;
  },

  'workbook/summary': (session) => {
    const workbook = session.openWorkbook();
    return workbook === null ? null : summaryOf(workbook);
  },

  'workbook/updateProfile': (session, { changes }) =>
    edit(session, (workbook) => workbook.updateProfile(definedFields(changes))),

  /** A copy of the workbook as it is now; the session stays on the original. */
  'workbook/saveAs': async (session, input) => {
    await session.workbook().saveAs(fileWithExtension(input.path, WORKBOOK_EXTENSION));
    return null;
  },

  'history/undo': (session) => {
    const workbook = session.editableWorkbook();
    const undone = workbook.undo();
    return { undone, history: historyOf(workbook) };
  },
  'history/redo': (session) => {
    const workbook = session.editableWorkbook();
    const redone = workbook.redo();
    return { redone, history: historyOf(workbook) };
  },
} satisfies Partial<Handlers>;
