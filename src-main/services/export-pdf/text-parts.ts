/**
 * The text parts of the disclosure (document-spec §1.1): 第一部分 概况, 第三部分 情况说明 and
 * 第四部分 名词解释, as DocumentParts beside the tables. Their text arrives ready-made (generated
 * from the same figures the tables print, or as the user rewrote it), as plain data that can
 * cross into the render worker.
 */
import type { Content, ContentSection } from 'pdfmake/interfaces';
import type { NarrativeChart } from '../../../shared/narrative/charts';
import type { GlossaryEntry } from '../../../shared/narrative/glossary';
import type { DutyMarkerStyle } from '../../../shared/narrative/overview';
import { dutyMarker } from '../../../shared/narrative/overview';
import { type DocumentPart, partHeading, type TocEntry } from './document-part';
import { GOAL_SHEET_TARGETS, type PrintedGoalSheets, goalSheetSections } from './goal-sheet-pages';
import { FONT, FONT_SIZE } from './typography';

export interface DisclosureText {
  readonly scope: string;
  readonly year: number;
  readonly overview: {
    readonly duties: readonly string[];
    readonly dutyMarkerStyle: DutyMarkerStyle;
    readonly organisation: readonly string[];
  };
  readonly narrative: readonly {
    readonly no: string;
    readonly title: string;
    readonly sentences: readonly {
      readonly heading?: string;
      readonly text: string;
      readonly chart?: NarrativeChart;
    }[];
  }[];
  readonly glossary: readonly GlossaryEntry[];
  /** The published 绩效目标表, printed after 十、绩效管理情况; absent: none printed. */
  readonly goalSheets?: PrintedGoalSheets;
}

/** The section of 第三部分 after which the 绩效目标表 are printed (goal-sheets-spec §1). */
const GOAL_SHEETS_AFTER = '十';

const BODY_SIZE = 12;
const HEADING_SIZE = 14;

function paragraph(text: string): Content {
  // Chinese paragraphs open with a two-character indent.
  return { text, fontSize: BODY_SIZE, leadingIndent: BODY_SIZE * 2, lineHeight: 1.4, margin: [0, 0, 0, 4] };
}

const CHART_BAR_WIDTH = 200;
const CHART_BAR_HEIGHT = 9;
const CHART_BAR_COLOR = '#4a6fa5';

/**
 * A horizontal bar chart drawn as vector rectangles: every bar's length is its share of the
 * longest, and its label carries the sentence's own amount and percentage.
 */
function chartBlock(chart: NarrativeChart): Content {
  const longest = Math.max(...chart.bars.map((bar) => bar.amount));
  return {
    unbreakable: true,
    margin: [0, 4, 0, 10],
    stack: [
      {
        text: chart.title,
        font: FONT.sans,
        bold: true,
        fontSize: BODY_SIZE,
        alignment: 'center',
        margin: [0, 0, 0, 4],
      },
      {
        layout: 'noBorders',
        table: {
          widths: [130, CHART_BAR_WIDTH, '*'],
          body: chart.bars.map((bar) => [
            { text: bar.label, fontSize: FONT_SIZE.table, alignment: 'right' },
            {
              // A zero amount draws no bar at all rather than a sliver.
              canvas:
                bar.amount === 0
                  ? []
                  : [
                      {
                        type: 'rect',
                        x: 0,
                        y: 2,
                        w: (CHART_BAR_WIDTH * bar.amount) / longest,
                        h: CHART_BAR_HEIGHT,
                        color: CHART_BAR_COLOR,
                      },
                    ],
            },
            { text: bar.valueText, fontSize: FONT_SIZE.table },
          ]),
        },
      },
    ],
  };
}

function sectionHeading(text: string, id: string): Content {
  return { text, id, font: FONT.sans, bold: true, fontSize: HEADING_SIZE, margin: [0, 8, 0, 6] };
}

function portrait(stack: Content[]): ContentSection {
  return { section: stack, pageOrientation: 'portrait' };
}

export function overviewPart(text: DisclosureText): DocumentPart {
  const heading = '第一部分 概况';
  const duties = `一、本${text.scope}职责`;
  const organisation = '二、机构设置情况';
  return {
    tocEntries: [
      { level: 1, text: heading, target: 'part-overview' },
      { level: 2, text: duties, target: 'overview-duties' },
      { level: 2, text: organisation, target: 'overview-organisation' },
    ],
    sections: [
      portrait([
        partHeading(heading, 'part-overview'),
        sectionHeading(duties, 'overview-duties'),
        ...text.overview.duties.map((duty, index) =>
          paragraph(`${dutyMarker(text.overview.dutyMarkerStyle, index + 1)}${duty}`),
        ),
        sectionHeading(organisation, 'overview-organisation'),
        ...text.overview.organisation.map(paragraph),
      ]),
    ],
  };
}

export function narrativePart(text: DisclosureText): DocumentPart {
  const heading = `第三部分 ${text.year}年度${text.scope}预算情况说明`;
  const id = (no: string) => `narrative-${no}`;
  const sheets = text.goalSheets;
  const hasSheets = sheets !== undefined && (sheets.projects.length > 0 || sheets.wholeUnit !== null);
  // The sections up to 十 on the part's pages; the sheets, each a page group of its own; then
  // the rest of the sections on a new page. Without 十, the sheets close the part.
  const split = text.narrative.findIndex((section) => section.no === GOAL_SHEETS_AFTER) + 1;
  const before = hasSheets && split > 0 ? text.narrative.slice(0, split) : text.narrative;
  const after = hasSheets && split > 0 ? text.narrative.slice(split) : [];
  const sectionContent = (section: DisclosureText['narrative'][number]): Content[] => [
    sectionHeading(`${section.no}、${section.title}`, id(section.no)),
    ...section.sentences.flatMap((sentence) => [
      ...(sentence.heading === undefined ? [] : [paragraph(sentence.heading)]),
      paragraph(sentence.text),
      ...(sentence.chart === undefined ? [] : [chartBlock(sentence.chart)]),
    ]),
  ];
  const sectionEntry = (section: DisclosureText['narrative'][number]): TocEntry => ({
    level: 2,
    text: `${section.no}、${section.title}`,
    target: id(section.no),
  });
  const sheetEntries: TocEntry[] = !hasSheets
    ? []
    : [
        ...(sheets.projects.length === 0
          ? []
          : [{ level: 3 as const, text: '项目支出绩效目标表', target: GOAL_SHEET_TARGETS.projects }]),
        ...(sheets.wholeUnit === null
          ? []
          : [{ level: 3 as const, text: '整体支出绩效目标表', target: GOAL_SHEET_TARGETS.wholeUnit }]),
      ];
  return {
    tocEntries: [
      { level: 1, text: heading, target: 'part-narrative' },
      ...before.map(sectionEntry),
      ...sheetEntries,
      ...after.map(sectionEntry),
    ],
    sections: [
      portrait([partHeading(heading, 'part-narrative'), ...before.flatMap(sectionContent)]),
      ...(hasSheets ? goalSheetSections(sheets) : []),
      ...(after.length === 0 ? [] : [portrait(after.flatMap(sectionContent))]),
    ],
  };
}

export function glossaryPart(text: DisclosureText): DocumentPart {
  const heading = '第四部分 名词解释';
  return {
    tocEntries: [{ level: 1, text: heading, target: 'part-glossary' }],
    sections: [
      portrait([
        partHeading(heading, 'part-glossary'),
        ...text.glossary.map((entry, index) => ({
          text: [
            { text: `${index + 1}. ${entry.term}：`, bold: true, font: FONT.sans },
            { text: entry.definition },
          ],
          fontSize: BODY_SIZE,
          lineHeight: 1.4,
          margin: [0, 0, 0, 6] as [number, number, number, number],
        })),
      ]),
    ],
  };
}
