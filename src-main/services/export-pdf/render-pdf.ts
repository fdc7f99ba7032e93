import fs from 'node:fs';
import pdfmake from 'pdfmake';
import type { DynamicBackground, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type FontFiles, fontAccessPolicy, pdfmakeFonts } from './fonts';
import { tunePdfmake } from './pdfmake-tuning';

/**
 * How far a render is. pdfmake lays the whole document out first (pages are counted as they
 * are created; the total is not known yet), then draws page by page (the share of drawn page
 * items is what it reports), then pdfkit subsets the fonts and writes the file.
 */
export type RenderProgress =
  | { readonly stage: 'layout'; readonly pagesLaidOut: number }
  | { readonly stage: 'draw'; readonly pageCount: number; readonly percent: number }
  | { readonly stage: 'write'; readonly pageCount: number };

export interface RenderResult {
  readonly pageCount: number;
  readonly bytes: number;
}

/** The document's background, reporting each page number to `onPage` as pdfmake creates the page. */
function countingPages(background: TDocumentDefinitions['background'], onPage: (page: number) => void) {
  const counted: DynamicBackground = (page, size) => {
    onPage(page);
    return typeof background === 'function' ? background(page, size) : background;
  };
  return counted;
}

/**
 * Renders a document definition to `outputFile`. pdfmake is one configured object per thread;
 * it reads fonts, policies and the progress callback when `createPdf` is called, so they are
 * set right before it. No URL may be fetched, and of the local files only the fonts are read.
 */
export async function renderPdf(
  definition: TDocumentDefinitions,
  fonts: FontFiles,
  outputFile: string,
  onProgress: (progress: RenderProgress) => void = () => {},
): Promise<RenderResult> {
  let pageCount = 0;
  let drawnPercent = -1;
  tunePdfmake();
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(fontAccessPolicy(fonts));
  pdfmake.setFonts(pdfmakeFonts(fonts));
  pdfmake.setProgressCallback((fraction) => {
    // Called once per drawn item: report whole percents only.
    const percent = Math.floor(fraction * 100);
    if (percent === drawnPercent) return;
    drawnPercent = percent;
    onProgress({ stage: 'draw', pageCount, percent });
    if (percent === 100) onProgress({ stage: 'write', pageCount });
  });
  const document = pdfmake.createPdf({
    ...definition,
    background: countingPages(definition.background, (page) => {
      pageCount = page;
      onProgress({ stage: 'layout', pagesLaidOut: page });
    }),
  });
  await document.write(outputFile);
  return { pageCount, bytes: fs.statSync(outputFile).size };
}
