import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDisclosurePdf } from '../src-main/services/export-pdf/export-disclosure-pdf';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { chartAfter } from '../shared/narrative/charts';
import { EMPTY_OVERVIEW } from '../shared/narrative/overview';
import { layoutPages, squeezed } from './support/pdf';
import { importSeed } from './support/pdf';
import { fixturePath } from './support/fixtures';
import { finalise } from './support/review';
import { tempDir } from './support/temp-dir';

describe('the text parts of the disclosure PDF', () => {
  it('prints 概况, 情况说明 and 名词解释 where the 目录 says, sentences whole', async () => {
    const workbook = importSeed('003');
    importGoalsJson(workbook, fixturePath('003').replace('-tables.json', '-goals.json'));
    workbook.setOverview({
      ...EMPTY_OVERVIEW,
      duties: ['贯彻执行国家财政、税收方针政策。', '编制年度全市预决算草案。'],
    });
    finalise(workbook);
    const file = path.join(tempDir(), '003.pdf');
    await exportDisclosurePdf(workbook, {
      outputFile: file,
      kind: 'final',
      figures: 'asEntered',
      overrideReason: '测试',
    });
    const narrative = workbook.narrative();
    const expenditure = narrative.find((section) => section.no === '三')?.sentences[0]?.text ?? '';
    const charted = narrative
      .flatMap((section) => section.sentences)
      .flatMap((sentence) => {
        const chart = chartAfter(sentence);
        return chart === null ? [] : [{ sentence: sentence.text, chart }];
      });
    workbook.close();

    const pages = layoutPages(file).map(squeezed);
    // The 目录 (two pages here) names every heading too: the heading itself is the last occurrence.
    const pageOf = (heading: string) => pages.findLastIndex((page) => page.includes(heading)) + 1;
    const tableOfContents = pages.slice(1, 3).join('');
    for (const heading of [
      '第一部分概况',
      '第三部分2024年度部门预算情况说明',
      '三、支出预算情况说明',
      '第四部分名词解释',
    ]) {
      const page = pageOf(heading);
      expect(page, heading).toBeGreaterThan(2);
      expect(tableOfContents, heading).toMatch(new RegExp(`${heading}\\.*${page}`, 'u'));
    }
    expect(pages.join('')).toContain('（一）贯彻执行国家财政、税收方针政策。');
    expect(pages.join('')).toContain(squeezed(expenditure));
    // Each chart follows its sentence on the same or the next page, its bars stating the sentence's figures.
    expect(charted.map(({ chart }) => chart.title)).toEqual([
      '收入预算图',
      '一般公共预算当年拨款结构图',
      '三公经费分布图',
    ]);
    for (const { sentence, chart } of charted) {
      const sentencePage = pages.findIndex((page) => page.includes(squeezed(sentence).slice(-20)));
      const chartPage = pages.findLastIndex((page) => page.includes(chart.title));
      expect(chartPage - sentencePage, chart.title).toBeGreaterThanOrEqual(0);
      expect(chartPage - sentencePage, chart.title).toBeLessThanOrEqual(1);
      for (const bar of chart.bars) {
        const [amount = ''] = bar.valueText.split(' ');
        expect(squeezed(sentence), bar.label).toContain(`${bar.label}${amount}`);
        expect(pages[chartPage], bar.label).toContain(squeezed(`${bar.label}${bar.valueText}`));
      }
    }
    expect(pages.at(-1)).toContain('12.财政拨款：包含一般公共预算、政府性基金预算、国有资本经营预算。');
  });
});
