import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SEVERITIES } from '../../../shared/checks/types';
import type { BatchFinding, BatchTask, UnitResult } from './process-unit';

export interface SummaryColumn<Row> {
  readonly header: string;
  /** Excel column width, in characters. */
  readonly width: number;
  readonly value: (row: Row) => string | number;
}

/** One line per unit, as the console and the summary workbook show it. */
export function unitColumns(task: BatchTask['kind']): SummaryColumn<UnitResult>[] {
  return [
    { header: '文件', width: 36, value: (result) => result.unit.fileLabel },
    { header: '单位名称', width: 30, value: (result) => result.unitName ?? '' },
    { header: '年度', width: 8, value: (result) => result.year ?? '' },
    { header: '状态', width: 10, value: (result) => result.status },
    ...SEVERITIES.map((severity) => ({
      header: severity,
      width: 8,
      value: (result: UnitResult) => result.counts?.[severity] ?? '',
    })),
    ...(task === 'export'
      ? [
          {
            header: 'PDF',
            width: 30,
            value: (result: UnitResult) =>
              result.pdf === null
                ? '未导出'
                : `${path.basename(result.pdf.file)}（${result.pdf.pageCount} 页）`,
          },
        ]
      : []),
    { header: '说明', width: 80, value: (result) => result.note ?? '' },
  ];
}

interface FindingRow {
  readonly result: UnitResult;
  readonly finding: BatchFinding;
}

const FINDING_COLUMNS: readonly SummaryColumn<FindingRow>[] = [
  { header: '单位', width: 30, value: ({ result }) => result.unitName ?? '' },
  { header: '文件', width: 36, value: ({ result }) => result.unit.fileLabel },
  { header: '规则', width: 8, value: ({ finding }) => finding.ruleId },
  { header: '严重程度', width: 10, value: ({ finding }) => finding.severity },
  { header: '说明', width: 100, value: ({ finding }) => finding.message },
  { header: '位置', width: 50, value: ({ finding }) => finding.location },
];

function addSheet<Row>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SummaryColumn<Row>[],
  rows: readonly Row[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(columns.map((column) => column.value(row)).map((value) => (value === '' ? null : value)));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/**
 * The batch's summary workbook: 汇总 (one row per unit) and 审核结果 (every finding of every
 * unit). Written beside the target and moved into place when complete.
 */
export async function writeSummaryXlsx(
  file: string,
  task: BatchTask['kind'],
  results: readonly UnitResult[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addSheet(workbook, '汇总', unitColumns(task), results);
  addSheet(
    workbook,
    '审核结果',
    FINDING_COLUMNS,
    results.flatMap((result) => result.findings.map((finding) => ({ result, finding }))),
  );
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.partial`);
  try {
    await workbook.xlsx.writeFile(partial);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
