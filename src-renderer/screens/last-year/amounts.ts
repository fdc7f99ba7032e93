import type { YearOverYearChange } from '../../../shared/last-year/year-over-year';
import { formatWanYuan } from '../../../shared/money';

/** 万元 as printed; a blank is a dash. */
export function amountText(fen: number | null): string {
  return fen === null ? '—' : formatWanYuan(fen);
}

/** A change with its sign: +12.00, -3.40, 0.00. */
export function changeText(change: YearOverYearChange): string {
  if (change.change === null) return '—';
  return `${change.change > 0 ? '+' : ''}${formatWanYuan(change.change)}`;
}

export function percentText(change: YearOverYearChange): string {
  if (change.percent === null) return '—';
  return `${change.percent.startsWith('-') || Number(change.percent) === 0 ? '' : '+'}${change.percent}%`;
}

/** Rising, falling or the same: a class for the colour of the change. */
export function trendClass(change: YearOverYearChange): string {
  if (change.change === null || change.change === 0) return 'yoy__same';
  return change.change > 0 ? 'yoy__up' : 'yoy__down';
}
