import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_GROUPS, type ProjectGoalSheet } from '../shared/goal-sheets/model';
import { wholeUnitBudget } from '../shared/goal-sheets/whole-unit-budget';
import { formatWanYuan } from '../shared/money';
import { rowKey } from '../shared/workbook/content';
import { exportDisclosurePdf } from '../src-main/services/export-pdf/export-disclosure-pdf';
import { formatSheetYuan } from '../src-main/services/export-pdf/goal-sheet-pages';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { fixturePath } from './support/fixtures';
import { finalise } from './support/review';
import {
  importSeed,
  layoutPages,
  overlappingWords,
  rawPages,
  renderPagesToPng,
  squeezed,
} from './support/pdf';

interface PrintedSheet {
  readonly name: string;
  readonly annual: string;
  readonly sheet: ProjectGoalSheet;
}

/** 2,000 characters: longer than any seed's text, more than a page's worth in its cell. */
const LONG_TEXT = Array.from(
  { length: 50 },
  (_, index) => `第${index + 1}项措施：按季度核对救助对象名单并公示结果。`,
).join('');

describe('the 绩效目标表 in 第三部分 (seed 002)', () => {
  let file = '';
  /** Layout text (the 目录's lines) and drawing-order text (a cell's lines in a row). */
  let pages: string[] = [];
  let raw: string[] = [];
  let sheets: PrintedSheet[] = [];
  let wholeUnit = { total: '', direction: '', basic: '', project: '' };
  // Not tempDir(): that is emptied after each test, and the PDF serves them all.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-goal-sheets-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  let before = '';

  beforeAll(async () => {
    const workbook = importSeed('002');
    importGoalsJson(workbook, fixturePath('002').replace('-tables.json', '-goals.json'));
    const evaluated = workbook.evaluate();
    const t12 = evaluated.t12.rows;
    const position = (sheet: ProjectGoalSheet) =>
      t12.findIndex((row) => row.key === rowKey.project(sheet.projectId));
    const published = workbook
      .goalSheets()
      .filter((sheet) => sheet.isPublished)
      .sort((a, b) => position(a) - position(b));
    const first = published[0];
    if (first === undefined) throw new Error('seed 002 has no published sheet');
    before = first.texts.plan;
    workbook.setGoalSheet({ ...first, texts: { ...first.texts, plan: `${first.texts.plan}${LONG_TEXT}` } });
    const content = workbook.content();
    sheets = workbook
      .goalSheets()
      .filter((sheet) => sheet.isPublished)
      .sort((a, b) => position(a) - position(b))
      .map((sheet) => ({
        name: content.projects.find((project) => project.id === sheet.projectId)?.name ?? '',
        annual: formatSheetYuan(
          t12.find((row) => row.key === rowKey.project(sheet.projectId))?.cells['total']?.fen ?? 0,
        ),
        sheet,
      }));
    const budget = wholeUnitBudget(evaluated);
    wholeUnit = {
      total: formatWanYuan(budget.bySource.total),
      direction: formatWanYuan(budget.byDirection.total),
      basic: formatWanYuan(budget.byDirection.basic),
      project: formatWanYuan(budget.byDirection.project),
    };
    file = path.join(folder, '002.pdf');
    // Final: without the watermark, whose letters pdftotext would mix into the cells' text.
    finalise(workbook);
    await exportDisclosurePdf(workbook, {
      outputFile: file,
      kind: 'final',
      figures: 'asEntered',
      overrideReason: '测试',
    });
    workbook.close();
    pages = layoutPages(file).map(squeezed);
    raw = rawPages(file).map(squeezed);
  });

  const pageOf = (heading: string) => pages.findLastIndex((page) => page.includes(heading)) + 1;
  /** The document from 十's heading to 十一's, the 目录 left out. */
  const sheetsText = () => {
    const start = pageOf('十、绩效管理情况');
    const end = pageOf('十一、');
    return { start, end, text: raw.slice(start - 1, end).join('') };
  };

  it('prints every published sheet whole, in 表十二 order, between 十 and 十一', () => {
    expect(sheets.length).toBe(10);
    const { start, end, text } = sheetsText();
    expect(start).toBeGreaterThan(2);
    expect(end).toBeGreaterThan(start + sheets.length);
    const body = text.slice(text.indexOf('十、绩效管理情况'), text.lastIndexOf('十一、'));
    let cursor = 0;
    for (const { name, annual, sheet } of sheets) {
      const at = body.indexOf(`项目名称${squeezed(name)}`, cursor);
      expect(at, name).toBeGreaterThanOrEqual(cursor);
      cursor = at;
      expect(body.indexOf(`年度资金总额：${annual}`, cursor), `${name} ${annual}`).toBeGreaterThan(cursor);
      for (const side of [sheet.indicators.implementation, sheet.indicators.annual]) {
        for (const indicator of side) {
          expect(
            body.indexOf(squeezed(indicator.name), cursor),
            `${name}: ${indicator.name}`,
          ).toBeGreaterThan(cursor);
          expect(
            body.indexOf(squeezed(indicator.value), cursor),
            `${name}: ${indicator.value}`,
          ).toBeGreaterThan(cursor);
        }
      }
    }
    // All nine 二级 groups, also the empty ones, on every sheet.
    const titles = body.split('预算部门（单位）项目支出绩效目标表').slice(1);
    expect(titles.length).toBeGreaterThanOrEqual(sheets.length);
    for (const group of INDICATOR_GROUPS) {
      expect(body.split(group.level2).length - 1, group.level2).toBeGreaterThanOrEqual(2 * sheets.length);
    }
    expect(body).toMatch(/填报日期：\d{14}/u);
  });

  it('wraps a long text over the page and repeats the title rows, never cutting it', () => {
    const { text } = sheetsText();
    // Read across the page break: the page number and the repeated title rows taken out.
    const continuous = text.replace(/-\d+-预算部门（单位）项目支出绩效目标表（2025年度）/gu, '');
    expect(continuous).toContain(squeezed(`${before}${LONG_TEXT}`));
    const first = pageOf(`项目名称${squeezed(sheets[0]?.name ?? '')}`);
    // The long 项目实施计划 pushes the sheet onto a second page, which starts with the title again.
    const next = raw[first] ?? '';
    expect(next).toMatch(/^预算部门（单位）项目支出绩效目标表（2025年度）/u);
  });

  it('prints the 整体支出绩效目标表 after the project sheets, with the budget from the tables', () => {
    const { text } = sheetsText();
    const at = text.indexOf('预算部门（单位）整体支出绩效目标申报表');
    expect(at).toBeGreaterThan(text.lastIndexOf('预算部门（单位）项目支出绩效目标表'));
    const sheet = text.slice(at);
    expect(sheet).toContain('206-阳城县医疗保障局');
    expect(sheet).toContain(`合计${wholeUnit.total}合计${wholeUnit.direction}`);
    // 基本支出 + 项目支出 in 分 is 1392.63 万元 (seed 002 prints the 1392.64 of its own sum).
    expect(wholeUnit).toEqual({ total: '1392.64', direction: '1392.63', basic: '770.32', project: '622.31' });
    expect(sheet).toContain(`其中：基本支出${wholeUnit.basic}`);
    expect(sheet).toContain(`项目支出${wholeUnit.project}`);
  });

  it('lists the sheets in the 目录 with the pages they are printed on', () => {
    const tableOfContents = pages.slice(1, 3).join('');
    for (const heading of ['第三部分2025年度单位预算情况说明', '十、绩效管理情况', '十一、']) {
      const page = pageOf(heading);
      expect(tableOfContents, heading).toMatch(new RegExp(`${heading}[^.]*\\.*${page}`, 'u'));
    }
    const firstSheet = pageOf(`项目名称${squeezed(sheets[0]?.name ?? '')}`);
    expect(tableOfContents).toMatch(new RegExp(`项目支出绩效目标表\\.*${firstSheet}(?!\\d)`, 'u'));
    const whole = pages.findIndex((page) => page.includes('整体支出绩效目标申报表（2025）年度')) + 1;
    expect(tableOfContents).toMatch(new RegExp(`整体支出绩效目标表\\.*${whole}(?!\\d)`, 'u'));
  });

  it('writes page content poppler reads without complaint, sheets broken over pages included', () => {
    // pdfmake 0.3.11 wrote an unbalanced graphics state (and dropped the rest of the table)
    // where a cell with verticalAlignment or a rowSpan crossed a page break.
    const result = spawnSync('pdftotext', ['-q', file, '-'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const loud = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(loud.stderr).toBe('');
  });

  it('draws no text over other text on the sheet pages', () => {
    const { start, end } = sheetsText();
    const firstSheet = pageOf(`项目名称${squeezed(sheets[0]?.name ?? '')}`);
    for (let page = start; page <= end; page++)
      expect(overlappingWords(file, page), `page ${page}`).toEqual([]);
    renderPagesToPng(file, 'goal-sheets', [firstSheet, firstSheet + 2, firstSheet + 3, end - 2, end - 1], 90);
  });
});
