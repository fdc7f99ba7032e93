/**
 * How the 情况说明 prints figures (document-spec.md §4.0). Amounts come from the tables as
 * printed (0.01 万元); percentages are computed from those printed amounts, each rounded half-up
 * on its own, with no adjustment to make shares sum to 100.
 */
import { type Fen, formatWanYuan, roundHalfUp, toPrintedCents } from '../money';

/** A(x): 万元 with thousands separators and two decimals; zero prints `0`. */
export function amountText(fen: Fen | null): string {
  if (fen === null || toPrintedCents(fen) === 0) return '0';
  return formatWanYuan(fen, { thousands: true });
}

/**
 * P(part, whole): the share in percent with two decimals, half-up, from the printed amounts;
 * `0` when the part is zero, null when the whole is zero (no share can be stated).
 */
export function percentText(part: Fen | null, whole: Fen | null): string | null {
  const wholeCents = whole === null ? 0 : toPrintedCents(whole);
  if (wholeCents === 0) return null;
  const partCents = part === null ? 0 : toPrintedCents(part);
  if (partCents === 0) return '0';
  const hundredths = roundHalfUp(Math.abs(partCents) * 10_000, Math.abs(wholeCents));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

export interface Change {
  readonly direction: 'up' | 'down' | 'same' | 'noPrevious';
  /** |current − previous| in 分, as printed. */
  readonly amount: Fen;
  /** |Δ| / previous × 100, two decimals. */
  readonly percent: string | null;
}

export function changeOf(current: Fen | null, previous: Fen | null): Change {
  const now = current === null ? 0 : toPrintedCents(current);
  if (previous === null || toPrintedCents(previous) === 0) {
    return { direction: 'noPrevious', amount: 0, percent: null };
  }
  const before = toPrintedCents(previous);
  const delta = now - before;
  const amount = Math.abs(delta) * 10_000;
  if (delta === 0) return { direction: 'same', amount: 0, percent: null };
  return { direction: delta > 0 ? 'up' : 'down', amount, percent: percentText(amount, before * 10_000) };
}

/** cmp(): 比上年增加X万元，增长P% | 比上年减少X万元，下降P% | 与上年持平 | 上年无此项预算 */
export function changePhrase(change: Change): string {
  switch (change.direction) {
    case 'up':
      return `比上年增加${amountText(change.amount)}万元，增长${change.percent ?? '0'}%`;
    case 'down':
      return `比上年减少${amountText(change.amount)}万元，下降${change.percent ?? '0'}%`;
    case 'same':
      return '与上年持平';
    case 'noPrevious':
      return '上年无此项预算';
  }
}

/**
 * A reason typed by the user, ready to be placed inside a sentence: trimmed, one line, without
 * the trailing punctuation the template adds itself (the seeds' `不做预算。；本年` defect).
 */
export function reasonText(reason: string | null | undefined): string {
  return (reason ?? '')
    .replace(/[\r\n]+/g, '')
    .trim()
    .replace(/[。；;，,、\s]+$/u, '');
}

/** Fills `{name}` placeholders; a placeholder without a value is a bug in the template table. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`情况说明模板缺少占位符“${name}”的值`);
    return value;
  });
}
