/**
 * Amounts as form text: a field keeps what the user typed, and the amount is parsed from it
 * digit by digit (shared/money.ts) only when the form is saved, so `12.` can be typed on the
 * way to `12.5` and nothing passes through a float.
 */
import {
  type AmountUnit,
  type Fen,
  UNIT_LABEL,
  formatWanYuanExact,
  formatYuan,
  parseAmount,
} from '../../shared/money';

/**
 * The exact amount in the unit, with at least two decimals and no more than it needs
 * (1234500 分 → `1.2345` 万元): a stored amount shown for editing must come back unchanged.
 */
export function amountToText(fen: Fen | null, unit: AmountUnit): string {
  return unit === 'wanYuan' ? formatWanYuanExact(fen) : formatYuan(fen);
}

export type AmountReading =
  { readonly fen: Fen | null; readonly problem: null } | { readonly fen: null; readonly problem: string };

/** The amount of a field's text, or the Chinese problem naming the field. */
export function readAmount(label: string, text: string, unit: AmountUnit): AmountReading {
  const parsed = parseAmount(text, unit);
  return parsed.ok
    ? { fen: parsed.fen, problem: null }
    : { fen: null, problem: `${label}（${UNIT_LABEL[unit]}）：${parsed.reason}` };
}

const WHOLE_NUMBER = /^\d+$/;

/** A count typed into a form (人数, 台数): blank is null, anything but digits is a problem. */
export function readCount(
  label: string,
  text: string,
  limits: { min: number; max: number } = { min: 0, max: 1_000_000 },
): { readonly count: number | null; readonly problem: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { count: null, problem: null };
  if (!WHOLE_NUMBER.test(trimmed)) return { count: null, problem: `${label}：“${trimmed}”不是整数` };
  const count = Number(trimmed);
  if (count < limits.min || count > limits.max) {
    return { count: null, problem: `${label}：应在 ${limits.min} 到 ${limits.max} 之间，不能是 ${trimmed}` };
  }
  return { count, problem: null };
}

export function countToText(count: number | null): string {
  return count === null ? '' : String(count);
}
