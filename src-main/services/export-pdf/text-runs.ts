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
  text: string;
  x: number;
  width: number;
  trailingCut?: number;
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
 * and the full-width forms. Latin letters and digits kern (“0.5万” is narrower than its pieces),
 * so a join is made only where both characters at the seam are of these.
 */
const SEAMLESS = /^[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]$/u;

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

function continues(run: LaidOutInline, next: LaidOutInline): boolean {
  return (
    run.font === next.font &&
    run.fontSize === next.fontSize &&
    run.height === next.height &&
    run.color === next.color &&
    run.opacity === next.opacity &&
    // Justified or otherwise spread text has gaps between its pieces.
    Math.abs(run.x + run.width - next.x) < 1e-6 &&
    isPlain(next) &&
    SEAMLESS.test(run.text.at(-1) ?? '') &&
    SEAMLESS.test(next.text.at(0) ?? '')
  );
}

/** The pieces of a line joined into runs; pieces that cannot be joined are kept as they are. */
export function joinedRuns(inlines: readonly LaidOutInline[]): LaidOutInline[] {
  const runs: LaidOutInline[] = [];
  let run: LaidOutInline | undefined;
  for (const inline of inlines) {
    if (run !== undefined && continues(run, inline)) {
      run.text += inline.text;
      run.width += inline.width;
      run.trailingCut = inline.trailingCut ?? 0;
      continue;
    }
    run = isPlain(inline) ? { ...inline } : undefined;
    runs.push(run ?? inline);
  }
  return runs;
}
