import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { buildDisclosureDocument } from '../src-main/services/export-pdf/disclosure-document';
import { disclosureText } from '../src-main/services/export-pdf/export-disclosure-pdf';
import { fontAccessPolicy, pdfmakeFonts, resolveFontFiles } from '../src-main/services/export-pdf/fonts';
import {
  TUNED_PDFMAKE_VERSION,
  installedPdfmakeVersion,
  tunePdfmake,
} from '../src-main/services/export-pdf/pdfmake-tuning';
import { renderPdf } from '../src-main/services/export-pdf/render-pdf';
import { type PageItem, rulesAsPaths } from '../src-main/services/export-pdf/rule-paths';
import { type LaidOutInline, joinedRuns } from '../src-main/services/export-pdf/text-runs';
import { FONT } from '../src-main/services/export-pdf/typography';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { fixturePath } from './support/fixtures';
import { DRAFT, importSeed, rawPages, squeezed } from './support/pdf';
import { tempDir } from './support/temp-dir';

const SERIF = { name: 'serif' };
const SANS = { name: 'sans' };

/** Pieces of a line as pdfmake lays them out: each at the sum of the widths before it. */
function laidOut(...pieces: (string | Partial<LaidOutInline>)[]): LaidOutInline[] {
  let x = 0;
  return pieces.map((piece) => {
    const inline: LaidOutInline = {
      text: '',
      width: 9,
      font: SERIF,
      fontSize: 9,
      height: 12.9,
      color: 'black',
      opacity: 1,
      ...(typeof piece === 'string' ? { text: piece } : piece),
      x,
    };
    x += inline.width;
    return inline;
  });
}

/** Longer than a page in its cell: the sheet it is added to breaks over pages. */
const LONG_PLAN = Array.from(
  { length: 50 },
  (_, index) => `第${index + 1}项措施：按季度核对救助对象名单并公示结果。`,
).join('');

const texts = (inlines: readonly LaidOutInline[]) => inlines.map((inline) => inline.text);

/**
 * Every word poppler reads from the PDF with its box, page by page (`pdftotext -bbox`), sorted.
 * A word of Chinese is a whole line: its box ends where the line's last glyph ends.
 */
function wordBoxes(file: string): string[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ]
        .map(([, ...fields]) =>
          fields.map((field) => (/^[\d.]+$/.test(field) ? Number(field).toFixed(3) : field)).join(' '),
        )
        // In place, not in poppler's reading order, which it guesses differently for rotated text.
        .sort(),
    );
}

/** The drawing operators of the PDF's compressed streams (its pages' contents), one a line. */
function contentLines(file: string): string[] {
  const pdf = fs.readFileSync(file);
  const lines: string[] = [];
  for (let at = pdf.indexOf('stream\n'); at >= 0; at = pdf.indexOf('stream\n', at + 1)) {
    const end = pdf.indexOf('\nendstream', at);
    try {
      lines.push(
        ...zlib
          .inflateSync(pdf.subarray(at + 'stream\n'.length, end))
          .toString('latin1')
          .split('\n'),
      );
    } catch {
      // A stream that is not deflated content: “endstream\n” itself, or font data.
    }
  }
  return lines;
}

const textObjects = (lines: readonly string[]) => lines.filter((line) => line === 'BT').length;
const strokes = (lines: readonly string[]) => lines.filter((line) => line === 'S').length;

/** Every straight segment stroked (from “x y m”, “x y l” up to “S”), sorted. */
function strokedSegments(lines: readonly string[]): string[] {
  const segments: string[] = [];
  let path: string[] = [];
  let point = '';
  for (const line of lines) {
    const [, x, y, operator] = /^(\S+) (\S+) ([ml])$/.exec(line) ?? [];
    if (operator === 'l') path.push(`${point} ${x} ${y}`);
    if (operator !== undefined) point = `${x} ${y}`;
    else if (line === 'S') {
      segments.push(...path);
      path = [];
    }
    // Filled, clipped or dropped: not a rule.
    else if (/^(f\*?|B\*?|b\*?|n|W\*? n)$/.test(line)) path = [];
  }
  return segments.sort();
}

/**
 * A page of what pdfmake styles text with beyond the disclosure's own use: named styles that
 * extend each other, styled parts, per-text properties, spaces kept or cut, super- and
 * subscripts, decoration, links, justified text, Latin that kerns.
 */
function samplerDocument(): TDocumentDefinitions {
  const paragraph = '预算公开工作台按季度核对救助对象名单并公示结果，AV To Type 2025年0.5万元（含P.与y,）。';
  return {
    defaultStyle: { font: FONT.serif, fontSize: 10 },
    styles: {
      label: { font: FONT.sans, bold: true, color: '#404040' },
      note: { extends: 'label', fontSize: 8, lineHeight: 1.6 },
    },
    content: [
      { text: paragraph.repeat(3), style: 'note', leadingIndent: 20 },
      {
        text: [
          '普通',
          { text: '加粗', bold: true },
          { text: '上标', sup: true },
          { text: '  保留空格  ', preserveLeadingSpaces: true, preserveTrailingSpaces: true },
          { text: '下标', sub: true, style: 'label' },
        ],
        alignment: 'center',
      },
      { text: paragraph.repeat(2), alignment: 'justify', characterSpacing: 0.5 },
      {
        text: [
          { text: '下划线', decoration: 'underline' },
          { text: '底色', background: '#eeeeee' },
          { text: '链接', link: 'https://example.org' },
        ],
      },
      {
        table: {
          widths: [60, '*', 80],
          body: [
            [{ text: '项目名称', style: 'label' }, paragraph, { text: '1,234.56', alignment: 'right' }],
            [
              { text: '说明', style: ['label', 'note'] },
              { text: paragraph, lineHeight: 1.4, font: FONT.sans },
              '',
            ],
          ],
        },
      },
    ],
  };
}

describe('pdfmake tuned for Chinese text', () => {
  it('joins neighbouring Chinese pieces of the same look into one run at the first piece’s place', () => {
    const runs = joinedRuns(laidOut('预', '算', '公', '开。'));
    expect(texts(runs)).toEqual(['预算公开。']);
    expect(runs[0]).toMatchObject({ x: 0, width: 36 });
  });

  it('keeps apart pieces that may kern, look different or are not where a run would put them', () => {
    // Latin kerns (AV, P.): a seam with a letter, digit or Latin sign on either side stays.
    expect(texts(joinedRuns(laidOut('资', '金', '0.5万', '元', 'A', 'V')))).toEqual([
      '资金',
      '0.5万元',
      'A',
      'V',
    ]);
    expect(
      texts(joinedRuns(laidOut('项', { text: '目', font: SANS }, { text: '名', fontSize: 10 }, '称'))),
    ).toEqual(['项', '目', '名', '称']);
    expect(
      texts(joinedRuns(laidOut('灰', { text: '色', color: '#808080' }, { text: '字', opacity: 0.5 }))),
    ).toEqual(['灰', '色', '字']);
    const spread = laidOut('两', '端', '对', '齐').map((inline, index) => ({
      ...inline,
      x: inline.x + index * 2,
    }));
    expect(texts(joinedRuns(spread))).toEqual(['两', '端', '对', '齐']);
    expect(
      texts(
        joinedRuns(
          laidOut('第', { text: '一', link: 'https://example.org' }, { text: '页', _pageNodeRef: {} }, '码'),
        ),
      ),
    ).toEqual(['第', '一', '页', '码']);
  });

  it('strokes neighbouring rules of one stroke as one path, and nothing else', () => {
    const rule = (x1: number, y1: number, x2: number, y2: number, stroke: object = {}): PageItem => ({
      type: 'vector',
      item: { type: 'line', x1, y1, x2, y2, lineWidth: 0.5, lineColor: 'black', ...stroke },
    });
    const text = { type: 'line', item: {} };
    const items = [
      rule(0, 0, 10, 0),
      rule(10, 0, 10, 5.25),
      rule(0, 1e-7, 10, 1e-7),
      text,
      rule(0, 5, 10, 5),
      rule(0, 9, 10, 9, { lineWidth: 1 }),
      rule(0, 9, 10, 9, { lineWidth: 1, dash: { length: 2 } }),
      { type: 'vector', item: { type: 'rect', x: 0, y: 0, w: 5, h: 5, color: '#eee' } },
    ];
    expect(rulesAsPaths(items)).toEqual([
      {
        type: 'vector',
        item: { ...items[0]?.item, type: 'path', d: 'M0 0L10 0M10 0L10 5.25M0 1e-7L10 1e-7' },
      },
      text,
      ...items.slice(4),
    ]);
  });

  it('lays out and draws every word and rule where pdfmake on its own does, in far fewer text objects and strokes', async () => {
    const workbook = importSeed('002');
    importGoalsJson(workbook, fixturePath('002').replace('-tables.json', '-goals.json'));
    const [sheet] = workbook.goalSheets().filter((candidate) => candidate.isPublished);
    if (sheet === undefined) throw new Error('seed 002 has no published sheet');
    workbook.setGoalSheet({ ...sheet, texts: { ...sheet.texts, plan: `${sheet.texts.plan}${LONG_PLAN}` } });
    const text = disclosureText(workbook, 'asEntered', new Date(2025, 0, 15, 9, 30));
    const content = workbook.content();
    workbook.close();
    // pdfmake fills a definition in while laying it out: each render gets a fresh one.
    const documents = {
      disclosure: () => buildDisclosureDocument(content, DRAFT, text),
      sampler: samplerDocument,
    };
    const fonts = resolveFontFiles();
    const folder = tempDir();
    const file = (name: string, how: string) => path.join(folder, `${name}-${how}.pdf`);
    // pdfmake on its own first: the first renderPdf tunes it for the rest of this thread.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(fontAccessPolicy(fonts));
    pdfmake.setFonts(pdfmakeFonts(fonts));
    for (const [name, definition] of Object.entries(documents)) {
      await pdfmake.createPdf(definition()).write(file(name, 'untuned'));
    }
    for (const [name, definition] of Object.entries(documents)) {
      await renderPdf(definition(), fonts, file(name, 'tuned'));
    }
    expect(tunePdfmake()).toBe('tuned');

    for (const name of Object.keys(documents)) {
      const expected = wordBoxes(file(name, 'untuned'));
      const actual = wordBoxes(file(name, 'tuned'));
      expect(actual.length, name).toBe(expected.length);
      actual.forEach((words, index) => expect(words, `${name}, page ${index + 1}`).toEqual(expected[index]));
    }
    expect(wordBoxes(file('disclosure', 'tuned')).length).toBeGreaterThan(30);
    const pages = rawPages(file('disclosure', 'tuned')).map(squeezed);
    const pageWith = (words: string) => pages.findIndex((page) => page.includes(words));
    expect(pageWith('第1项措施'), 'the long sheet').toBeGreaterThan(0);
    expect(pageWith('第50项措施'), 'the long sheet broken over pages').toBeGreaterThan(pageWith('第1项措施'));
    const untuned = contentLines(file('disclosure', 'untuned'));
    const tuned = contentLines(file('disclosure', 'tuned'));
    expect(strokedSegments(tuned)).toEqual(strokedSegments(untuned));
    expect(strokedSegments(tuned).length).toBeGreaterThan(1000);
    expect(strokes(tuned)).toBeLessThan(strokes(untuned) / 3);
    expect(textObjects(tuned)).toBeLessThan(textObjects(untuned) / 2);
  });

  it('tunes only the pdfmake it copies, which package.json pins exactly', () => {
    const packageJson = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    // A pdfmake upgrade lands here first: re-check the copied steps in pdfmake-tuning.ts against
    // the new version, then move TUNED_PDFMAKE_VERSION along with the pin.
    expect(packageJson.dependencies['pdfmake']).toBe(TUNED_PDFMAKE_VERSION);
    expect(installedPdfmakeVersion()).toBe(TUNED_PDFMAKE_VERSION);
  });
});
