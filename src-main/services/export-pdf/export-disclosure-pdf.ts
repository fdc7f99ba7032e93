import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Workbook } from '../workbook/workbook';
import type { ExportRecord } from '../workbook/workbook-store';
import { DEFAULT_WATERMARK } from './watermark';
import type { DisclosureOptions } from './disclosure-document';
import { type RenderControl, renderDisclosurePdfInWorker } from './render-in-worker';
import { type DisclosureRenderRequest, renderDisclosurePdf } from './render-disclosure';
import type { DisclosureText } from './text-parts';
import { adjustForPrint } from '../../../shared/checks/rounding-adjustment';
import { chartAfter } from '../../../shared/narrative/charts';
import { glossaryFor } from '../../../shared/narrative/glossary';
import { organisationSentences } from '../../../shared/narrative/overview';
import { printedGoalSheets } from './goal-sheet-pages';
import { stampPageOf } from './stamp-page';

export interface DisclosureExportRequest {
  readonly outputFile: string;
  readonly kind: DisclosureOptions['kind'];
  readonly figures: DisclosureOptions['figures'];
  /** The draft mark; 仅供内部审核 unless given. */
  readonly watermarkText?: string;
  /** Lets a final export through despite 错误 findings; it is recorded in the workbook. */
  readonly overrideReason?: string;
  /** The packaged app's fonts folder (see fonts.ts). */
  readonly fontFolder?: string;
}

export interface ExportControl extends RenderControl {
  /**
   * Renders in the calling thread instead of a fresh worker (the signal is then not
   * watched): for callers already off the UI's thread, such as the batch's pool threads,
   * where a render worker per export would leave the pool thread idle beside it and load
   * pdfmake and the fonts again for every unit.
   */
  readonly inThisThread?: boolean;
}

export interface DisclosureExport {
  readonly record: ExportRecord;
  readonly pageCount: number;
  readonly bytes: number;
}

/** The text parts, generated from the same figures the tables will print. */
export function disclosureText(
  workbook: Workbook,
  figures: DisclosureOptions['figures'],
  exportedAt: Date,
): DisclosureText {
  const content = workbook.content();
  const evaluated = figures === 'adjusted' ? adjustForPrint(content).evaluated : workbook.evaluate();
  const overview = workbook.overview();
  return {
    scope: content.profile.scope,
    year: content.profile.year,
    overview: {
      duties: overview.duties,
      dutyMarkerStyle: overview.dutyMarkerStyle,
      organisation: [
        ...organisationSentences(overview),
        ...(overview.organisationText.trim() === '' ? [] : [overview.organisationText.trim()]),
      ],
    },
    narrative: workbook.narrative(evaluated).map((section) => ({
      no: section.no,
      title: section.title,
      sentences: section.sentences.map((sentence) => {
        const chart = chartAfter(sentence);
        return {
          ...(sentence.heading === undefined ? {} : { heading: sentence.heading }),
          text: sentence.text,
          ...(chart === null ? {} : { chart }),
        };
      }),
    })),
    glossary: glossaryFor(content.profile.year),
    goalSheets: printedGoalSheets(
      content,
      evaluated,
      workbook.goalSheets(),
      workbook.wholeUnitGoalSheet(),
      exportedAt,
    ),
  };
}

/**
 * Exports the disclosure PDF of an open workbook and records the export in it.
 *
 * A final export with 错误 findings and no reason is refused before rendering and again when
 * the export is recorded. The PDF is rendered (in a worker) next to the target first, and
 * only a recorded export replaces the target file. So a refused or cancelled export leaves
 * neither a file nor a record, and never clobbers the previous PDF. The PDF shows the workbook
 * as it was when the export started, and the record's 审核 counts it as it is at the end:
 * the caller keeps edits out until the export settles (a UI disables editing meanwhile).
 */
export async function exportDisclosurePdf(
  workbook: Workbook,
  request: DisclosureExportRequest,
  control: ExportControl = {},
): Promise<DisclosureExport> {
  const watermarkText = request.watermarkText ?? DEFAULT_WATERMARK;
  if (watermarkText.trim() === '') throw new AppError('INVALID_INPUT', '草稿的水印文字不能为空');
  // Refused before rendering (a batch of 已定稿 units with 错误 would render each for nothing);
  // recordExport checks again at the end.
  workbook.assertExportAllowed(request.kind, request.overrideReason);
  const isReviewDraft = request.kind === 'draft' && workbook.review.versions().length > 0;
  const partialFile = `${request.outputFile}.partial`;
  try {
    const renderRequest: DisclosureRenderRequest = {
      content: workbook.content(),
      text: disclosureText(workbook, request.figures, new Date()),
      options: {
        kind: request.kind,
        figures: request.figures,
        watermarkText,
        ...(isReviewDraft ? { stampPage: stampPageOf(workbook.review.status()) } : {}),
      },
      outputFile: partialFile,
      ...(request.fontFolder === undefined ? {} : { fontFolder: request.fontFolder }),
    };
    const rendered = control.inThisThread
      ? await renderDisclosurePdf(renderRequest, control.onProgress)
      : await renderDisclosurePdfInWorker(renderRequest, control);
    const record = workbook.recordExport({
      kind: request.kind,
      format: 'pdf',
      file: request.outputFile,
      ...(request.overrideReason === undefined ? {} : { overrideReason: request.overrideReason }),
    });
    fs.renameSync(partialFile, request.outputFile);
    return { record, ...rendered };
  } finally {
    fs.rmSync(partialFile, { force: true });
  }
}
