import { AppError } from '../../shared/errors';
import { type Output, UsageError } from './args';
import { runBatchCommand } from './commands/batch';
import { runCheck } from './commands/check';
import { runConsolidate } from './commands/consolidate';
import { runExportPdf } from './commands/export-pdf';
import { runExportXlsx } from './commands/export-xlsx';
import { runImport } from './commands/import';
import { runLastYear } from './commands/last-year';
import { runNarrative } from './commands/narrative';
import { runNew } from './commands/new';
import { runReview } from './commands/review';
import { runShow } from './commands/show';

const USAGE = `用法：
  disclosure new <工作簿.ysgk> --unit <单位名称> --year <年度> --scope 单位|部门 [--unit-type 行政|参公|事业]
  disclosure import <表格.xlsx|表格.json> [--goals <绩效目标表.json>] -o <工作簿.ysgk> [--force]
  disclosure show <工作簿.ysgk> [--table <1-13>] [--json]
  disclosure export-xlsx <工作簿.ysgk> -o <文件夹>                 按财政局模板格式导出 13 张表
  disclosure narrative <工作簿.ysgk>                          第三部分 情况说明与第四部分 名词解释
  disclosure check <工作簿.ysgk|表格.json> [--json]              审核；有“错误”时退出码为 1
  disclosure export-pdf <工作簿.ysgk> -o <文件.pdf> [--final [--override-reason <理由>]] [--adjusted] [--watermark <文字>]
                                                              正式版须已定稿；草稿在提交审核后附审核签章页
  disclosure review status <工作簿.ysgk> [--json]                 审核状态、印章（有效/已失效/校验失败）、状态记录
  disclosure review submit <工作簿.ysgk> --by <姓名> [--note <说明>]       编制中 → 内部审核，冻结一个版本
  disclosure review stamp <工作簿.ysgk> --name <姓名> --role <职务> --opinion 通过|退回修改 [--text <意见>] [--seal <印章.png>]
  disclosure review approve <工作簿.ysgk> --by <姓名> [--note <说明>]      内部审核 → 已定稿
  disclosure review reopen <工作簿.ysgk> --by <姓名> --reason <理由> [--to 编制中|内部审核]
  disclosure review comment <工作簿.ysgk> --by <姓名> --text <内容> --cell <表:行:列>|--row <表:行>|--goal-sheet <项目编号|整体>|--section <一…>
  disclosure review comment <工作簿.ysgk> --list [--unresolved] [--json] | --resolve <编号> --by <姓名> | --reopen <编号>
  disclosure review versions <工作簿.ysgk> [--json]
  disclosure review diff <工作簿.ysgk> <版本> [<版本>|current] [-o <差异.xlsx>] [--json]
  disclosure last-year <工作簿.ysgk> [--from <上年工作簿.ysgk|上年表格.xlsx|.json> [--preview] [--confirm-other-unit]] [--json]
                                                              导入上年数据（情况说明的上年数）；不加 --from 时显示同比增减
  disclosure consolidate <部门工作簿.ysgk> [<单位工作簿.ysgk>…] [--preview] [--json]
                                                              部门汇总下属单位；不给单位时列出已汇总的单位及其文件是否变动
  disclosure batch check <文件夹> [--summary <汇总.xlsx>] [--threads <n>]      逐个单位审核文件夹中的工作簿或表格
  disclosure batch export <文件夹> -o <输出文件夹> [--final] [--adjusted] [--watermark <文字>] [--force] [--threads <n>]`;

const consoleOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Runs one command; returns the exit code: 0 done, 1 审核 found 错误, 2 bad input or usage, 3 internal error. */
export async function main(argv: readonly string[], output: Output = consoleOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'new':
        return runNew(rest, output);
      case 'import':
        return await runImport(rest, output);
      case 'show':
        return runShow(rest, output);
      case 'check':
        return runCheck(rest, output);
      case 'export-pdf':
        return await runExportPdf(rest, output);
      case 'export-xlsx':
        return await runExportXlsx(rest, output);
      case 'narrative':
        return runNarrative(rest, output);
      case 'review':
        return await runReview(rest, output);
      case 'last-year':
        return await runLastYear(rest, output);
      case 'consolidate':
        return runConsolidate(rest, output);
      case 'batch':
        return await runBatchCommand(rest, output);
      case undefined:
      case 'help':
      case '--help':
        output.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知命令“${command}”`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      output.err(`错误：${error.message}`);
      return 2;
    }
    // Never a bare stack trace: say what failed, in the user's language.
    output.err(`程序内部错误：${error instanceof Error ? error.message : String(error)}`);
    return 3;
  }
}
