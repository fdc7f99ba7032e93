/**
 * Year-over-year changes, as plain data for the app: the 情况说明's previous-year figures against
 * this year's, and every row of the thirteen tables against last year's row of the same name
 * (科目编码, fixed row, unit, project). Changes and percentages are worked on the printed
 * figures (0.01 万元), as the 情况说明 states them.
 */
import { type Fen, FEN_PER_PRINTED_CENT, toPrintedCents } from '../money';
import { percentText } from '../narrative/format';
import { type RowSide, columnsOfSide } from '../tables/definitions';
import { TABLE_KEYS, type TableKey } from '../tables/types';
import type { EvaluatedRow, EvaluatedTable, EvaluatedWorkbook } from '../workbook/evaluate';
import { rowLabel } from '../workbook/describe';
import {
  PREVIOUS_YEAR_FIGURES,
  type PreviousYearFigureKey,
  type PreviousYearSource,
  type PreviousYearStatus,
  figureCell,
} from './figures';

export interface YearOverYearChange {
  readonly lastYear: Fen | null;
  readonly thisYear: Fen | null;
  /** This year − last year as printed, in 分 (whole 0.01 万元); null when both are blank. */
  readonly change: Fen | null;
  /** The change in percent of last year, signed, two decimals (`-6.80`); null without last year. */
  readonly percent: string | null;
}

export interface YearOverYearFigure extends YearOverYearChange {
  readonly key: PreviousYearFigureKey;
  readonly label: string;
  readonly origin: 'file' | 'typed' | 'none';
}

export interface YearOverYearLine extends YearOverYearChange {
  /** The row's name in both years: 科目编码, fixed row key, `unit:名称`, `名称/项目名称` … */
  readonly key: string;
  readonly label: string;
  readonly level: number;
  readonly presence: 'both' | 'thisYearOnly' | 'lastYearOnly';
}

export interface YearOverYearTable {
  readonly table: TableKey;
  /** 表二 */
  readonly name: string;
  /** This year's title. */
  readonly title: string;
  /** The column compared, e.g. 合计 (表一/表四/表九: the expenditure half's; the income half
   * compares its amount column). */
  readonly column: string;
  readonly lines: readonly YearOverYearLine[];
}

export interface YearOverYearReport {
  readonly year: number;
  readonly source: PreviousYearSource | null;
  /** The 情况说明's figures: from the imported document or typed. */
  readonly figures: readonly YearOverYearFigure[];
  /** Empty until last year's document is imported. */
  readonly tables: readonly YearOverYearTable[];
}

/** The column compared on each side of a table: its 合计 (表一/表四 收入 and 支出 halves apart). */
const COMPARED_COLUMN: Readonly<Record<TableKey, Readonly<Partial<Record<RowSide, string>>>>> = {
  t1: { income: 'amount', expenditure: 'total' },
  t2: { main: 'total' },
  t3: { main: 'total' },
  t4: { income: 'amount', expenditure: 'subtotal' },
  t5: { main: 'total' },
  t6: { main: 'total' },
  t7: { main: 'amount' },
  t8: { main: 'total' },
  t9: { income: 'incAmount', expenditure: 'total', both: 'total' },
  t10: { main: 'total' },
  t11: { main: 'total' },
  t12: { main: 'total' },
  t13: { main: 'total' },
};

export function yearOverYearChange(thisYear: Fen | null, lastYear: Fen | null): YearOverYearChange {
  if (thisYear === null && lastYear === null) return { lastYear, thisYear, change: null, percent: null };
  const delta = toPrintedCents(thisYear ?? 0) - toPrintedCents(lastYear ?? 0);
  const magnitude = percentText(Math.abs(delta) * FEN_PER_PRINTED_CENT, lastYear);
  const percent = magnitude === null ? null : `${delta < 0 ? '-' : ''}${magnitude}`;
  return { lastYear, thisYear, change: delta * FEN_PER_PRINTED_CENT, percent };
}

interface NamedRow {
  readonly key: string;
  readonly label: string;
  readonly level: number;
  readonly fen: Fen | null;
}

/**
 * Each row under a name that holds across years: unit and economic rows by their text, since
 * their keys are ids of one workbook; a name printed twice gets its occurrence number.
 */
function namedRows(table: EvaluatedTable): NamedRow[] {
  const byKey = new Map(table.rows.map((row) => [row.key, row]));
  const seen = new Map<string, number>();
  const column = COMPARED_COLUMN[table.definition.key];
  return table.rows.map((row) => {
    let name = nameOf(row, byKey);
    const occurrence = (seen.get(name) ?? 0) + 1;
    seen.set(name, occurrence);
    if (occurrence > 1) name = `${name}#${occurrence}`;
    const columnKey = column[row.side] ?? column.main ?? 'total';
    return {
      key: name,
      label: rowLabel(row, row.key),
      level: row.level,
      fen: row.cells[columnKey]?.fen ?? null,
    };
  });
}

function nameOf(row: EvaluatedRow, byKey: ReadonlyMap<string, EvaluatedRow>): string {
  switch (row.kind) {
    case 'economic':
      return `econ:${row.labels['deptEcon'] ?? ''}|${row.labels['govEcon'] ?? ''}`;
    case 'unit':
      return `unit:${row.labels['unitName'] ?? row.labels['name'] ?? ''}`;
    case 'project': {
      const parent = row.parentKey === null ? undefined : byKey.get(row.parentKey);
      const unit = parent?.kind === 'unit' ? (parent.labels['name'] ?? '') : '';
      return `${unit}/${row.labels['name'] ?? ''}`;
    }
    default:
      return row.key;
  }
}

/** This year's rows in order; a row only last year had follows the row it followed then. */
function compareTable(thisYear: EvaluatedTable, lastYear: EvaluatedTable): YearOverYearTable {
  const current = namedRows(thisYear);
  const previous = namedRows(lastYear);
  const previousByKey = new Map(previous.map((row) => [row.key, row]));
  const currentKeys = new Set(current.map((row) => row.key));
  const lines: YearOverYearLine[] = current.map((row) => {
    const before = previousByKey.get(row.key);
    return {
      key: row.key,
      label: row.label,
      level: row.level,
      presence: before === undefined ? 'thisYearOnly' : 'both',
      ...yearOverYearChange(row.fen, before?.fen ?? null),
    };
  });
  let anchor = -1;
  for (const row of previous) {
    if (currentKeys.has(row.key)) {
      anchor = lines.findIndex((line) => line.key === row.key);
      continue;
    }
    lines.splice(anchor + 1, 0, {
      key: row.key,
      label: row.label,
      level: row.level,
      presence: 'lastYearOnly',
      ...yearOverYearChange(null, row.fen),
    });
    anchor += 1;
  }
  const { definition } = thisYear;
  const compared = COMPARED_COLUMN[definition.key];
  const side = compared.main === undefined ? 'expenditure' : 'main';
  const header = columnsOfSide(definition, side).find((column) => column.key === compared[side]);
  return {
    table: definition.key,
    name: definition.shortName,
    title: thisYear.title,
    column: (header?.header.at(-1) ?? '合计').replaceAll('{year}', String(thisYear.year)),
    lines,
  };
}

/** The report: figures from the 情况说明's inputs, tables when last year's tables are known. */
export function yearOverYear(
  thisYear: EvaluatedWorkbook,
  status: PreviousYearStatus,
  lastYear: EvaluatedWorkbook | null,
): YearOverYearReport {
  const figures = PREVIOUS_YEAR_FIGURES.map((figure): YearOverYearFigure => {
    const known = status.figures.find((candidate) => candidate.key === figure.key);
    return {
      key: figure.key,
      label: figure.label,
      origin: known?.origin ?? 'none',
      ...yearOverYearChange(figureCell(thisYear, figure), known?.value ?? null),
    };
  });
  return {
    year: thisYear.t1.year,
    source: status.source,
    figures,
    tables: lastYear === null ? [] : TABLE_KEYS.map((key) => compareTable(thisYear[key], lastYear[key])),
  };
}
