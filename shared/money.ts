/**
 * Money is an integer number of 分 (fen) everywhere in the product. Amounts enter as decimal
 * strings (元 or 万元) and are parsed digit by digit; a float never holds money, because
 * `parseFloat('1392.64') * 1e6` is not 1392640000.
 */

/** An integer amount of 分; `null` is a blank cell, which is not the same as zero. */
export type Fen = number;
export type AmountUnit = 'yuan' | 'wanYuan';

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 1_000_000;
/** The printed tables show 万元 with two decimals: one printed step is 0.01 万元 = 100 元. */
export const FEN_PER_PRINTED_CENT = 10_000;

const DECIMALS_OF_UNIT: Readonly<Record<AmountUnit, number>> = { yuan: 2, wanYuan: 6 };
export const UNIT_LABEL: Readonly<Record<AmountUnit, string>> = { yuan: '元', wanYuan: '万元' };

/**
 * The largest amount one cell may hold: 1 万亿元, far above any unit's budget, and small enough
 * that sums of thousands of cells stay exact integers (Number.MAX_SAFE_INTEGER ≈ 9×10¹⁵ 分).
 */
export const MAX_CELL_FEN = 100_000_000_000_000;

export type AmountParse =
  { readonly ok: true; readonly fen: Fen | null } | { readonly ok: false; readonly reason: string };

/** Full-width forms that Chinese IMEs and WPS produce, mapped to ASCII before parsing. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uFF0E/g, '.')
    .replace(/[\uFF0C]/g, ',')
    .replace(/[\uFF0D\u2212]/g, '-')
    .replace(/\uFF0B/g, '+');
}

const PLAIN_NUMBER = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const GROUPED_NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Parses an amount typed or imported by a user. Blank text is a blank cell (`fen: null`).
 * Accepts thousands separators only in their proper places, full-width digits, a sign;
 * refuses exponents, several decimal points, and precision finer than one 分.
 */
export function parseAmount(text: string, unit: AmountUnit): AmountParse {
  const trimmed = toHalfWidth(text).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (trimmed === '') return { ok: true, fen: null };
  const match = PLAIN_NUMBER.exec(trimmed) ?? GROUPED_NUMBER.exec(trimmed);
  if (!match) return { ok: false, reason: describeMalformed(trimmed) };
  const [, sign = '', integerDigits = '', fractionDigits = ''] = match;
  const allowed = DECIMALS_OF_UNIT[unit];
  const significantFraction = fractionDigits.replace(/0+$/, '');
  if (significantFraction.length > allowed) {
    return {
      ok: false,
      reason: `“${text.trim()}”${UNIT_LABEL[unit]}的精度超过 1 分（最多 ${allowed} 位小数）`,
    };
  }
  const digits = integerDigits.replace(/,/g, '') + significantFraction.padEnd(allowed, '0');
  const magnitude = BigInt(digits);
  if (magnitude > BigInt(MAX_CELL_FEN)) {
    return { ok: false, reason: `“${text.trim()}”超出可处理的金额范围（单个金额不超过 1 万亿元）` };
  }
  const fen = Number(magnitude);
  return { ok: true, fen: sign === '-' && fen !== 0 ? -fen : fen };
}

function describeMalformed(text: string): string {
  if (/^[+-]?[\d.]+e[+-]?\d+$/i.test(text)) return `“${text}”是科学计数法，请输入普通数字`;
  if ((text.match(/\./g) ?? []).length > 1) return `“${text}”含有多个小数点`;
  if (/^[+-]?[\d,]+(\.\d+)?$/.test(text)) return `“${text}”的千分位分隔符位置不正确`;
  return `“${text}”不是有效的金额`;
}

/**
 * Integer division rounded half-up (四舍五入): halves go away from zero, so −0.005 rounds
 * like 0.005 does. This is the one rounding rule of the product.
 */
export function roundHalfUp(numerator: number, divisor: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(divisor) || divisor <= 0) {
    throw new RangeError(
      `roundHalfUp needs safe integers and a positive divisor, got ${numerator}/${divisor}`,
    );
  }
  const magnitude = Math.abs(numerator);
  const quotient = Math.floor(magnitude / divisor);
  const remainder = magnitude - quotient * divisor;
  const rounded = remainder * 2 >= divisor ? quotient + 1 : quotient;
  return numerator < 0 && rounded !== 0 ? -rounded : rounded;
}

/** The amount in printed steps of 0.01 万元, rounded half-up. */
export function toPrintedCents(fen: Fen): number {
  return roundHalfUp(fen, FEN_PER_PRINTED_CENT);
}

export interface WanYuanFormat {
  /** Insert thousands separators (the narrative uses them, the tables do not). */
  readonly thousands?: boolean;
}

/** 万元 with exactly two decimals, rounded half-up; a blank cell formats as ''. */
export function formatWanYuan(fen: Fen | null, format: WanYuanFormat = {}): string {
  if (fen === null) return '';
  const cents = toPrintedCents(fen);
  const magnitude = Math.abs(cents);
  const whole = String(Math.floor(magnitude / 100));
  const fraction = String(magnitude % 100).padStart(2, '0');
  const grouped = format.thousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${cents < 0 ? '-' : ''}${grouped}.${fraction}`;
}

/**
 * 万元 without rounding: two decimals, more (up to six, one 分) only where the amount needs
 * them, so that a change of one 元 still shows (the review's version differences).
 */
export function formatWanYuanExact(fen: Fen | null): string {
  if (fen === null) return '';
  const magnitude = Math.abs(fen);
  const whole = String(Math.floor(magnitude / FEN_PER_WAN_YUAN));
  const fraction = String(magnitude % FEN_PER_WAN_YUAN)
    .padStart(6, '0')
    .replace(/(\d\d\d*?)0*$/, '$1');
  return `${fen < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** 元 with two decimals, exact (used by the goal sheets' funding block). */
export function formatYuan(fen: Fen | null): string {
  if (fen === null) return '';
  const magnitude = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

/** Sum in which blank terms are skipped and an all-blank sum stays blank. */
export function sumAmounts(terms: readonly (Fen | null)[]): Fen | null {
  let total: Fen | null = null;
  for (const term of terms) if (term !== null) total = (total ?? 0) + term;
  return total;
}
