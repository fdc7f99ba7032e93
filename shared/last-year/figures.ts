/**
 * The previous-year figures the 情况说明 compares with (document-spec.md §4.13), each with the
 * table cell that holds it: last year's document gives it from that cell, and this year's
 * counterpart is the same cell of this year's tables.
 */
import type { Fen } from '../money';
import type { NarrativeInputs } from '../narrative/inputs';
import type { Scope, TableKey } from '../tables/types';
import type { EvaluatedWorkbook } from '../workbook/evaluate';

export type PreviousYearFigures = NarrativeInputs['previousYear'];
type ThreePublicKey = keyof PreviousYearFigures['threePublic'];
export type PreviousYearFigureKey =
  Exclude<keyof PreviousYearFigures, 'threePublic'> | `threePublic.${ThreePublicKey}`;

export interface PreviousYearFigureDefinition {
  readonly key: PreviousYearFigureKey;
  /** As the 情况说明 names it. */
  readonly label: string;
  /** The 情况说明 section that states the change. */
  readonly section: string;
  readonly table: TableKey;
  readonly row: string;
  readonly column: string;
}

export const PREVIOUS_YEAR_FIGURES: readonly PreviousYearFigureDefinition[] = [
  {
    key: 'incomeTotal',
    label: '预算收入总计',
    section: '一',
    table: 't1',
    row: 'incomeGrandTotal',
    column: 'amount',
  },
  {
    key: 'expenditureTotal',
    label: '预算支出总计',
    section: '一',
    table: 't1',
    row: 'expenditureGrandTotal',
    column: 'total',
  },
  {
    key: 'generalBudgetCurrent',
    label: '一般公共预算当年拨款（不含上年结转）',
    section: '五',
    table: 't5',
    row: 'total',
    column: 'total',
  },
  {
    key: 'threePublic.abroad',
    label: '因公出国（境）费',
    section: '七',
    table: 't10',
    row: 'abroad',
    column: 'total',
  },
  {
    key: 'threePublic.reception',
    label: '公务接待费',
    section: '七',
    table: 't10',
    row: 'reception',
    column: 'total',
  },
  {
    key: 'threePublic.vehiclePurchase',
    label: '公务用车购置费',
    section: '七',
    table: 't10',
    row: 'vehiclePurchase',
    column: 'total',
  },
  {
    key: 'threePublic.vehicleOperation',
    label: '公务用车运行维护费',
    section: '七',
    table: 't10',
    row: 'vehicleOperation',
    column: 'total',
  },
  {
    key: 'operatingCosts',
    label: '机关运行经费',
    section: '八',
    table: 't11',
    row: 'total',
    column: 'total',
  },
];

/** The value of a figure's cell; a blank cell is zero, as the published table shows nothing. */
export function figureCell(evaluated: EvaluatedWorkbook, figure: PreviousYearFigureDefinition): Fen {
  return evaluated[figure.table].rows.find((row) => row.key === figure.row)?.cells[figure.column]?.fen ?? 0;
}

export function figureValue(figures: PreviousYearFigures, key: PreviousYearFigureKey): Fen | null {
  if (key.startsWith('threePublic.')) return figures.threePublic[key.slice(12) as ThreePublicKey];
  return figures[key as Exclude<PreviousYearFigureKey, `threePublic.${string}`>];
}

export function figureDefinition(key: PreviousYearFigureKey): PreviousYearFigureDefinition {
  const figure = PREVIOUS_YEAR_FIGURES.find((candidate) => candidate.key === key);
  if (!figure) throw new Error(`未定义的上年数：${key}`);
  return figure;
}

/** The previous-year figures as last year's tables give them. */
export function previousYearFiguresOf(lastYear: EvaluatedWorkbook): PreviousYearFigures {
  const value = (key: PreviousYearFigureKey): Fen => figureCell(lastYear, figureDefinition(key));
  return {
    incomeTotal: value('incomeTotal'),
    expenditureTotal: value('expenditureTotal'),
    generalBudgetCurrent: value('generalBudgetCurrent'),
    threePublic: {
      abroad: value('threePublic.abroad'),
      reception: value('threePublic.reception'),
      vehiclePurchase: value('threePublic.vehiclePurchase'),
      vehicleOperation: value('threePublic.vehicleOperation'),
    },
    operatingCosts: value('operatingCosts'),
  };
}

/** Where the previous-year figures came from: shown beside them in the 情况说明 editor. */
export interface PreviousYearSource {
  /** The file's name, as the user knows it. */
  readonly fileName: string;
  /** The full path at the time of the import. */
  readonly filePath: string;
  readonly kind: 'workbook' | 'tablesXlsx' | 'tablesJson';
  readonly unitName: string;
  readonly scope: Scope;
  readonly year: number;
  /** ISO 8601. */
  readonly importedAt: string;
}

/**
 * A previous-year figure as the 情况说明 uses it: `file` when it is what the imported document
 * gives, `typed` when entered (or changed) by hand, `none` when there is none.
 */
export interface PreviousYearFigureStatus {
  readonly key: PreviousYearFigureKey;
  readonly label: string;
  readonly section: string;
  readonly value: Fen | null;
  /** What the imported document gives, when one was imported. */
  readonly fileValue: Fen | null;
  readonly origin: 'file' | 'typed' | 'none';
}

export interface PreviousYearStatus {
  readonly source: PreviousYearSource | null;
  readonly figures: readonly PreviousYearFigureStatus[];
}

export function previousYearStatus(
  figures: PreviousYearFigures,
  source: PreviousYearSource | null,
  fromFile: PreviousYearFigures | null,
): PreviousYearStatus {
  return {
    source,
    figures: PREVIOUS_YEAR_FIGURES.map((figure) => {
      const value = figureValue(figures, figure.key);
      const fileValue = fromFile === null ? null : figureValue(fromFile, figure.key);
      const origin = value === null ? 'none' : fromFile !== null && value === fileValue ? 'file' : 'typed';
      return {
        key: figure.key,
        label: figure.label,
        section: figure.section,
        value,
        fileValue,
        origin,
      };
    }),
  };
}
