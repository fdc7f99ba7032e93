import type { Content, ContentSvg, ContextPageSize } from 'pdfmake/interfaces';
import { FONT, WATERMARK_GREY } from './typography';

export const DEFAULT_WATERMARK = '仅供内部审核';

const ANGLE_DEGREES = -35;
const FONT_SIZE = 26;

/** Marks per row and rows per page (document-spec §1.6: 3 × 3 portrait, 4 × 3 landscape). */
function grid(size: ContextPageSize): { columns: number; rows: number } {
  return size.width > size.height ? { columns: 4, rows: 3 } : { columns: 3, rows: 3 };
}

/** The draft mark of one page: its text centred on each cell of the grid, turned by ANGLE_DEGREES. */
export interface DraftMark {
  readonly text: string;
  readonly centres: readonly { readonly x: number; readonly y: number }[];
}

function draftMark(text: string, size: ContextPageSize): DraftMark {
  const { columns, rows } = grid(size);
  const centres = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      centres.push({ x: ((column + 0.5) * size.width) / columns, y: ((row + 0.5) * size.height) / rows });
    }
  }
  return { text, centres };
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );
}

/**
 * The draft mark tiled diagonally over a whole page, as SVG text in the embedded sans face, so
 * it stays searchable text. It is the page background: tables and text print over it, and as
 * no table cell is filled it shows everywhere without hiding a figure (document-spec §1.6
 * suggests drawing it above the content; behind it no amount is ever covered).
 */
function watermarkSvg(mark: DraftMark, size: ContextPageSize): string {
  const marks = mark.centres.map(
    ({ x, y }) =>
      `<text x="${x}" y="${y}" text-anchor="middle" transform="rotate(${ANGLE_DEGREES} ${x} ${y})">${escapeXml(mark.text)}</text>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" ` +
    `viewBox="0 0 ${size.width} ${size.height}"><g font-family="${FONT.sans}" font-size="${FONT_SIZE}" ` +
    `fill="${WATERMARK_GREY}">${marks.join('')}</g></svg>`
  );
}

/** A page background that is the draft mark: the SVG, and the mark it draws as data. */
export type DraftMarkBackground = ContentSvg & { readonly draftMark: DraftMark };

export function isDraftMarkBackground(node: object): node is DraftMarkBackground {
  return 'draftMark' in node;
}

/** The background of one page: the mark at the page's own size (portrait or landscape). */
export function watermarkBackground(text: string): (size: ContextPageSize) => Content {
  const bySize = new Map<string, { svg: string; draftMark: DraftMark }>();
  return (size) => {
    const key = `${size.width}x${size.height}`;
    let mark = bySize.get(key);
    if (mark === undefined) {
      const draft = draftMark(text, size);
      mark = { svg: watermarkSvg(draft, size), draftMark: draft };
      bySize.set(key, mark);
    }
    // A fresh node for each page: pdfmake places it by writing into it.
    const background: DraftMarkBackground = { ...mark, width: size.width, height: size.height };
    return background;
  };
}

/** What drawing the mark takes of a pdfkit document (with pdfmake's font lookup). */
export interface MarkCanvas {
  provideFont(family: string, bold: boolean, italics: boolean): object;
  save(): unknown;
  restore(): unknown;
  rotate(angle: number, options: { origin: [number, number] }): unknown;
  fontSize(size: number): unknown;
  fillColor(color: string): unknown;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options: { lineBreak: false; baseline: 'alphabetic' }): unknown;
  _font: object;
}

/**
 * Draws the mark straight with pdfkit: the same text at the same places as svg-to-pdfkit
 * draws the SVG, without parsing it and laying its text out afresh on every page, which costs
 * some 2 ms a page (pdfmake-tuning.ts draws a draft mark background so).
 */
export function drawDraftMark(canvas: MarkCanvas, mark: DraftMark, at: { x: number; y: number }): void {
  const font = canvas.provideFont(FONT.sans, false, false);
  for (const centre of mark.centres) {
    const x = at.x + centre.x;
    const y = at.y + centre.y;
    canvas.save();
    canvas.rotate(ANGLE_DEGREES, { origin: [x, y] });
    canvas._font = font;
    canvas.fontSize(FONT_SIZE);
    canvas.fillColor(WATERMARK_GREY);
    // text-anchor="middle": centred on x; y is the baseline.
    canvas.text(mark.text, x - canvas.widthOfString(mark.text) / 2, y, {
      lineBreak: false,
      baseline: 'alphabetic',
    });
    canvas.restore();
  }
}
