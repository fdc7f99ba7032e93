/**
 * 第一部分 概况 (document-spec.md §3): 职责 as an ordered list of items, and 机构设置 as
 * structured facts, from which the standard sentences are generated, followed by free text.
 */
import type { Finding } from '../checks/engine';

export const DUTY_MARKER_STYLES = ['（一）', '(一)', '1.', 'none'] as const;
export type DutyMarkerStyle = (typeof DUTY_MARKER_STYLES)[number];

export interface Overview {
  readonly duties: readonly string[];
  readonly dutyMarkerStyle: DutyMarkerStyle;
  /** 编制 by kind: 行政编制 6, 事业编制 57 … */
  readonly establishment: readonly { readonly kind: string; readonly count: number }[];
  /** 实有人数 at a date, with its breakdown (局长 1, 副局长 1, 科员 4). */
  readonly headcount: {
    readonly asOf: string;
    readonly total: number;
    readonly breakdown: readonly { readonly label: string; readonly count: number }[];
  } | null;
  /** 内设机构 and their level (正科, 副科, 股). */
  readonly internalUnits: readonly { readonly name: string; readonly level: string }[];
  readonly organisationText: string;
}

export const EMPTY_OVERVIEW: Overview = {
  duties: [],
  dutyMarkerStyle: '（一）',
  establishment: [],
  headcount: null,
  internalUnits: [],
  organisationText: '',
};

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 11 → 十一, 23 → 二十三 (duty lists stay far below 100). */
function chineseNumber(value: number): string {
  if (value <= 10) return CHINESE_DIGITS[value] ?? String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : (CHINESE_DIGITS[tens] ?? '')}十${ones === 0 ? '' : (CHINESE_DIGITS[ones] ?? '')}`;
}

export function dutyMarker(style: DutyMarkerStyle, position: number): string {
  switch (style) {
    case '（一）':
      return `（${chineseNumber(position)}）`;
    case '(一)':
      return `(${chineseNumber(position)})`;
    case '1.':
      return `${position}. `;
    case 'none':
      return '';
  }
}

/** Markers users paste with: （一） (一) 一、 1. 1、 (1) （1）. */
const ITEM_MARKER =
  /(?:^|\n)\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])\s*/gu;

/**
 * Splits pasted duties text into items at its markers, whatever their style, so that the
 * document prints them in one style. Text without markers is one item per paragraph.
 */
export function splitDuties(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return [];
  const hasMarkers = (normalised.match(ITEM_MARKER) ?? []).length > 0;
  const parts = hasMarkers ? normalised.split(ITEM_MARKER) : normalised.split(/\n+/);
  return parts.map((part) => part.replace(/\s*\n\s*/g, '').trim()).filter((part) => part !== '');
}

/** 核定行政编制6名，…；截至…实有人数6人（局长1人、…）；内设4个股级科室：… */
export function organisationSentences(overview: Overview): string[] {
  const sentences: string[] = [];
  if (overview.establishment.length > 0) {
    sentences.push(
      `核定${overview.establishment.map((entry) => `${entry.kind}${entry.count}名`).join('，')}。`,
    );
  }
  if (overview.headcount) {
    const breakdown = overview.headcount.breakdown
      .map((entry) => `${entry.label}${entry.count}人`)
      .join('、');
    sentences.push(
      `截至${overview.headcount.asOf}实有人数${overview.headcount.total}人${breakdown === '' ? '' : `（${breakdown}）`}。`,
    );
  }
  const byLevel = new Map<string, string[]>();
  for (const unit of overview.internalUnits)
    byLevel.set(unit.level, [...(byLevel.get(unit.level) ?? []), unit.name]);
  for (const [level, names] of byLevel) {
    sentences.push(`内设${names.length}个${level}科室：${names.join('、')}。`);
  }
  return sentences;
}

/** 审核 of the structured facts: the breakdown adds up, and 实有 is counted at the year-end before. */
export function overviewFindings(overview: Overview, budgetYear: number): Finding[] {
  const findings: Finding[] = [];
  const headcount = overview.headcount;
  if (headcount) {
    const sum = headcount.breakdown.reduce((total, entry) => total + entry.count, 0);
    if (headcount.breakdown.length > 0 && sum !== headcount.total) {
      findings.push({
        ruleId: 'G1',
        severity: '错误',
        isRounding: false,
        message: `机构设置：实有人数 ${headcount.total} 人，分项合计 ${sum} 人`,
        cells: [],
      });
    }
    const expectedDate = `${budgetYear - 1}年12月31日`;
    if (headcount.asOf !== expectedDate) {
      findings.push({
        ruleId: 'G2',
        severity: '提示',
        isRounding: false,
        message: `机构设置：实有人数的统计日期为“${headcount.asOf}”，通常应为${expectedDate}`,
        cells: [],
      });
    }
  }
  return findings;
}
