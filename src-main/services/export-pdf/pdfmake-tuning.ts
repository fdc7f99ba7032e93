/**
 * pdfmake 0.3 handles Chinese text one character at a time: UAX #14 allows a line break between
 * any two ideographs, so every character becomes a piece of its own, measured, laid out and
 * drawn on its own. A whole disclosure is some 85,000 pieces, and two of pdfmake's per-piece
 * steps dominate the export's time. This module is the one place that reaches into pdfmake's
 * internal modules to make them cheaper without moving a glyph; test/pdf-pdfmake-tuning.test.ts
 * compares the result with pdfmake's own, word by word and rule by rule.
 *
 * The replaced steps are copies of pdfmake 0.3.11's and lean on its internal modules' shapes,
 * which no version promises to keep: package.json pins that exact version, and any other
 * installed version is left untouched (plain pdfmake, slower, the same PDF). The tests fail
 * if the pin and the installed version ever disagree with TUNED_PDFMAKE_VERSION, so that an
 * upgrade re-checks the copies instead of silently losing the tuning.
 *
 * - Measuring: pdfmake resolves 23 style properties of every piece by walking the whole style
 *   stack (the cell, its table, the section, the document) piece after piece. A piece carries
 *   no style of its own unless its text was given as styled parts, so the answer is the same
 *   for all of a text's plain pieces: it is looked up once per text here.
 * - Drawing: neighbouring pieces of a line are drawn as one run (text-runs.ts), neighbouring
 *   table rules of one stroke as one path (rule-paths.ts).
 * - The draft mark, every page's background SVG, is drawn straight with pdfkit (watermark.ts)
 *   instead of through svg-to-pdfkit, which parses the SVG and lays its text out on every page;
 *   and an SVG measured again in a document (the mark, on every page) is not parsed again.
 */
import { createRequire } from 'node:module';
import { type PageItem, rulesAsPaths } from './rule-paths';
import { type LaidOutInline, joinedRuns } from './text-runs';
import { type MarkCanvas, drawDraftMark, isDraftMarkBackground } from './watermark';

/** A piece as pdfmake's measuring receives it: its text and any style of its own. */
type Piece = Record<string, unknown> & { text: string };

/** pdfmake's style stack: the styles of the node being measured and of those around it. */
type StyleStack = object;

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

/** pdfmake's SVG measuring, one per document: both steps parse the SVG text. */
interface SvgMeasure {
  measureSVG(this: SvgMeasure, svg: unknown): unknown;
  writeDimensions(this: SvgMeasure, svg: unknown, dimensions: { width: number; height: number }): unknown;
}

interface Renderer {
  readonly pdfDocument: MarkCanvas;
  renderPages(this: Renderer, pages: { items: PageItem[] }[]): void;
  renderLine(this: Renderer, line: { inlines: LaidOutInline[] }, x: number, y: number): void;
  /** An SVG node as laid out: placed at x, y. */
  renderSVG(this: Renderer, svg: { readonly x: number; readonly y: number }): void;
}

/** What a piece cut from a plain string carries: its text, and where it ends or is indented. */
const PLAIN_PIECE_KEYS = new Set(['text', 'lineEnd', 'noNewLine', 'leadingCut', 'leadingIndent']);

function isPlainPiece(piece: Piece): boolean {
  for (const key in piece) if (!PLAIN_PIECE_KEYS.has(key)) return false;
  return true;
}

const LEADING_SPACES = /^(\s)+/g;
const TRAILING_SPACES = /(\s)+$/g;

/** The style of a piece as pdfmake's measuring reads it, property by property, with its defaults. */
function styleOf(StyleContextStack: StyleContextStackClass, piece: Piece, styles: StyleStack | undefined) {
  const get = (property: string, fallback: unknown) =>
    StyleContextStack.getStyleProperty(piece, styles, property, fallback);
  return {
    font: get('font', 'Roboto'),
    bold: get('bold', false),
    italics: get('italics', false),
    alignment: get('alignment', 'left'),
    fontSize: get('fontSize', 12) as number,
    fontFeatures: get('fontFeatures', null),
    characterSpacing: get('characterSpacing', 0),
    color: get('color', 'black'),
    decoration: get('decoration', null),
    decorationColor: get('decorationColor', null),
    decorationStyle: get('decorationStyle', null),
    decorationThickness: get('decorationThickness', null),
    background: get('background', null),
    link: get('link', null),
    linkToPage: get('linkToPage', null),
    linkToDestination: get('linkToDestination', null),
    noWrap: get('noWrap', null),
    opacity: get('opacity', 1),
    sup: get('sup', false),
    sub: get('sub', false),
    lineHeight: get('lineHeight', 1) as number,
    preserveLeadingSpaces: get('preserveLeadingSpaces', false),
    preserveTrailingSpaces: get('preserveTrailingSpaces', false),
  };
}

/**
 * pdfmake's `TextInlines.measure`, step for step, except that the style of a plain piece (one
 * with no style of its own: every piece of a text given as a string) is the text's, looked up
 * in the style stack once for all of them instead of 23 lookups a piece.
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
    let textStyle: ReturnType<typeof styleOf> | undefined;
    for (const piece of pieces) {
      const style = isPlainPiece(piece)
        ? (textStyle ??= styleOf(StyleContextStack, piece, styles))
        : styleOf(StyleContextStack, piece, styles);
      const font = this.pdfDocument.provideFont(style.font, style.bold, style.italics);
      piece['font'] = font;
      piece['alignment'] = style.alignment;
      const fontSize = style.sup || style.sub ? style.fontSize * 0.58 : style.fontSize;
      piece['fontSize'] = fontSize;
      piece['fontFeatures'] = style.fontFeatures;
      piece['characterSpacing'] = style.characterSpacing;
      piece['color'] = style.color;
      piece['decoration'] = style.decoration;
      piece['decorationColor'] = style.decorationColor;
      piece['decorationStyle'] = style.decorationStyle;
      piece['decorationThickness'] = style.decorationThickness;
      piece['background'] = style.background;
      piece['link'] = style.link;
      piece['linkToPage'] = style.linkToPage;
      piece['linkToDestination'] = style.linkToDestination;
      piece['noWrap'] = style.noWrap;
      piece['opacity'] = style.opacity;
      piece['sup'] = style.sup;
      piece['sub'] = style.sub;
      piece['width'] = this.widthOfText(piece.text, piece);
      piece['height'] = font.lineHeight(fontSize) * style.lineHeight;
      if (!piece['leadingCut']) piece['leadingCut'] = 0;
      if (!style.preserveLeadingSpaces) {
        const leadingSpaces = piece.text.match(LEADING_SPACES);
        if (leadingSpaces) (piece['leadingCut'] as number) += this.widthOfText(leadingSpaces[0], piece);
      }
      piece['trailingCut'] = 0;
      if (!style.preserveTrailingSpaces) {
        const trailingSpaces = piece.text.match(TRAILING_SPACES);
        if (trailingSpaces) piece['trailingCut'] = this.widthOfText(trailingSpaces[0], piece);
      }
    }
    return pieces;
  };
}

/** The pdfmake version whose internals the replaced steps copy. */
export const TUNED_PDFMAKE_VERSION = '0.3.11';

/** The pdfmake this thread loads, as its package.json says. */
export function installedPdfmakeVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('pdfmake/package.json') as { version: string }).version;
}

let tuning: 'tuned' | 'plain' | undefined;

/** A document's SVG measuring remembering its answers: the same SVG text gives the same answer. */
function rememberingSvgMeasures(svgMeasure: SvgMeasure): void {
  const answers = new WeakMap<SvgMeasure, Map<string, unknown>>();
  const remembered = (measure: SvgMeasure, question: string, answer: () => unknown) => {
    let known = answers.get(measure);
    if (known === undefined) answers.set(measure, (known = new Map()));
    if (!known.has(question)) known.set(question, answer());
    return known.get(question);
  };
  const measureSvg = svgMeasure.measureSVG;
  svgMeasure.measureSVG = function (svg) {
    if (typeof svg !== 'string') return measureSvg.call(this, svg);
    return remembered(this, `size ${svg}`, () => measureSvg.call(this, svg));
  };
  const writeDimensions = svgMeasure.writeDimensions;
  svgMeasure.writeDimensions = function (svg, dimensions) {
    if (typeof svg !== 'string') return writeDimensions.call(this, svg, dimensions);
    const { width, height } = dimensions;
    return remembered(this, `${width}×${height} ${svg}`, () =>
      writeDimensions.call(this, svg, { width, height }),
    );
  };
}

/**
 * Tunes pdfmake for every document rendered in this thread from now on, if it is the version
 * the tuning copies; otherwise leaves it plain. Says which.
 */
export function tunePdfmake(): 'tuned' | 'plain' {
  if (tuning !== undefined) return tuning;
  if (installedPdfmakeVersion() !== TUNED_PDFMAKE_VERSION) return (tuning = 'plain');
  const require = createRequire(import.meta.url);
  const internal = <T>(module: string) => (require(`pdfmake/js/${module}`) as { default: T }).default;
  const StyleContextStack = internal<StyleContextStackClass>('StyleContextStack');
  internal<{ prototype: TextInlines }>('TextInlines').prototype.measure = measureWith(StyleContextStack);
  rememberingSvgMeasures(internal<{ prototype: SvgMeasure }>('SVGMeasure').prototype);
  const renderer = internal<{ prototype: Renderer }>('Renderer').prototype;
  const drawPages = renderer.renderPages;
  renderer.renderPages = function (pages) {
    for (const page of pages) page.items = rulesAsPaths(page.items);
    drawPages.call(this, pages);
  };
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
  return (tuning = 'tuned');
}
