/**
 * The look of the disclosure PDF in one place: faces, sizes, margins and greys.
 * 宋体-style Noto Serif SC carries the body and the tables; 黑体-style Noto Sans SC the headings.
 */

/** pdfmake font keys; SVG text (the watermark) names the same keys in `font-family`. */
export const FONT = { serif: 'NotoSerifSC', sans: 'NotoSansSC' } as const;

export const FONT_SIZE = {
  coverUnit: 26,
  coverTitle: 22,
  tocHeading: 20,
  tocEntry: 12,
  partHeading: 18,
  tableTitle: 16,
  tableLabel: 9,
  nameLine: 10.5,
  table: 9,
  footer: 9,
} as const;

/** Left, top, right, bottom in pt; the bottom margin holds the page number. */
export const PAGE_MARGINS: [number, number, number, number] = [42, 42, 42, 46];

/** A4 in pt, as pdfmake lays it out. */
const A4 = { width: 595.28, height: 841.89 } as const;

export function contentWidth(isLandscape: boolean): number {
  const pageWidth = isLandscape ? A4.height : A4.width;
  return pageWidth - PAGE_MARGINS[0] - PAGE_MARGINS[2];
}

/** Line height of Noto Serif SC in em: (ascender 1151 − descender −286) / 1000, as pdfkit sets it. */
export const SERIF_LINE_HEIGHT_EMS = 1.437;

export const RULE_WIDTH = 0.5;
export const CELL_PADDING = { horizontal: 3, vertical: 2 } as const;
/** Light enough that text drawn over the mark stays easy to read in print. */
export const WATERMARK_GREY = '#d4d4d4';
export const LEADER_GREY = '#808080';
