/**
 * pdfmake lays Chinese text out one character at a time (UAX #14 allows a line break between
 * any two ideographs) and then draws every character as a text object of its own, each with
 * its own colour, opacity, font and position operators: a whole disclosure is some 85,000 of
 * them. Drawn as runs instead, neighbouring pieces of the same look joined into one text
 * object, the glyphs land exactly where pdfmake put them (pdfmake places each piece at the sum
 * of the widths before it, and the run's glyphs advance by the same widths), the PDF has under
 * a third of the text objects, and drawing takes far less. pdfmake-tuning.ts draws lines so.
 */

/** What pdfmake 0.3 keeps of one laid-out piece of a line (its `Line.inlines`), as far as read here. */
export interface LaidOutInline {
  readonly text: string;
  readonly x: number;
  readonly width: number;
  readonly trailingCut?: number;
  readonly font: object;
  readonly fontSize: number;
  readonly height: number;
  readonly color?: unknown;
  readonly opacity?: unknown;
  readonly characterSpacing?: number;
  readonly fontFeatures?: unknown;
  readonly background?: unknown;
  readonly decoration?: unknown;
  readonly link?: unknown;
  readonly linkToPage?: unknown;
  readonly linkToDestination?: unknown;
  readonly sup?: boolean;
  readonly sub?: boolean;
  /** A 目录 page number, filled in while drawing. */
  readonly _pageNodeRef?: unknown;
}

/**
 * Characters between which Noto Sans/Serif SC apply no kerning or contextual form, so that a
 * run of them is as wide as its pieces: CJK ideographs, radicals, symbols and punctuation, kana,
 * and the full-width forms. Latin kerns (“AV”, “P.”), so a join is made only where both
 * characters at the seam are of these.
 */
const SEAMLESS: readonly (readonly [number, number])[] = [
  [0x2e80, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
];

function isSeamless(code: number): boolean {
  return SEAMLESS.some(([first, last]) => code >= first && code <= last);
}

/** Whether a piece is plain text whose drawing is the same alone or inside a run. */
function isPlain(inline: LaidOutInline): boolean {
  return (
    !inline.characterSpacing &&
    !inline.fontFeatures &&
    !inline.background &&
    !inline.decoration &&
    !inline.link &&
    !inline.linkToPage &&
    !inline.linkToDestination &&
    !inline.sup &&
    !inline.sub &&
    inline._pageNodeRef === undefined
  );
}

/** Whether `next` continues the run of `first` that `previous` ends. */
function continues(first: LaidOutInline, previous: LaidOutInline, next: LaidOutInline): boolean {
  return (
    next.font === first.font &&
    next.fontSize === first.fontSize &&
    next.height === first.height &&
    next.color === first.color &&
    next.opacity === first.opacity &&
    // Justified or otherwise spread text has gaps between its pieces.
    Math.abs(previous.x + previous.width - next.x) < 1e-6 &&
    isPlain(next) &&
    isSeamless(previous.text.charCodeAt(previous.text.length - 1)) &&
    isSeamless(next.text.charCodeAt(0))
  );
}

/** The pieces of a line joined into runs; pieces that cannot be joined are kept as they are. */
export function joinedRuns(inlines: readonly LaidOutInline[]): LaidOutInline[] {
  const runs: LaidOutInline[] = [];
  for (let start = 0; start < inlines.length;) {
    const first = inlines[start] as LaidOutInline;
    let end = start + 1;
    if (isPlain(first)) {
      while (
        end < inlines.length &&
        continues(first, inlines[end - 1] as LaidOutInline, inlines[end] as LaidOutInline)
      )
        end++;
    }
    if (end === start + 1) {
      runs.push(first);
    } else {
      const pieces = inlines.slice(start, end);
      runs.push({
        ...first,
        text: pieces.map((piece) => piece.text).join(''),
        width: pieces.reduce((width, piece) => width + piece.width, 0),
        trailingCut: pieces.at(-1)?.trailingCut ?? 0,
      });
    }
    start = end;
  }
  return runs;
}
