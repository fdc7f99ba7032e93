import path from 'node:path';
import type { Finding } from '../../../shared/checks/engine';
import type { Severity } from '../../../shared/checks/types';
import { AppError } from '../../../shared/errors';
import type { DisclosureOptions } from '../export-pdf/disclosure-document';
import { Workbook } from '../workbook/workbook';
import { describeCell } from '../../../shared/workbook/describe';
import type { KeepImportedAt, OpenedUnit } from './import-templates';
import type { BatchUnit, UnitSource } from './units';

export type BatchTask =
  | { readonly kind: 'check' }
  | {
      readonly kind: 'export';
      readonly outputFolder: string;
      readonly pdfKind: DisclosureOptions['kind'];
      readonly figures: DisclosureOptions['figures'];
      readonly watermarkText?: string;
      /** Templates are imported into `<name>.ysgk` in the output folder; an existing one is replaced only if set. */
      readonly replaceWorkbooks: boolean;
    };

/** 通过: no 错误. A unit that could not be read or exported says why in its note. */
export type UnitStatus = '通过' | '有错误' | '打开失败' | '导入失败' | '导出失败';

export interface BatchFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** The first cell compared, in the words a user finds it by; empty for text and structure. */
  readonly location: string;
}

export interface UnitResult {
  readonly unit: BatchUnit;
  /** From the workbook's profile; null when it could not be read. */
  readonly unitName: string | null;
  readonly year: number | null;
  readonly status: UnitStatus;
  /** Null when the unit could not be checked. */
  readonly counts: Readonly<Record<Severity, number>> | null;
  readonly findings: readonly BatchFinding[];
  /** The Chinese error of a failed unit, naming its file, or what else the officer must know. */
  readonly note: string | null;
  readonly pdf: { readonly file: string; readonly pageCount: number; readonly bytes: number } | null;
  readonly ms: number;
}

/**
 * The unit's workbook: opened in place, or imported from its templates. A pool thread loads
 * the spreadsheet reader only once it meets templates, and the PDF renderer only to export.
 */
async function openUnit(
  source: Exclude<UnitSource, { kind: 'unusable' }>,
  keepAt: KeepImportedAt | null,
): Promise<OpenedUnit> {
  if (source.kind === 'workbook') {
    const workbook = Workbook.open(source.file);
    return { workbook, unmatchedSheets: [], release: () => workbook.close() };
  }
  const { importTemplates } = await import('./import-templates');
  return importTemplates(source, keepAt);
}

/** The error's Chinese message, prefixed with the unit's files unless it names one already. */
function errorText(error: unknown, unit: BatchUnit): string {
  const message =
    error instanceof AppError
      ? error.message
      : `程序内部错误：${error instanceof Error ? error.message : String(error)}`;
  const files = unit.fileLabel.split(' + ');
  return files.some((file) => message.includes(file)) ? message : `${unit.fileLabel}：${message}`;
}

function batchFindings(workbook: Workbook, findings: readonly Finding[]): BatchFinding[] {
  const evaluated = workbook.evaluate();
  return findings.map((finding) => {
    const cell = finding.cells[0];
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      location: cell === undefined ? '' : describeCell(evaluated[cell.table], cell),
    };
  });
}

function countsOf(findings: readonly BatchFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { 错误: 0, 提示: 0, 信息: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function unmatchedNote(sheets: readonly string[]): string | null {
  return sheets.length === 0 ? null : `以下绩效目标表找不到对应的表十二项目，未导入：${sheets.join('、')}`;
}

/** A unit that could not be opened or imported: 打开失败 for a workbook, 导入失败 for templates. */
export function failedUnit(unit: BatchUnit, note: string, ms = 0): UnitResult {
  return {
    unit,
    unitName: null,
    year: null,
    status: unit.source.kind === 'workbook' ? '打开失败' : '导入失败',
    counts: null,
    findings: [],
    note,
    pdf: null,
    ms,
  };
}

/**
 * Checks one unit, and exports its PDF when the task says so. Never throws: whatever goes
 * wrong is the unit's status and note, so one bad file does not stop a batch. Runs in a
 * batch pool thread (or, for a comparison, in the calling thread).
 */
export async function processUnit(unit: BatchUnit, task: BatchTask): Promise<UnitResult> {
  const start = performance.now();
  const failed = (error: unknown) => failedUnit(unit, errorText(error, unit), performance.now() - start);
  const { source } = unit;
  if (source.kind === 'unusable') return failedUnit(unit, source.problem);
  const keepAt =
    task.kind === 'export' && source.kind === 'templates'
      ? { file: path.join(task.outputFolder, `${unit.name}.ysgk`), replace: task.replaceWorkbooks }
      : null;
  let opened: OpenedUnit;
  try {
    opened = await openUnit(source, keepAt);
  } catch (error) {
    return failed(error);
  }
  try {
    const { workbook } = opened;
    const { name, year } = workbook.content().profile;
    const findings = batchFindings(workbook, workbook.findings());
    const counts = countsOf(findings);
    const checked: UnitResult = {
      unit,
      unitName: name,
      year,
      status: counts.错误 > 0 ? '有错误' : '通过',
      counts,
      findings,
      note: unmatchedNote(opened.unmatchedSheets),
      pdf: null,
      ms: 0,
    };
    const done = (fields: Partial<UnitResult>): UnitResult => ({
      ...checked,
      ...fields,
      ms: performance.now() - start,
    });
    if (task.kind === 'check') return done({});
    const pdfFile = path.join(task.outputFolder, `${unit.name}.pdf`);
    try {
      const { exportDisclosurePdf } = await import('../export-pdf/export-disclosure-pdf');
      const exported = await exportDisclosurePdf(
        workbook,
        {
          outputFile: pdfFile,
          kind: task.pdfKind,
          figures: task.figures,
          ...(task.watermarkText === undefined ? {} : { watermarkText: task.watermarkText }),
        },
        { inThisThread: true },
      );
      return done({ pdf: { file: pdfFile, pageCount: exported.pageCount, bytes: exported.bytes } });
    } catch (error) {
      const note = [checked.note, errorText(error, unit)].filter((text) => text !== null).join('；');
      // A final export refused for 错误 is the unit's 审核 result, not a failure to export.
      if (error instanceof AppError && error.code === 'FINAL_EXPORT_BLOCKED') return done({ note });
      return done({ status: '导出失败', note });
    }
  } catch (error) {
    return failed(error);
  } finally {
    opened.release();
  }
}
