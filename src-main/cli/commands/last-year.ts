import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { YearOverYearChange } from '../../../shared/last-year/year-over-year';
import { type Fen, formatWanYuan } from '../../../shared/money';
import { readLastYearDocument } from '../../services/last-year/last-year-document';
import {
  type LastYearPlan,
  importLastYear,
  planLastYearImport,
  yearOverYearOf,
} from '../../services/last-year/last-year';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';

function wan(fen: Fen | null): string {
  return fen === null ? '空' : `${formatWanYuan(fen, { thousands: true })} 万元`;
}

function changeText(change: YearOverYearChange): string {
  if (change.change === null) return '';
  if (change.change === 0) return '持平';
  const sign = change.change > 0 ? '+' : '';
  const percent =
    change.percent === null ? '' : `（${change.percent.startsWith('-') ? '' : '+'}${change.percent}%）`;
  return `${sign}${formatWanYuan(change.change, { thousands: true })}${percent}`;
}

const ORIGIN_TEXT = { file: '来自上年文件', typed: '手工填写', none: '未填' } as const;
const TOTAL_ROWS = new Set(['total', 'incomeGrandTotal', 'expenditureGrandTotal']);

function printPlan(plan: LastYearPlan, output: Output, heading: string): void {
  output.out(heading);
  for (const figure of plan.figures) {
    output.out(
      `  ${figure.label}（情况说明${figure.section}）：${wan(figure.before)} → ${wan(figure.after)}`,
    );
  }
  for (const warning of plan.warnings) output.err(`注意：${warning}`);
}

function printReport(workbook: Workbook, output: Output): void {
  const report = yearOverYearOf(workbook);
  const { source } = report;
  output.out(
    source === null
      ? '尚未导入上年数据（disclosure last-year <工作簿> --from <上年文件>）。'
      : `上年数据：${source.fileName}（${source.unitName}，${source.year} 年${source.scope}预算公开），导入于 ${source.importedAt}`,
  );
  output.out('情况说明的上年数：');
  for (const figure of report.figures) {
    output.out(
      `  ${figure.label}：上年 ${wan(figure.lastYear)}，本年 ${wan(figure.thisYear)}，增减 ${changeText(figure) || '—'}（${ORIGIN_TEXT[figure.origin]}）`,
    );
  }
  if (report.tables.length === 0) return;
  output.out('各表合计（上年 → 本年，增减）：');
  for (const table of report.tables) {
    for (const line of table.lines.filter((candidate) => TOTAL_ROWS.has(candidate.key))) {
      output.out(
        `  ${table.name} ${line.label}：${wan(line.lastYear)} → ${wan(line.thisYear)}，${changeText(line) || '—'}`,
      );
    }
  }
}

/**
 * `disclosure last-year`: with --from, takes last year's workbook or tables into the workbook
 * (its 情况说明 previous-year figures); without, shows where they came from and the changes.
 */
export async function runLastYear(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    from: { type: 'string' },
    preview: { type: 'boolean' },
    'confirm-other-unit': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const file = singlePositional(positionals, '工作簿文件路径');
  if (values.from === undefined) {
    if (values.preview === true || values['confirm-other-unit'] === true) {
      throw new UsageError('--preview 和 --confirm-other-unit 需与 --from <上年文件> 一起使用');
    }
    const workbook = Workbook.open(file);
    try {
      if (values.json === true) output.out(JSON.stringify(yearOverYearOf(workbook), null, 2));
      else printReport(workbook, output);
      return 0;
    } finally {
      workbook.close();
    }
  }
  // The source is read and checked completely before the workbook is opened for writing.
  const document = await readLastYearDocument(values.from);
  const workbook = Workbook.open(file);
  try {
    const source = path.basename(values.from);
    if (values.preview === true) {
      const plan = planLastYearImport(workbook, document);
      if (values.json === true) output.out(JSON.stringify(plan, null, 2));
      else printPlan(plan, output, `预览（未写入）：从 ${source} 导入上年数据将改变：`);
      if (plan.confirmation !== null) output.err(`需要确认：${plan.confirmation}`);
      return 0;
    }
    let plan: LastYearPlan;
    try {
      plan = importLastYear(workbook, document, { confirmOtherUnit: values['confirm-other-unit'] === true });
    } catch (error) {
      if (error instanceof AppError && error.code === 'NEEDS_CONFIRMATION') {
        throw new AppError(error.code, `${error.message}（命令行：加 --confirm-other-unit）`, error.details);
      }
      throw error;
    }
    if (values.json === true) output.out(JSON.stringify(plan, null, 2));
    else
      printPlan(
        plan,
        output,
        `已从 ${source}（${plan.source.unitName}，${plan.source.year} 年）导入上年数据到 ${path.basename(file)}：`,
      );
    return 0;
  } finally {
    workbook.close();
  }
}
