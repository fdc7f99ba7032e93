import { describe, expect, it } from 'vitest';
import { adjustForPrint } from '../shared/checks/rounding-adjustment';
import { TABLE_DEFINITIONS } from '../shared/tables/definitions';
import { tablesToReferenceJson } from '../shared/tables/reference-json';
import { TABLE_KEYS } from '../shared/tables/types';
import type { DisclosureOptions } from '../src-main/services/export-pdf/disclosure-document';
import { SEEDS, type Seed } from './support/fixtures';
import {
  DRAFT,
  FINAL,
  amountsIn,
  amountsInReadingOrder,
  importSeed,
  layoutPages,
  overlappingWords,
  pageSizes,
  rawPages,
  renderToFile,
  squeezed,
  tableStartPages,
} from './support/pdf';

interface Exported {
  readonly file: string;
  /** The tables as the workbook evaluates them, in the reference JSON shape. */
  readonly tables: Record<string, Record<string, unknown>>;
  readonly layout: string[];
  /** First and last page (1-based) of each table, in table order. */
  readonly spans: (readonly [number, number])[];
}

async function exportSeed(seed: Seed, options: DisclosureOptions): Promise<Exported> {
  const workbook = importSeed(seed);
  try {
    const content = workbook.content();
    const evaluated =
      options.figures === 'adjusted' ? adjustForPrint(content).evaluated : workbook.evaluate();
    const file = await renderToFile(content, options);
    const layout = layoutPages(file);
    const starts = tableStartPages(layout);
    const spans = starts.map(
      (start, index) => [start, (starts[index + 1] ?? layout.length + 1) - 1] as const,
    );
    const { tables } = tablesToReferenceJson(content, evaluated) as { tables: Exported['tables'] };
    return { file, tables, layout, spans };
  } finally {
    workbook.close();
  }
}

function textOf(pages: readonly string[], [first, last]: readonly [number, number]): string {
  return pages.slice(first - 1, last).join('\n');
}

describe('the thirteen tables in the disclosure PDF', () => {
  // Read back with `pdftotext -layout` from final exports: a draft's diagonal watermark is
  // split into single glyphs that -layout folds into the table's lines (the draft is checked
  // below in drawing order instead).
  it.each(SEEDS)(
    'prints every amount of every table on that table’s pages, in reading order (%s, as entered)',
    async (seed) => {
      const exported = await exportSeed(seed, FINAL);
      expect(
        exported.spans.map(([first]) => first).every((page, index, all) => page > (all[index - 1] ?? 2)),
      ).toBe(true);
      TABLE_KEYS.forEach((key, index) => {
        const span = exported.spans[index] ?? [0, 0];
        const expected = amountsInReadingOrder(key, exported.tables[key] ?? {});
        expect(amountsIn(textOf(exported.layout, span)), `${key} on pages ${span.join('–')}`).toEqual(
          expected,
        );
      });
    },
  );

  it.each(SEEDS)('prints the figures after 尾差调整 when asked (%s)', async (seed) => {
    const exported = await exportSeed(seed, { ...FINAL, figures: 'adjusted' });
    TABLE_KEYS.forEach((key, index) => {
      const expected = amountsInReadingOrder(key, exported.tables[key] ?? {});
      expect(amountsIn(textOf(exported.layout, exported.spans[index] ?? [0, 0])), key).toEqual(expected);
    });
  });

  it.each(SEEDS)('prints the same amounts in a watermarked draft (%s, in drawing order)', async (seed) => {
    const exported = await exportSeed(seed, DRAFT);
    const raw = rawPages(exported.file);
    TABLE_KEYS.forEach((key, index) => {
      const expected = amountsInReadingOrder(key, exported.tables[key] ?? {});
      expect(amountsIn(textOf(raw, exported.spans[index] ?? [0, 0])), key).toEqual(expected);
    });
  });

  it.each(SEEDS)(
    'gives every table its label, title, 名称 line, unit, header on each page and orientation (%s)',
    async (seed) => {
      const exported = await exportSeed(seed, FINAL);
      const raw = rawPages(exported.file).map(squeezed);
      const sizes = pageSizes(exported.file);
      TABLE_KEYS.forEach((key, index) => {
        const table = exported.tables[key] ?? {};
        const definition = TABLE_DEFINITIONS[key];
        const [first, last] = exported.spans[index] ?? [0, 0];
        const firstPage = raw[first - 1] ?? '';
        expect(firstPage).toContain(`预算公开表${definition.no}`);
        expect(firstPage).toContain(table['title']);
        expect(firstPage).toContain(table['nameLine']);
        expect(firstPage).toContain('单位：万元');
        const tableText = raw.slice(first - 1, last).join('');
        expect(tableText.includes('注：本表无数据'), `${key} empty note`).toBe(table['empty']);
        const leaves = Object.values(definition.columns)
          .flat()
          .filter((column) => column.isPublished)
          .map((column) => squeezed(column.header.at(-1) ?? '').replaceAll('{year}', String(table['year'])));
        for (let page = first; page <= last; page++) {
          for (const leaf of leaves)
            expect(raw[page - 1], `${key} header “${leaf}” on page ${page}`).toContain(leaf);
          const size = sizes[page - 1];
          expect(size !== undefined && size.width > size.height, `${key} orientation on page ${page}`).toBe(
            definition.isLandscape,
          );
        }
      });
    },
  );

  it.each(SEEDS)('draws no text over other text on any table page (%s)', async (seed) => {
    const exported = await exportSeed(seed, FINAL);
    const [first] = exported.spans[0] ?? [0];
    for (let page = first; page <= exported.layout.length; page++) {
      expect(overlappingWords(exported.file, page), `page ${page}`).toEqual([]);
    }
  });
});
