import path from 'node:path';
import type { EventPayloads } from '../../../shared/contract/requests';
import type { ImportPreviewView, PdfExportResult } from '../../../shared/contract/views';
import { AppError } from '../../../shared/errors';
import { evaluateWorkbook } from '../../../shared/workbook/evaluate';
import { exportDisclosurePdf } from '../../services/export-pdf/export-disclosure-pdf';
import type { RenderProgress } from '../../services/export-pdf/render-pdf';
import { planGoalsImport } from '../../services/goal-sheets/import-goals-json';
import { goalsFromSheets } from '../../services/spreadsheets/goals-workbook';
import { draftFromTablesXlsx } from '../../services/spreadsheets/import-tables';
import { previewImport } from '../../services/spreadsheets/preview';
import { readSpreadsheet } from '../../services/spreadsheets/spreadsheet';
import { exportXlsxWorkbooks } from '../../services/spreadsheets/export-workbooks';
import { storedCellsOfDraft } from '../../services/workbook/create-from-draft';
import { importTablesInto } from '../../services/workbook/import-into-workbook';
import type { Session } from '../session';
import { fileWithExtension, summaryOf } from './results';
import type { CheckedInput, Handlers } from './types';

function xlsxFile(file: string, what: string): string {
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    throw new AppError('INVALID_INPUT', `${what}应为 .xlsx 文件：“${path.basename(file)}”`, { file });
  }
  return path.resolve(file);
}

/**
 * Reads and checks the template(s) completely, then compares them with the open workbook.
 * Nothing is written: the result waits in the session until it is applied or discarded.
 */
async function previewTemplates(
  session: Session,
  input: CheckedInput<'import/preview'>,
): Promise<ImportPreviewView> {
  const workbook = session.workbook();
  const tablesFile = xlsxFile(input.tablesFile, '预算公开表格模板');
  const goalsFile = input.goalsFile === null ? null : xlsxFile(input.goalsFile, '绩效目标表模板');
  const progress = (stage: EventPayloads['import/progress']['stage'], done: number, total: number) =>
    session.events.emit('import/progress', { jobId: input.jobId, stage, done, total });

  const draft = await draftFromTablesXlsx(tablesFile, (read) =>
    progress('read', read.sheetsDone, read.sheetsTotal),
  );
  progress('check', 1, goalsFile === null ? 1 : 2);
  let goals = null;
  if (goalsFile !== null) {
    const sheets = await readSpreadsheet(goalsFile, (read) =>
      progress('read', read.sheetsDone, read.sheetsTotal),
    );
    const incoming = { ...draft, cells: storedCellsOfDraft(draft) };
    goals = planGoalsImport(
      incoming,
      evaluateWorkbook(incoming).t12,
      goalsFromSheets(goalsFile, sheets),
      path.basename(goalsFile),
    );
    progress('check', 2, 2);
  }
  if (session.openWorkbook() !== workbook) {
    throw new AppError('WORKBOOK_CLOSED', '读取模板期间工作簿已关闭或切换，导入未执行。');
  }
  progress('compare', 0, 1);
  const changes = previewImport(workbook.content(), draft, workbook.evaluate());
  progress('compare', 1, 1);
  session.imports.keep({ importId: input.jobId, workbook, tablesFile, draft, goals });
  return {
    importId: input.jobId,
    tablesFile,
    goalsFile,
    ...changes,
    goalSheetCount: goals?.sheets.length ?? 0,
    unmatchedGoalSheets: goals?.unmatchedSheets ?? [],
  };
}

function pdfProgress(jobId: string, progress: RenderProgress): EventPayloads['export/progress'] {
  switch (progress.stage) {
    case 'layout':
      return { jobId, stage: 'layout', pages: progress.pagesLaidOut, percent: 0 };
    case 'draw':
      return { jobId, stage: 'draw', pages: progress.pageCount, percent: progress.percent };
    case 'write':
      return { jobId, stage: 'write', pages: progress.pageCount, percent: 100 };
  }
}

async function exportPdf(session: Session, input: CheckedInput<'export/pdf'>): Promise<PdfExportResult> {
  const workbook = session.workbook();
  if (input.kind === 'final' && input.watermarkText !== undefined) {
    throw new AppError('INVALID_INPUT', '正式版不加水印，水印文字只用于草稿。');
  }
  if (input.kind === 'draft' && input.overrideReason !== undefined) {
    throw new AppError('INVALID_INPUT', '强制导出的理由只用于正式版。');
  }
  const signal = session.exports.start(input.jobId);
  try {
    const exported = await exportDisclosurePdf(
      workbook,
      {
        outputFile: fileWithExtension(input.outputFile, '.pdf'),
        kind: input.kind,
        figures: input.figures,
        ...(input.watermarkText === undefined ? {} : { watermarkText: input.watermarkText }),
        ...(input.overrideReason === undefined ? {} : { overrideReason: input.overrideReason }),
        ...(session.options.fontFolder === undefined ? {} : { fontFolder: session.options.fontFolder }),
      },
      {
        signal,
        onProgress: (progress) => session.events.emit('export/progress', pdfProgress(input.jobId, progress)),
      },
    );
    return {
      file: exported.record.file,
      kind: exported.record.kind,
      pageCount: exported.pageCount,
      bytes: exported.bytes,
      exportedAt: exported.record.exportedAt,
    };
  } finally {
    session.exports.finish(input.jobId);
  }
}

export const transferHandlers = {
  'import/preview': previewTemplates,
  'import/apply': (session, { importId }) => {
    const pending = session.imports.take(importId);
    if (pending === null || pending.workbook !== session.openWorkbook()) {
      throw new AppError(
        'INVALID_INPUT',
        '这次导入的预览已失效（已放弃，或工作簿已切换），请重新选择模板预览。',
      );
    }
    const label = `导入 ${path.basename(pending.tablesFile)}`;
    importTablesInto(session.editableWorkbook(), pending.draft, pending.goals, label);
    session.events.emit('workbook/changed', { label });
    return summaryOf(pending.workbook);
  },
  'import/discard': (session, { importId }) => {
    session.imports.take(importId);
    return null;
  },

  'export/pdf': exportPdf,
  'export/cancel': (session, { jobId }) => {
    session.exports.cancel(jobId);
    return null;
  },
  'export/xlsx': async (session, { folder }) => ({
    files: await exportXlsxWorkbooks(session.workbook(), path.resolve(folder)),
  }),
  'export/list': (session) => session.workbook().exports(),
} satisfies Partial<Handlers>;
