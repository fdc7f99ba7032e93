/**
 * pdfmake 0.3 handles Chinese text one character at a time: UAX #14 allows a line break between
 * any two ideographs, so every character becomes a piece of its own, measured, laid out and
 * drawn on its own. A whole disclosure is some 85,000 pieces, and two of pdfmake's per-piece
 * steps dominate the export's time. This module is the one place that reaches into pdfmake's
 * internal modules (pinned at 0.3.11 in package.json) to make them cheaper without moving a
 * glyph; test/pdf-pdfmake-tuning.test.ts compares the result with pdfmake's own, word by word.
 *
 * - Measuring: pdfmake resolves 22 style properties of every piece by walking the whole style
 *   stack (the cell, its table, the section, the document) piece after piece. A piece carries
 *   no style of its own unless its text was given as styled parts, so the stack's answer is
 *   the same for all of a text's plain pieces: it is looked up once per text here.
 * - Drawing: neighbouring pieces of a line are drawn as one run (text-runs.ts).
 * - The draft mark, every page's background SVG, is drawn straight with pdfkit (watermark.ts)
 *   instead of through svg-to-pdfkit, which parses the SVG and lays its text out on every page.
 */
import { createRequire } from 'node:module';
import { type LaidOutInline, joinedRuns } from './text-runs';
import { type MarkCanvas, drawDraftMark, isDraftMarkBackground } from './watermark';

/** A piece as pdfmake's measuring receives it: its text and any style of its own. */
type Piece = Record<string, unknown> & { text: string };

interface StyleStack {
  getProperty(property: string): unknown;
}

interface TextInlines {
  readonly pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): Font };
  widthOfText(text: string, piece: Piece): number;
  measure(this: TextInlines, pieces: Piece[], styles: StyleStack | undefined): Piece[];
}

interface Font {
  lineHeight(fontSize: number): number;
}

interface StyleContextStackClass {
  getStyleProperty(
    piece: object,
    styles: StyleStack | undefined,
    property: string,
    fallback: unknown,
  ): unknown;
}

interface Renderer {
  readonly pdfDocument: MarkCanvas;
  renderLine(this: Renderer, line: { inlines: LaidOutInline[] }, x: number, y: number): void;
  /** An SVG node as laid out: placed at x, y. */
  renderSVG(this: Renderer, svg: { readonly x: number; readonly y: number }): void;
}

/** The properties pdfmake's measuring sets on each piece after its font, in its order, with its defaults. */
const PIECE_STYLE: readonly (readonly [string, unknown])[] = [
  ['alignment', 'left'],
  ['fontSize', 12],
  ['fontFeatures', null],
  ['characterSpacing', 0],
  ['color', 'black'],
  ['decoration', null],
  ['decorationColor', null],
  ['decorationStyle', null],
  ['decorationThickness', null],
  ['background', null],
  ['link', null],
  ['linkToPage', null],
  ['linkToDestination', null],
  ['noWrap', null],
  ['opacity', 1],
  ['sup', false],
  ['sub', false],
];

const LEADING_SPACES = /^(\s)+/g;
const TRAILING_SPACES = /(\s)+$/g;

const isValue = (value: unknown) => value !== undefined && value !== null;

/**
 * pdfmake's `TextInlines.measure`, step for step, except that a property a piece does not set
 * itself (nor through a named style) is read from the style stack once for the whole text.
 */
function measureWith(StyleContextStack: StyleContextStackClass): TextInlines['measure'] {
  return function measure(pieces, styles) {
    const first = pieces[0];
    if (first !== undefined) {
      const leadingIndent = StyleContextStack.getStyleProperty(first, styles, 'leadingIndent', 0);
      if (leadingIndent) {
        first['leadingCut'] = -(leadingIndent as number);
        first['leadingIndent'] = leadingIndent;
      }
    }
    const fromStack = new Map<string, unknown>();
    const style = (piece: Piece, property: string, fallback: unknown): unknown => {
      if (isValue(piece[property])) return piece[property];
      if (styles === undefined || piece['style'] !== undefined) {
        return StyleContextStack.getStyleProperty(piece, styles, property, fallback);
      }
      if (!fromStack.has(property)) fromStack.set(property, styles.getProperty(property));
      const value = fromStack.get(property);
      return isValue(value) ? value : fallback;
    };
    for (const piece of pieces) {
      const font = this.pdfDocument.provideFont(
        style(piece, 'font', 'Roboto'),
        style(piece, 'bold', false),
        style(piece, 'italics', false),
      );
      piece['font'] = font;
      for (const [property, fallback] of PIECE_STYLE) piece[property] = style(piece, property, fallback);
      if (piece['sup'] || piece['sub']) (piece['fontSize'] as number) *= 0.58;
      const lineHeight = style(piece, 'lineHeight', 1) as number;
      piece['width'] = this.widthOfText(piece.text, piece);
      piece['height'] = font.lineHeight(piece['fontSize'] as number) * lineHeight;
      if (!piece['leadingCut']) piece['leadingCut'] = 0;
      if (!style(piece, 'preserveLeadingSpaces', false)) {
        const leadingSpaces = piece.text.match(LEADING_SPACES);
        if (leadingSpaces) (piece['leadingCut'] as number) += this.widthOfText(leadingSpaces[0], piece);
      }
      piece['trailingCut'] = 0;
      if (!style(piece, 'preserveTrailingSpaces', false)) {
        const trailingSpaces = piece.text.match(TRAILING_SPACES);
        if (trailingSpaces) piece['trailingCut'] = this.widthOfText(trailingSpaces[0], piece);
      }
    }
    return pieces;
  };
}

let isTuned = false;

/** Tunes pdfmake for every document rendered in this thread from now on. */
export function tunePdfmake(): void {
  if (isTuned) return;
  const require = createRequire(import.meta.url);
  const internal = <T>(module: string) => (require(`pdfmake/js/${module}`) as { default: T }).default;
  const StyleContextStack = internal<StyleContextStackClass>('StyleContextStack');
  internal<{ prototype: TextInlines }>('TextInlines').prototype.measure = measureWith(StyleContextStack);
  const renderer = internal<{ prototype: Renderer }>('Renderer').prototype;
  const drawLine = renderer.renderLine;
  renderer.renderLine = function (line, x, y) {
    line.inlines = joinedRuns(line.inlines);
    drawLine.call(this, line, x, y);
  };
  const drawSvg = renderer.renderSVG;
  renderer.renderSVG = function (svg) {
    if (isDraftMarkBackground(svg)) drawDraftMark(this.pdfDocument, svg.draftMark, svg);
    else drawSvg.call(this, svg);
  };
  isTuned = true;
}
