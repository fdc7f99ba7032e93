import type { Content, ContentSection, ContentTable, CustomTableLayout } from 'pdfmake/interfaces';
import { ems } from './column-widths';
import type { TocEntry } from './document-part';
import { FONT, FONT_SIZE, LEADER_GREY } from './typography';

/** A dotted rule under an empty cell: the leader between an entry and its page number. */
const LEADER_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.8,
  vLineWidth: () => 0,
  hLineColor: () => LEADER_GREY,
  hLineStyle: () => ({ dash: { length: 0.8, space: 2.4 } }),
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  // The rule is drawn at the bottom of the cell's line box; −6 pt lifts it onto the baseline
  // of a 12 pt entry (checked on a rendered page).
  paddingBottom: () => -6,
};

function leader(): ContentTable {
  return {
    table: { widths: ['*'], body: [[{ text: '', border: [false, false, false, true] }]] },
    layout: LEADER_LAYOUT,
  };
}

/**
 * Room for a three-digit page number. pdfmake measures a page reference as the placeholder
 * 00000 and right-aligns the real number when it draws, so an 'auto' column would leave a gap
 * between the leader and a short number.
 */
const PAGE_NUMBER_WIDTH = ems('000') * FONT_SIZE.tocEntry;

const INDENT_EMS: Readonly<Record<TocEntry['level'], number>> = { 1: 0, 2: 2, 3: 4 };

/**
 * One 目录 line. The page number is a pdfmake page reference to the heading's id, so it is
 * the page the heading was actually laid out on. (pdfmake's own `toc` would print each
 * heading's text, but the 目录 entry reads 表一2025年预算收支总表 where the page's title reads
 * 2025年预算收支总表.) Part headings are bold, without leader dots; the entries under them
 * have leaders (document-spec §1.3).
 */
function tocLine(entry: TocEntry): Content {
  const isPart = entry.level === 1;
  return {
    columns: [
      { text: entry.text, width: 'auto', linkToDestination: entry.target },
      isPart ? { text: '', width: '*' } : { ...leader(), width: '*', margin: [4, 0, 4, 0] },
      { pageReference: entry.target, width: PAGE_NUMBER_WIDTH, alignment: 'right', noWrap: true },
    ],
    ...(isPart ? { font: FONT.sans, bold: true } : {}),
    margin: [INDENT_EMS[entry.level] * FONT_SIZE.tocEntry, isPart ? 10 : 4, 0, 0],
  };
}

/**
 * The 目录 (heading written 目录, without the seeds' space) lists exactly the headings the
 * parts print, in their order. Like the cover it has no page number; pages are counted from
 * the cover, so a 目录 number is the page a reader's PDF viewer shows.
 */
export function tableOfContentsSection(entries: readonly TocEntry[]): ContentSection {
  return {
    section: [
      {
        text: '目录',
        font: FONT.sans,
        bold: true,
        fontSize: FONT_SIZE.tocHeading,
        alignment: 'center',
        margin: [0, 24, 0, 18],
      },
      { stack: entries.map(tocLine), fontSize: FONT_SIZE.tocEntry },
    ],
    pageOrientation: 'portrait',
    footer: null,
  };
}
