/**
 * Last year's disclosure in this year's workbook: its document is kept whole, the 情况说明's
 * previous-year figures are filled from it, and the year-over-year comparison reads it.
 *
 * The UI calls `readLastYearDocument` (async: a template is parsed), shows `planLastYearImport`
 * (what would change, and whether the user must confirm another unit's file), then
 * `importLastYear`: one undoable edit.
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  PREVIOUS_YEAR_FIGURES,
  type PreviousYearFigureKey,
  type PreviousYearSource,
  type PreviousYearStatus,
  figureCell,
  figureDefinition,
  figureValue,
  previousYearFiguresOf,
  previousYearStatus,
} from '../../../shared/last-year/figures';
import { type YearOverYearReport, yearOverYear } from '../../../shared/last-year/year-over-year';
import { FEN_PER_PRINTED_CENT, type Fen, formatWanYuan, toPrintedCents } from '../../../shared/money';
import { type EvaluatedWorkbook, evaluateWorkbook } from '../../../shared/workbook/evaluate';
import type { Workbook } from '../workbook/workbook';
import { DOCUMENT_INPUT_KEYS } from '../workbook/workbook-store';
import type { LastYearDocument } from './last-year-document';

export interface PreviousYearFigureChange {
  readonly key: PreviousYearFigureKey;
  readonly label: string;
  readonly section: string;
  readonly before: Fen | null;
  readonly after: Fen;
}

export interface LastYearPlan {
  readonly source: Omit<PreviousYearSource, 'importedAt'>;
  /** Every previous-year figure: what the 情况说明 has now and what it will have. */
  readonly figures: readonly PreviousYearFigureChange[];
  /** Set when the file is another unit's (or scope's): importing needs the user's confirmation. */
  readonly confirmation: string | null;
  readonly warnings: readonly string[];
}

/** Beyond this ratio between the years' totals, the amount unit (万元/元) is probably wrong. */
const IMPLAUSIBLE_RATIO = 100;

/**
 * What importing `document` would do. Refuses a file that is not of the year before the
 * workbook's; another unit's file needs confirmation (a unit renamed by 机构改革 is the same unit).
 */
export function planLastYearImport(workbook: Workbook, document: LastYearDocument): LastYearPlan {
  const current = workbook.content().profile;
  const last = document.content.profile;
  const fileName = path.basename(document.filePath);
  if (last.year !== current.year - 1) {
    throw new AppError(
      'WRONG_YEAR',
      `“${fileName}”是 ${last.year} 年的预算公开（${last.name}），本工作簿是 ${current.year} 年，` +
        `上年数据应取自 ${current.year - 1} 年的文件。未导入。`,
      { file: document.filePath },
    );
  }
  const confirmation =
    last.name === current.name && last.scope === current.scope
      ? null
      : `“${fileName}”是“${last.name}”的${last.scope}预算公开，本工作簿是“${current.name}”的${current.scope}预算公开。` +
        `如确为同一${current.scope}（例如机构更名或改制），请确认后再导入。`;
  const figures = previousYearFiguresOf(evaluateWorkbook(document.content));
  const existing = workbook.narrativeInputs().previousYear;
  const warnings: string[] = [];
  const lastIncome = toPrintedCents(figures.incomeTotal ?? 0);
  const currentIncome = toPrintedCents(figureCell(workbook.evaluate(), figureDefinition('incomeTotal')));
  if (
    lastIncome > 0 &&
    currentIncome > 0 &&
    (lastIncome > currentIncome * IMPLAUSIBLE_RATIO || currentIncome > lastIncome * IMPLAUSIBLE_RATIO)
  ) {
    warnings.push(
      `上年预算收入总计 ${formatWanYuan(figures.incomeTotal)} 万元与本年 ${formatWanYuan(currentIncome * FEN_PER_PRINTED_CENT)} 万元相差百倍以上，请核对上年文件的金额单位是否为万元。`,
    );
  }
  return {
    source: {
      fileName,
      filePath: document.filePath,
      kind: document.kind,
      unitName: last.name,
      scope: last.scope,
      year: last.year,
    },
    figures: PREVIOUS_YEAR_FIGURES.map((figure) => ({
      key: figure.key,
      label: figure.label,
      section: figure.section,
      before: figureValue(existing, figure.key),
      after: figureValue(figures, figure.key) ?? 0,
    })),
    confirmation,
    warnings,
  };
}

/**
 * Keeps last year's document in the workbook and fills the 情况说明's previous-year figures
 * from it, replacing what was typed: one undoable edit. Another unit's file is refused unless
 * `confirmOtherUnit`.
 */
export function importLastYear(
  workbook: Workbook,
  document: LastYearDocument,
  options: { readonly confirmOtherUnit?: boolean; readonly importedAt?: Date } = {},
): LastYearPlan {
  const plan = planLastYearImport(workbook, document);
  if (plan.confirmation !== null && options.confirmOtherUnit !== true) {
    throw new AppError('NEEDS_CONFIRMATION', plan.confirmation, { file: document.filePath });
  }
  const source: PreviousYearSource = {
    ...plan.source,
    importedAt: (options.importedAt ?? new Date()).toISOString(),
  };
  const inputs = workbook.narrativeInputs();
  workbook.edit(`导入上年数据 ${plan.source.fileName}`, (store) => {
    store.writePreviousYear({ source, content: document.content });
    store.writeDocumentInput(DOCUMENT_INPUT_KEYS.narrative, {
      ...inputs,
      previousYear: previousYearFiguresOf(evaluateWorkbook(document.content)),
    });
  });
  return plan;
}

function statusWith(workbook: Workbook, lastYear: EvaluatedWorkbook | null): PreviousYearStatus {
  return previousYearStatus(
    workbook.narrativeInputs().previousYear,
    workbook.previousYear()?.source ?? null,
    lastYear === null ? null : previousYearFiguresOf(lastYear),
  );
}

function lastYearEvaluated(workbook: Workbook): EvaluatedWorkbook | null {
  const record = workbook.previousYear();
  return record === null ? null : evaluateWorkbook(record.content);
}

/** The previous-year figures, each with where it came from: for the 情况说明 editor. */
export function previousYearStatusOf(workbook: Workbook): PreviousYearStatus {
  return statusWith(workbook, lastYearEvaluated(workbook));
}

/** Year-over-year changes of the figures and of every table row, for the app. */
export function yearOverYearOf(workbook: Workbook): YearOverYearReport {
  const lastYear = lastYearEvaluated(workbook);
  return yearOverYear(workbook.evaluate(), statusWith(workbook, lastYear), lastYear);
}
