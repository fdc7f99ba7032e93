/**
 * The charts of 第三部分 (document-spec §7): each drawn from the figures of the sentence it
 * follows, so a chart's amounts and percentages are the sentence's, never computed twice.
 */
import type { Fen } from '../money';
import { THREE_PUBLIC_EXPENSE_ROWS } from '../tables/vocabulary';
import { amountText, percentText } from './format';
import type { GeneratedSentence } from './generate';

export interface ChartBar {
  readonly label: string;
  readonly amount: Fen;
  /** `A万元 P%`, as the sentence prints them. */
  readonly valueText: string;
}

export interface NarrativeChart {
  readonly title: string;
  readonly bars: readonly ChartBar[];
}

interface ListedItem {
  readonly label: string;
  readonly amount: Fen;
  readonly percent: string;
}

interface ThreePublicFigures {
  readonly none: boolean;
  readonly total?: Fen;
  readonly items?: readonly { readonly key: string; readonly amount: Fen }[];
}

const bar = (label: string, amount: Fen, percent: string): ChartBar => ({
  label,
  amount,
  valueText: `${amountText(amount)}万元 ${percent}%`,
});

const listedBars = (figures: GeneratedSentence['figures']): ChartBar[] =>
  ((figures['items'] ?? []) as readonly ListedItem[])
    .filter((item) => item.amount !== 0)
    .map((item) => bar(item.label, item.amount, item.percent));

const threePublicLabel = (key: string): string =>
  THREE_PUBLIC_EXPENSE_ROWS.find((row) => row.key === key)?.label.replace(/^[①②]/, '') ?? key;

/** Which sentence each chart follows, and how its bars come from that sentence's figures. */
export const NARRATIVE_CHARTS: readonly {
  readonly sentenceId: string;
  readonly title: string;
  readonly bars: (figures: GeneratedSentence['figures']) => ChartBar[];
}[] = [
  { sentenceId: 'income', title: '收入预算图', bars: listedBars },
  { sentenceId: 'generalBudget.structure', title: '一般公共预算当年拨款结构图', bars: listedBars },
  {
    sentenceId: 'threePublic',
    title: '三公经费分布图',
    bars: (figures) => {
      const { none, total = 0, items = [] } = figures as unknown as ThreePublicFigures;
      if (none || total === 0) return [];
      return items.map((item) =>
        bar(threePublicLabel(item.key), item.amount, percentText(item.amount, total) ?? '0'),
      );
    },
  },
];

/** The chart printed after a sentence, or null (no chart, or nothing to draw: omitted). */
export function chartAfter(sentence: Pick<GeneratedSentence, 'id' | 'figures'>): NarrativeChart | null {
  const chart = NARRATIVE_CHARTS.find((candidate) => candidate.sentenceId === sentence.id);
  const bars = chart?.bars(sentence.figures) ?? [];
  return chart === undefined || bars.length === 0 ? null : { title: chart.title, bars };
}
