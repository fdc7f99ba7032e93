import { exportXlsxWorkbooks } from '../../services/spreadsheets/export-workbooks';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';

/** `disclosure export-xlsx`: the tables and goal-sheets workbooks, in the templates' layout, into a folder. */
export async function runExportXlsx(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
  const source = singlePositional(positionals, '工作簿文件路径');
  const folder = values.output;
  if (typeof folder !== 'string') throw new UsageError('缺少 -o <文件夹>');
  const workbook = Workbook.open(source);
  try {
    const files = await exportXlsxWorkbooks(workbook, folder);
    output.out(`已导出 ${files.join('、')}`);
    return 0;
  } finally {
    workbook.close();
  }
}
