/**
 * Reading a PDF back the way a reviewer would: the text of each page through poppler's
 * pdftotext, word boxes, page sizes, embedded fonts, and pages rendered to PNG for a look.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkbookContent } from '../../shared/workbook/content';
import type { DisclosureOptions } from '../../src-main/services/export-pdf/disclosure-document';
import { renderDisclosurePdf } from '../../src-main/services/export-pdf/render-disclosure';
import { importReferenceJson } from '../../src-main/services/workbook/import-reference-json';
import type { Workbook } from '../../src-main/services/workbook/workbook';
import { type Seed, fixturePath } from './fixtures';
import { tempDir } from './temp-dir';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text of every page, laid out as printed (`pdftotext -layout`); index 0 is page 1. */
export function layoutPages(file: string): string[] {
  return poppler('pdftotext', '-layout', file, '-').split('\f').slice(0, -1);
}

/**
 * The text of every page in drawing order (`pdftotext -raw`). Rotated text such as the
 * watermark comes out one character per line here, but in its own order, unmixed.
 */
export function rawPages(file: string): string[] {
  return poppler('pdftotext', '-raw', file, '-').split('\f').slice(0, -1);
}

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

export function pageSizes(file: string): PageSize[] {
  const info = poppler('pdfinfo', '-f', '1', '-l', '9999', file);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => ({
    width: Number(match[1]),
    height: Number(match[2]),
  }));
}

export interface EmbeddedFont {
  readonly name: string;
  readonly isEmbedded: boolean;
  readonly isSubset: boolean;
}

export function embeddedFonts(file: string): EmbeddedFont[] {
  return poppler('pdffonts', file)
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      // name … emb sub uni object ID: the flags are the 5th to 3rd fields from the end.
      return {
        name: fields[0] ?? '',
        isEmbedded: fields.at(-5) === 'yes',
        isSubset: fields.at(-4) === 'yes',
      };
    });
}

export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** The words of one page with their boxes (`pdftotext -bbox`), in pt from the top left. */
export function wordsOnPage(file: string, page: number): Word[] {
  const html = poppler('pdftotext', '-bbox', '-f', String(page), '-l', String(page), file, '-');
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
    text: match[5] ?? '',
  }));
}

const AMOUNT = /-?\d+\.\d{2}/g;

/** Pairs of words on a page whose boxes overlap: text drawn over text (cut off, or overflowing). */
export function overlappingWords(file: string, page: number): string[] {
  const words = wordsOnPage(file, page);
  const overlap = (a: Word, b: Word) =>
    Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 &&
    Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5;
  return words.flatMap((word, index) =>
    words
      .slice(index + 1)
      .filter((other) => overlap(word, other))
      .map((other) => `${word.text} / ${other.text}`),
  );
}

/** Printed amounts: 万元 with two decimals, in reading order. */
export function amountsIn(text: string): string[] {
  return text.match(AMOUNT) ?? [];
}

type JsonRow = Record<string, unknown>;

function amountsOfRow(row: unknown): string[] {
  if (typeof row !== 'object' || row === null) return [];
  return Object.values(row).filter(
    (value): value is string => typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value),
  );
}

/**
 * The amounts of one table in the reference JSON shape, in the order a reader meets them on
 * the printed page: line by line, left to right. 表一/表四 print income and expenditure rows
 * side by side, the summary rows paired as the published tables pair them (seed 002:
 * 本年收入合计 | 本年支出合计, 上年结转 | 年终结转, [表四: the three carry-over funds alone],
 * 收入总计 | 支出总计); 表九 prints its 合计 line first.
 */
export function amountsInReadingOrder(key: string, table: JsonRow): string[] {
  const rows = (name: string) => (table[name] ?? []) as JsonRow[];
  if (key === 't1' || key === 't4') {
    const summary = table['summary'] as Record<string, JsonRow>;
    const income = rows('incomeRows');
    const lines = rows('expenditureRows').map((row, index) => [income[index], row]);
    lines.push(
      [summary['currentYearIncome'], summary['currentYearExpenditure']],
      [summary['priorYearCarryover'], summary['yearEndCarryover']],
      ...rows('carryoverRows').map((row) => [row]),
      [summary['incomeGrandTotal'], summary['expenditureGrandTotal']],
    );
    return lines.flat().flatMap(amountsOfRow);
  }
  const total = table['totalRow'] as JsonRow | undefined;
  const totalAmounts = key === 't9' ? ((total?.['values'] ?? []) as string[]) : amountsOfRow(total);
  return [...totalAmounts, ...rows('rows').flatMap(amountsOfRow)];
}

/** Text without any whitespace, so that wrapped lines read as one. */
export function squeezed(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Renders pages to PNG in test-artifacts/ (git-ignored) for a person to look at; returns the
 * files. pdftoppm names them `<prefix>-<page>.png`, the page zero-padded to the count's width.
 */
export function renderPagesToPng(file: string, name: string, pages: readonly number[], dpi = 60): string[] {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return pages.map((page) => {
    const prefix = path.join(ARTIFACTS, `${name}-p${page}`);
    poppler(
      'pdftoppm',
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      prefix,
    );
    return `${prefix}.png`;
  });
}

/** A seed's published tables imported into a workbook in a temporary folder (close it after use). */
export function importSeed(seed: Seed): Workbook {
  return importReferenceJson(fixturePath(seed), path.join(tempDir(), `${seed}.ysgk`));
}

export const DRAFT: DisclosureOptions = {
  kind: 'draft',
  figures: 'asEntered',
  watermarkText: '仅供内部审核',
};
export const FINAL: DisclosureOptions = {
  kind: 'final',
  figures: 'asEntered',
  watermarkText: '仅供内部审核',
};

/** Renders the disclosure of a workbook's content in this thread; returns the PDF's path. */
export async function renderToFile(content: WorkbookContent, options: DisclosureOptions): Promise<string> {
  const file = path.join(tempDir(), 'disclosure.pdf');
  await renderDisclosurePdf({ content, options, outputFile: file });
  return file;
}

/** The page (1-based) each table starts on: where its label 预算公开表N is printed. */
export function tableStartPages(pages: readonly string[]): number[] {
  return Array.from({ length: 13 }, (_, index) => {
    const label = new RegExp(`预算公开表${index + 1}(?!\\d)`);
    return pages.findIndex((text) => label.test(text)) + 1;
  });
}
