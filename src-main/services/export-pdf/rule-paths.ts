/**
 * pdfmake strokes every rule of a table (each stretch of a cell's border) as a path of its own,
 * setting line width, dash, join, cap and colour again for each: a whole disclosure has some
 * 35,000 of them. Neighbouring rules of the same stroke are stroked here as one path of as
 * many segments, through pdfmake's own drawing of an SVG path: the same lines at the same
 * coordinates (a number's text reads back as the same number), stroked at once.
 */

/** An item of a laid-out page, as pdfmake 0.3 lists them in drawing order. */
export interface PageItem {
  readonly type: string;
  readonly item: object;
}

/** A straight rule as pdfmake lays it out: a line vector and how it is stroked. */
interface Rule {
  readonly type: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly lineWidth?: number;
  readonly lineColor?: unknown;
  readonly lineJoin?: unknown;
  readonly lineCap?: unknown;
  readonly strokeOpacity?: unknown;
  readonly dash?: unknown;
  readonly color?: unknown;
  readonly linearGradient?: unknown;
}

/** A plain stroked line: no dash, no fill. */
function ruleOf(item: PageItem): Rule | null {
  if (item.type !== 'vector') return null;
  const vector = item.item as Partial<Rule>;
  return vector.type === 'line' && !vector.dash && !vector.color && !vector.linearGradient
    ? (vector as Rule)
    : null;
}

function sameStroke(a: Rule, b: Rule): boolean {
  return (
    a.lineWidth === b.lineWidth &&
    a.lineColor === b.lineColor &&
    a.lineJoin === b.lineJoin &&
    a.lineCap === b.lineCap &&
    a.strokeOpacity === b.strokeOpacity
  );
}

/** A page's items with each stretch of neighbouring rules of one stroke made one path. */
export function rulesAsPaths(items: readonly PageItem[]): PageItem[] {
  const result: PageItem[] = [];
  for (let start = 0; start < items.length;) {
    const item = items[start] as PageItem;
    const rules: Rule[] = [];
    const first = ruleOf(item);
    for (let next = first; next !== null && first !== null && sameStroke(first, next);) {
      rules.push(next);
      const following = items[start + rules.length];
      next = following === undefined ? null : ruleOf(following);
    }
    if (first === null || rules.length === 1) {
      result.push(item);
      start += 1;
    } else {
      const d = rules.map((rule) => `M${rule.x1} ${rule.y1}L${rule.x2} ${rule.y2}`).join('');
      result.push({ type: 'vector', item: { ...first, type: 'path', d } });
      start += rules.length;
    }
  }
  return result;
}
