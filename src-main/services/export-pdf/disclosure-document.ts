import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { adjustForPrint } from '../../../shared/checks/rounding-adjustment';
import { documentTitles } from '../../../shared/tables/reference-json';
import type { WorkbookContent } from '../../../shared/workbook/content';
import { evaluateWorkbook } from '../../../shared/workbook/evaluate';
import { coverSection } from './cover';
import type { DocumentPart } from './document-part';
import { tableOfContentsSection } from './table-of-contents';
import { tablesPart } from './tables-part';
import { type StampPage, stampPageSection } from './stamp-page';
import { type DisclosureText, glossaryPart, narrativePart, overviewPart } from './text-parts';
import { FONT, FONT_SIZE, PAGE_MARGINS } from './typography';
import { watermarkBackground } from './watermark';

export interface DisclosureOptions {
  /** A draft carries the watermark on every page; a final export carries none. */
  readonly kind: 'draft' | 'final';
  readonly watermarkText: string;
  /**
   * adjusted: the figures after 尾差调整, so that every printed total adds up;
   * asEntered: each cell rounded to 0.01 万元 on its own, as the published seeds print.
   */
  readonly figures: 'adjusted' | 'asEntered';
  /** A review draft's 审核签章页, printed last; never on a final export. */
  readonly stampPage?: StampPage;
}

function pageNumber(currentPage: number): Content {
  return {
    text: `- ${currentPage} -`,
    alignment: 'center',
    fontSize: FONT_SIZE.footer,
    margin: [0, PAGE_MARGINS[3] / 2 - FONT_SIZE.footer / 2, 0, 0],
  };
}

/**
 * The whole disclosure as a pdfmake document: cover, 目录, then the parts in document order.
 * With the text of the workbook, 第一部分 概况 goes before the tables and 第三部分 情况说明 and
 * 第四部分 名词解释 after them; without it, the tables alone (charts and goal sheets are to come).
 */
export function buildDisclosureDocument(
  content: WorkbookContent,
  options: DisclosureOptions,
  text: DisclosureText | null = null,
): TDocumentDefinitions {
  const { profile } = content;
  const evaluated =
    options.figures === 'adjusted' ? adjustForPrint(content).evaluated : evaluateWorkbook(content);
  const tables = tablesPart(profile, evaluated);
  const parts: readonly DocumentPart[] =
    text === null ? [tables] : [overviewPart(text), tables, narrativePart(text), glossaryPart(text)];
  const mark = options.kind === 'draft' ? watermarkBackground(options.watermarkText) : null;
  return {
    info: {
      title: `${profile.name}${documentTitles(profile.scope, profile.year).coverTitle}`,
      author: profile.name,
      creator: '预算公开工作台',
    },
    language: 'zh-CN',
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    defaultStyle: { font: FONT.serif, fontSize: FONT_SIZE.nameLine },
    ...(mark === null ? {} : { background: (_page: number, size) => mark(size) }),
    footer: pageNumber,
    content: [
      coverSection(profile),
      tableOfContentsSection(parts.flatMap((part) => part.tocEntries)),
      ...parts.flatMap((part) => part.sections),
      ...(options.kind === 'draft' && options.stampPage ? [stampPageSection(options.stampPage)] : []),
    ],
  };
}
