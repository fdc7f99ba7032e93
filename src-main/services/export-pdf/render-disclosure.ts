import type { WorkbookContent } from '../../../shared/workbook/content';
import { type DisclosureOptions, buildDisclosureDocument } from './disclosure-document';
import { resolveFontFiles } from './fonts';
import type { DisclosureText } from './text-parts';
import { type RenderProgress, type RenderResult, renderPdf } from './render-pdf';

/** Everything a render needs, as plain data: it crosses into a worker thread. */
export interface DisclosureRenderRequest {
  readonly content: WorkbookContent;
  readonly options: DisclosureOptions;
  /** 第一、三、四部分, ready to print; without it the tables are printed alone. */
  readonly text?: DisclosureText;
  readonly outputFile: string;
  /** The packaged app's fonts folder; omitted in a source checkout (fonts from npm packages). */
  readonly fontFolder?: string;
}

/**
 * Builds the disclosure from the workbook's content and writes the PDF, in this thread. Every
 * failure, a missing font file included, comes back as a rejection.
 */
export async function renderDisclosurePdf(
  request: DisclosureRenderRequest,
  onProgress?: (progress: RenderProgress) => void,
): Promise<RenderResult> {
  const fonts = resolveFontFiles(request.fontFolder);
  const definition = buildDisclosureDocument(request.content, request.options, request.text ?? null);
  return renderPdf(definition, fonts, request.outputFile, onProgress);
}
