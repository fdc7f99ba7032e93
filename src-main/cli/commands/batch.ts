import fs from 'node:fs';
import path from 'node:path';
import { SEVERITIES } from '../../../shared/checks/types';
import { AppError } from '../../../shared/errors';
import type { BatchTask, UnitResult, UnitStatus } from '../../services/batch/process-unit';
import { runBatch } from '../../services/batch/run-batch';
import { existingFolder } from '../../services/existing-folder';
import { type SummaryColumn, unitColumns, writeSummaryXlsx } from '../../services/batch/summary';
import { EXPORT_SUMMARY_NAME, unitsInFolder } from '../../services/batch/units';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';
import { displayWidth, padEnd, padStart } from '../text-width';

const STATUSES: readonly UnitStatus[] = ['通过', '有错误', '打开失败', '导入失败', '导出失败'];

/** Whether two paths name one folder: through a link, or spelt in another case on Windows. */
function isSameFolder(a: string, b: string): boolean {
  const real = (folder: string) =>
    fs.existsSync(folder) ? fs.realpathSync.native(folder) : path.resolve(folder);
  const [first, second] = [real(a), real(b)];
  return process.platform === 'win32' ? first.toLowerCase() === second.toLowerCase() : first === second;
}

function threadCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/u.test(text)) throw new UsageError('--threads 应为正整数');
  return Number(text);
}

function summaryFile(text: string | undefined): string | undefined {
  if (text !== undefined && path.extname(text).toLowerCase() !== '.xlsx') {
    throw new UsageError(`汇总表应以 .xlsx 结尾：“${text}”`);
  }
  return text;
}

/** The console table: every summary column but the notes, which follow it in full. */
function printTable(
  results: readonly UnitResult[],
  columns: readonly SummaryColumn<UnitResult>[],
  output: Output,
) {
  const shown = columns.filter((column) => column.header !== '说明');
  const cells = results.map((result) => shown.map((column) => String(column.value(result))));
  const widths = shown.map((column, index) =>
    Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[index] ?? ''))),
  );
  const isNumeric = shown.map((column) => (SEVERITIES as readonly string[]).includes(column.header));
  const line = (row: readonly string[]) =>
    row
      .map((text, index) => (isNumeric[index] ? padStart : padEnd)(text, widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  output.out(line(shown.map((column) => column.header)));
  for (const row of cells) output.out(line(row));
  for (const result of results) {
    if (result.note !== null) output.out(`〔${result.status}〕${result.note}`);
  }
}

function statusTally(results: readonly UnitResult[]): string {
  return STATUSES.map(
    (status) => [status, results.filter((result) => result.status === status).length] as const,
  )
    .filter(([status, count]) => count > 0 || status === '通过' || status === '有错误')
    .map(([status, count]) => `${status} ${count}`)
    .join('，');
}

interface BatchRequest {
  readonly folder: string;
  readonly task: BatchTask;
  readonly summary: string | undefined;
  readonly threads: number | undefined;
}

function requestOf(action: 'check' | 'export', args: readonly string[]): BatchRequest {
  if (action === 'check') {
    const { values, positionals } = parseCommandArgs(args, {
      summary: { type: 'string' },
      threads: { type: 'string' },
    });
    return {
      folder: singlePositional(positionals, '文件夹'),
      task: { kind: 'check' },
      summary: summaryFile(values.summary),
      threads: threadCount(values.threads),
    };
  }
  const { values, positionals } = parseCommandArgs(args, {
    output: { type: 'string', short: 'o' },
    final: { type: 'boolean' },
    adjusted: { type: 'boolean' },
    watermark: { type: 'string' },
    force: { type: 'boolean' },
    summary: { type: 'string' },
    threads: { type: 'string' },
  });
  const folder = singlePositional(positionals, '文件夹');
  const outputFolder = values.output;
  if (typeof outputFolder !== 'string') throw new UsageError('缺少 -o <输出文件夹>');
  // Workbooks imported from templates are written there: they must not become units of the next run.
  if (isSameFolder(outputFolder, folder)) throw new UsageError('输出文件夹不能是待处理的文件夹');
  const isFinal = values.final === true;
  if (isFinal && values.watermark !== undefined)
    throw new UsageError('正式版不加水印，--watermark 只用于草稿');
  const task: BatchTask = {
    kind: 'export',
    outputFolder,
    pdfKind: isFinal ? 'final' : 'draft',
    figures: values.adjusted === true ? 'adjusted' : 'asEntered',
    ...(values.watermark === undefined ? {} : { watermarkText: values.watermark }),
    replaceWorkbooks: values.force === true,
  };
  return {
    folder,
    task,
    summary: summaryFile(values.summary) ?? path.join(outputFolder, EXPORT_SUMMARY_NAME),
    threads: threadCount(values.threads),
  };
}

/**
 * `disclosure batch check|export <folder>`: every unit of a folder in parallel threads, a
 * table of the results and, if asked (always for export), the summary workbook. Exit code 1
 * unless every unit 通过.
 */
export async function runBatchCommand(args: readonly string[], output: Output): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'check' && action !== 'export') throw new UsageError('batch 之后应为 check 或 export');
  const { folder, task, summary, threads } = requestOf(action, rest);
  const { units, otherFiles } = unitsInFolder(existingFolder(folder), summary === undefined ? [] : [summary]);
  if (units.length === 0) {
    throw new AppError('INVALID_INPUT', `文件夹“${folder}”中没有工作簿（.ysgk）或表格文件（.xlsx）`, {
      file: folder,
    });
  }
  if (task.kind === 'export') fs.mkdirSync(task.outputFolder, { recursive: true });
  const start = performance.now();
  const run = await runBatch(units, task, {
    ...(threads === undefined ? {} : { threads }),
    onResult: (result, finished) =>
      output.err(`[${finished}/${units.length}] ${result.unit.fileLabel}：${result.status}`),
  });
  const seconds = (performance.now() - start) / 1000;
  printTable(run.results, unitColumns(task.kind), output);
  output.out(
    `共 ${units.length} 个单位：${statusTally(run.results)}；用时 ${seconds.toFixed(1)} 秒（${run.threads} 个线程）`,
  );
  if (otherFiles.length > 0) output.out(`未处理的其他文件：${otherFiles.join('、')}`);
  if (summary !== undefined) {
    await writeSummaryXlsx(summary, task.kind, run.results);
    output.out(`汇总表：${summary}`);
  }
  return run.results.every((result) => result.status === '通过') ? 0 : 1;
}
