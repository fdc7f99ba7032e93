import { describe, expect, it } from 'vitest';
import {
  formatWanYuan,
  formatYuan,
  parseAmount,
  roundHalfUp,
  sumAmounts,
  toPrintedCents,
} from '../shared/money';

function fenOf(text: string, unit: 'yuan' | 'wanYuan') {
  const parsed = parseAmount(text, unit);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.fen;
}

describe('parseAmount', () => {
  it.each([
    ['1,392.64', 'wanYuan', 1_392_640_000],
    ['1392.6', 'wanYuan', 1_392_600_000],
    ['０.５', 'wanYuan', 500_000],
    ['-3', 'wanYuan', -3_000_000],
    ['265151.02', 'wanYuan', 265_151_020_000],
    ['0.000001', 'wanYuan', 1],
    ['12.345600', 'wanYuan', 12_345_600],
    ['1,392.64', 'yuan', 139_264],
    ['0.01', 'yuan', 1],
    ['１，２３４．５', 'yuan', 123_450],
    ['  88.72\u3000', 'wanYuan', 88_720_000],
    ['+7', 'yuan', 700],
    ['－0.5', 'yuan', -50],
  ] as const)('reads %s (%s) as %d 分', (text, unit, fen) => {
    expect(fenOf(text, unit)).toBe(fen);
  });

  it('keeps a blank cell blank, distinct from zero', () => {
    expect(fenOf('', 'wanYuan')).toBeNull();
    expect(fenOf('   ', 'yuan')).toBeNull();
    expect(fenOf('0', 'yuan')).toBe(0);
    expect(fenOf('-0', 'yuan')).toBe(0);
  });

  it.each([
    ['12.3.4', '多个小数点'],
    ['abc', '不是有效的金额'],
    ['1,2,3', '千分位'],
    ['1e5', '科学计数法'],
    ['12,34.5', '千分位'],
    ['1.', '不是有效的金额'],
    ['0.001', '精度超过 1 分'],
    ['99999999999999999', '超出'],
  ])('refuses %s with a Chinese reason', (text, reason) => {
    const parsed = parseAmount(text, 'yuan');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('never goes through a float: 0.1 + 0.2 style inputs are exact', () => {
    expect((fenOf('0.1', 'yuan') ?? 0) + (fenOf('0.2', 'yuan') ?? 0)).toBe(fenOf('0.3', 'yuan'));
    expect(fenOf('1392.64', 'wanYuan')).toBe(1392640000);
  });
});

describe('roundHalfUp', () => {
  it.each([
    [5, 10, 1],
    [4, 10, 0],
    [15, 10, 2],
    [-5, 10, -1],
    [-4, 10, 0],
    [-15, 10, -2],
    [0, 10, 0],
    [9_999, 10_000, 1],
    [4_999, 10_000, 0],
    [5_000, 10_000, 1],
  ])('roundHalfUp(%d, %d) = %d', (value, divisor, expected) => {
    expect(roundHalfUp(value, divisor)).toBe(expected);
  });

  it('refuses non-integers and bad divisors', () => {
    expect(() => roundHalfUp(1.5, 10)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('prints 万元 with two decimals, half-up, with or without separators', () => {
    expect(formatWanYuan(1_392_640_000)).toBe('1392.64');
    expect(formatWanYuan(1_392_640_000, { thousands: true })).toBe('1,392.64');
    expect(formatWanYuan(265_151_020_000, { thousands: true })).toBe('265,151.02');
    expect(formatWanYuan(1_000)).toBe('0.00');
    expect(formatWanYuan(5_000)).toBe('0.01'); // 50 元 rounds up to 0.01 万元
    expect(formatWanYuan(4_999)).toBe('0.00');
    expect(formatWanYuan(-5_000)).toBe('-0.01');
    expect(formatWanYuan(-1_234_567_890)).toBe('-1234.57');
    expect(formatWanYuan(null)).toBe('');
    expect(toPrintedCents(7_384_950)).toBe(738);
  });

  it('prints 元 exactly', () => {
    expect(formatYuan(139_264)).toBe('1392.64');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(null)).toBe('');
  });

  it('sums with blanks skipped and an all-blank sum blank', () => {
    expect(sumAmounts([null, null])).toBeNull();
    expect(sumAmounts([])).toBeNull();
    expect(sumAmounts([null, 5, -5])).toBe(0);
    expect(sumAmounts([1, 2, null, 3])).toBe(6);
  });
});
