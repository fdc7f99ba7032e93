import fs from 'node:fs';
import type { ReviewStateResult, ReviewStatusView } from '../../../shared/contract/review-views';
import { diffLines } from '../../../shared/review/diff';
import { exportDiffXlsx } from '../../services/review/diff-export';
import type { Workbook } from '../../services/workbook/workbook';
import type { Session } from '../session';
import { definedFields, edit, edited, fileWithExtension } from './results';
import type { Handlers } from './types';

function statusView(workbook: Workbook): ReviewStatusView {
  const status = workbook.review.status();
  return {
    ...status,
    stamps: status.stamps.map(({ seal, ...stamp }) => ({
      ...stamp,
      sealPngBase64: seal === null ? null : Buffer.from(seal).toString('base64'),
    })),
  };
}

/** A state change closes the edit history: answered as an edit, with the status after it. */
function changeState(session: Session, change: (workbook: Workbook) => unknown): ReviewStateResult {
  // Not while an export reads it: a final PDF must not be recorded for a state left meanwhile.
  const workbook = session.editableWorkbook();
  change(workbook);
  return { ...edited(session), status: statusView(workbook) };
}

/** Written aside and renamed, so a failed export never leaves half a file or clobbers the last one. */
async function writeDiffXlsx(file: string, bytes: Promise<Buffer>): Promise<void> {
  const partial = `${file}.partial`;
  try {
    fs.writeFileSync(partial, await bytes);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** 内部审核 (issue 8): the workbook's review state, stamps, versions and their differences, comments. */
export const reviewHandlers = {
  'review/status': (session) => statusView(session.workbook()),
  'review/submit': (session, { by, note }) =>
    changeState(session, (workbook) => workbook.review.submit({ by, ...definedFields({ note }) })),
  'review/approve': (session, { by, note }) =>
    changeState(session, (workbook) => workbook.review.approve({ by, ...definedFields({ note }) })),
  'review/reopen': (session, { by, reason, to }) =>
    changeState(session, (workbook) => workbook.review.reopen({ by, reason, ...definedFields({ to }) })),
  'review/stamp': (session, { sealPngBase64, ...request }) => {
    const workbook = session.workbook();
    workbook.review.stamp({
      ...request,
      ...(sealPngBase64 === undefined ? {} : { seal: Buffer.from(sealPngBase64, 'base64') }),
    });
    return statusView(workbook);
  },
  'review/versions': (session) => session.workbook().review.versions(),
  'review/diff': (session, { from, to }) => session.workbook().review.diff(from, to),
  'review/exportDiff': async (session, { from, to, outputFile }) => {
    const diff = session.workbook().review.diff(from, to);
    const file = fileWithExtension(outputFile, '.xlsx');
    await writeDiffXlsx(file, exportDiffXlsx(diff));
    return { file, changes: diffLines(diff).length };
  },
  'review/restoreVersion': (session, { versionId, reason }) =>
    edit(session, (workbook) => workbook.review.restoreVersion(versionId, reason)),
  'review/comments': (session, { unresolvedOnly }) => session.workbook().review.comments({ unresolvedOnly }),
  'review/addComment': (session, comment) => session.workbook().review.addComment(comment),
  'review/resolveComment': (session, { commentId, by }) =>
    session.workbook().review.resolveComment(commentId, by),
  'review/reopenComment': (session, { commentId }) => session.workbook().review.reopenComment(commentId),
} satisfies Partial<Handlers>;
