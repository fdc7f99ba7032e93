import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { buildDisclosureDocument } from '../src-main/services/export-pdf/disclosure-document';
import { disclosureText } from '../src-main/services/export-pdf/export-disclosure-pdf';
import { fontAccessPolicy, pdfmakeFonts, resolveFontFiles } from '../src-main/services/export-pdf/fonts';
import { renderPdf } from '../src-main/services/export-pdf/render-pdf';
import { type LaidOutInline, joinedRuns } from '../src-main/services/export-pdf/text-runs';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { fixturePath } from './support/fixtures';
import { DRAFT, importSeed } from './support/pdf';
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

const texts = (inlines: readonly LaidOutInline[]) => inlines.map((inline) => inline.text);

/**
 * Every word poppler reads from the PDF with its box, page by page (`pdftotext -bbox`). A word
 * of Chinese is a whole line: its box ends where the line's last glyph ends.
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
      ].map(([, ...fields]) =>
        fields.map((field) => (/^[\d.]+$/.test(field) ? Number(field).toFixed(3) : field)).join(' '),
      ),
    );
}

/** Text objects (BT … ET) in the PDF's compressed page contents. */
function textObjects(file: string): number {
  const pdf = fs.readFileSync(file);
  let count = 0;
  let at = pdf.indexOf('stream\n');
  while (at >= 0) {
    const end = pdf.indexOf('\nendstream', at);
    try {
      count += (
        zlib
          .inflateSync(pdf.subarray(at + 'stream\n'.length, end))
          .toString('latin1')
          .match(/^BT$/gm) ?? []
      ).length;
    } catch {
      // Not a deflated stream.
    }
    at = pdf.indexOf('stream\n', end + 'endstream'.length);
  }
  return count;
}

describe('drawing each laid-out line as runs of text', () => {
  it('joins neighbouring Chinese pieces of the same look into one run at the first piece’s place', () => {
    const runs = joinedRuns(laidOut('预', '算', '公', '开。'));
    expect(texts(runs)).toEqual(['预算公开。']);
    expect(runs[0]).toMatchObject({ x: 0, width: 36 });
  });

  it('keeps apart pieces that kern, look different or are not where a run would put them', () => {
    // “2025年” and “0.5万” kern against their neighbours: no join at a Latin or digit seam.
    expect(texts(joinedRuns(laidOut('资', '金', '0.5万', '元', 'Q', '4')))).toEqual([
      '资金',
      '0.5万元',
      'Q',
      '4',
    ]);
    expect(
      texts(joinedRuns(laidOut('项', { text: '目', font: SANS }, { text: '名', fontSize: 10 }, '称'))),
    ).toEqual(['项', '目', '名', '称']);
    expect(
      texts(joinedRuns(laidOut('灰', { text: '色', color: '#808080' }, { text: '字', opacity: 0.5 }))),
    ).toEqual(['灰', '色', '字']);
    const spread = laidOut('两', '端', '对', '齐');
    spread.forEach((inline, index) => (inline.x += index * 2));
    expect(texts(joinedRuns(spread))).toEqual(['两', '端', '对', '齐']);
    expect(
      texts(
        joinedRuns(
          laidOut('第', { text: '一', link: 'https://example.org' }, { text: '页', _pageNodeRef: {} }, '码'),
        ),
      ),
    ).toEqual(['第', '一', '页', '码']);
  });

  it('puts every word of the disclosure where pdfmake’s piece-by-piece drawing puts it, in far fewer text objects', async () => {
    const workbook = importSeed('002');
    importGoalsJson(workbook, fixturePath('002').replace('-tables.json', '-goals.json'));
    const text = disclosureText(workbook, 'asEntered', new Date(2025, 0, 15, 9, 30));
    const content = workbook.content();
    workbook.close();
    // pdfmake fills a definition in while laying it out: each render gets a fresh one.
    const definition = () => buildDisclosureDocument(content, DRAFT, text);
    const fonts = resolveFontFiles();
    const folder = tempDir();
    const byPiece = path.join(folder, 'by-piece.pdf');
    // pdfmake's own drawing: this thread has rendered nothing through renderPdf yet.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(fontAccessPolicy(fonts));
    pdfmake.setFonts(pdfmakeFonts(fonts));
    await pdfmake.createPdf(definition()).write(byPiece);
    const inRuns = path.join(folder, 'in-runs.pdf');
    await renderPdf(definition(), fonts, inRuns);

    const expected = wordBoxes(byPiece);
    const actual = wordBoxes(inRuns);
    expect(expected.length).toBeGreaterThan(30);
    expect(actual.length).toBe(expected.length);
    actual.forEach((words, index) => expect(words, `page ${index + 1}`).toEqual(expected[index]));
    expect(textObjects(inRuns)).toBeLessThan(textObjects(byPiece) / 2);
  });
});
