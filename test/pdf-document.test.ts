import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TABLE_DEFINITIONS } from '../shared/tables/definitions';
import { TABLE_KEYS } from '../shared/tables/types';
import { SEEDS, readFixture } from './support/fixtures';
import {
  DRAFT,
  FINAL,
  embeddedFonts,
  importSeed,
  layoutPages,
  rawPages,
  renderPagesToPng,
  renderToFile,
  squeezed,
  tableStartPages,
} from './support/pdf';

async function renderSeed(seed: (typeof SEEDS)[number], options = FINAL): Promise<string> {
  const workbook = importSeed(seed);
  try {
    return await renderToFile(workbook.content(), options);
  } finally {
    workbook.close();
  }
}

/** The 目录 as printed: each entry's text and the page number at the end of its line. */
function tocLines(page: string): { text: string; page: number }[] {
  return page
    .split('\n')
    .map((line) => /^\s*(\S.*?)\s+(\d+)\s*$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ text: match[1] ?? '', page: Number(match[2]) }));
}

describe('the disclosure document around the tables', () => {
  it.each(SEEDS)(
    'lists in its 目录 exactly the printed headings, with the pages they are on (%s)',
    async (seed) => {
      const fixture = readFixture(seed);
      const year = fixture['year'] as number;
      const scope = fixture['kind'] as string;
      const pages = layoutPages(await renderSeed(seed));
      expect(pages[1]?.trim().startsWith('目录')).toBe(true);
      const starts = tableStartPages(pages);
      // Written from document-spec §1.3: the part heading, then 表一{year}年… without a space.
      const expected = [
        { text: `第二部分 ${year}年${scope}预算报表`, page: starts[0] ?? 0 },
        ...TABLE_KEYS.map((key, index) => ({
          text: `${TABLE_DEFINITIONS[key].shortName}${TABLE_DEFINITIONS[key].title.replace('{year}', String(year))}`,
          page: starts[index] ?? 0,
        })),
      ];
      expect(tocLines(pages[1] ?? '')).toEqual(expected);
      expect(pages[(starts[0] ?? 0) - 1]).toContain(`第二部分 ${year}年${scope}预算报表`);
    },
  );

  it.each(SEEDS)('opens with a cover of the unit’s name and the document’s title only (%s)', async (seed) => {
    const fixture = readFixture(seed);
    const pages = layoutPages(await renderSeed(seed));
    expect(squeezed(pages[0] ?? '')).toBe(
      squeezed(
        `${fixture['unitName'] as string}${fixture['year'] as number}年度${fixture['kind'] as string}预算公开`,
      ),
    );
  });

  it('numbers every page after the cover and the 目录 in the footer, as the 目录 counts them', async () => {
    const pages = layoutPages(await renderSeed('003'));
    // pdftotext drops the narrow spaces of “- 3 -”.
    const footers = pages.map((page) => squeezed(page.trimEnd().split('\n').at(-1) ?? ''));
    expect(footers.slice(0, 2).every((footer) => !/^-\d+-$/.test(footer))).toBe(true);
    pages.slice(2).forEach((_, index) => expect(footers[index + 2]).toBe(`-${index + 3}-`));
  });

  it('embeds subsets of the serif body face and the sans heading face', async () => {
    const fonts = embeddedFonts(await renderSeed('002', DRAFT));
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansSC-Bold',
      'NotoSansSC-Regular',
      'NotoSerifSC-Bold',
      'NotoSerifSC-Regular',
    ]);
    expect(fonts.every((font) => font.isEmbedded && font.isSubset)).toBe(true);
  });

  it('names the document and its author in the PDF properties', async () => {
    const info = execFileSync('pdfinfo', [await renderSeed('004')], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+山西省肿瘤医院（山西省肿瘤研究所）2025年度单位预算公开$/m);
    expect(info).toMatch(/^Author:\s+山西省肿瘤医院（山西省肿瘤研究所）$/m);
  });

  it('marks every page of a draft, and no page of a final export', async () => {
    const draft = rawPages(await renderSeed('002', DRAFT)).map(squeezed);
    expect(draft.length).toBeGreaterThan(15);
    draft.forEach((page, index) => expect(page, `page ${index + 1}`).toContain('仅供内部审核'));
    const final = rawPages(await renderSeed('002', FINAL)).map(squeezed);
    expect(final.filter((page) => page.includes('仅供'))).toEqual([]);
  });

  it('prints a draft’s own watermark text, markup characters included', async () => {
    const pages = rawPages(await renderSeed('004', { ...DRAFT, watermarkText: '征求意见稿<A&B>' })).map(
      squeezed,
    );
    pages.forEach((page, index) => expect(page, `page ${index + 1}`).toContain('征求意见稿<A&B>'));
  });

  it('renders the pages a reviewer looks at into test-artifacts/', async () => {
    const file = await renderSeed('002', DRAFT);
    const starts = tableStartPages(layoutPages(file));
    const pick = [1, 2, starts[0], starts[5], starts[6]].filter((page) => page !== undefined);
    const images = renderPagesToPng(file, 'seed-002', pick);
    expect(images).toHaveLength(5);
  });
});
