/**
 * The 情况说明 charts as the screen shows them: drawn by echarts from the figures of the
 * sentence they follow (seed 002's real sentences), the same bars and labels the PDF prints.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chartAfter } from '../shared/narrative/charts';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import type { Workbook } from '../src-main/services/workbook/workbook';
import { narrativeChartDescription, narrativeChartSvg } from '../src-renderer/charts/narrative-chart-svg';
import { fixturePath } from './support/fixtures';
import { tempDir } from './support/temp-dir';

const opened: Workbook[] = [];
afterEach(() => {
  for (const workbook of opened.splice(0)) workbook.close();
});

/** The lengths of the drawn bars, in the order echarts writes them (the categories' order). */
function barLengths(svg: string): number[] {
  return [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l([\d.]+) 0l0 [\d.]+l-[\d.]+ 0Z" fill="#4a6fa5"/g)].map(
    (match) => Number(match[1]),
  );
}

describe('narrative charts on screen', () => {
  it('draws every chart of 002 with the sentence’s labels and bars in proportion to its amounts', () => {
    const workbook = importReferenceJson(fixturePath('002'), path.join(tempDir(), '002.ysgk'));
    opened.push(workbook);
    const charts = workbook
      .narrative()
      .flatMap((section) => section.sentences)
      .flatMap((sentence) => chartAfter(sentence) ?? []);
    expect(charts.map((chart) => chart.title)).toEqual([
      '收入预算图',
      '一般公共预算当年拨款结构图',
      '三公经费分布图',
    ]);
    for (const chart of charts) {
      const svg = narrativeChartSvg(chart);
      expect(svg).toContain(`>${chart.title}</text>`);
      for (const bar of chart.bars) {
        expect(svg).toContain(`>${bar.label}</text>`);
        expect(svg).toContain(`>${bar.valueText}</text>`);
      }
      // As in the PDF, a zero amount draws no bar at all; the others are their share of the longest.
      const drawn = chart.bars.filter((bar) => bar.amount > 0);
      const lengths = barLengths(svg);
      expect(lengths).toHaveLength(drawn.length);
      const longest = Math.max(...drawn.map((bar) => bar.amount));
      const longestLength = Math.max(...lengths);
      drawn.forEach((bar, index) => {
        expect(lengths[index]).toBeCloseTo((longestLength * bar.amount) / longest, 0);
      });
      expect(narrativeChartDescription(chart)).toBe(
        `${chart.title}：${chart.bars.map((bar) => `${bar.label} ${bar.valueText}`).join('；')}`,
      );
    }
  });
});
