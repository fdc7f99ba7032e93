import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { exportGoalsXlsx } from '../../services/spreadsheets/goals-export';
import { exportTablesXlsx } from '../../services/spreadsheets/tables-export';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';

/** `disclosure export-xlsx`: the tables and goal-sheets workbooks, in the templates' layout, into a folder. */
export async function runExportXlsx(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
  const source = singlePositional(positionals, '工作簿文件路径');
  const folder = values.output;
  if (typeof folder !== 'string') throw new UsageError('缺少 -o <文件夹>');
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new AppError('FILE_NOT_FOUND', `文件夹“${folder}”不存在`, { file: folder });
  }
  const workbook = Workbook.open(source);
  try {
    const content = workbook.content();
    const base = path.join(folder, content.profile.name.replace(/[\\/:*?"<>|]/g, ''));
    const files = [`${base}-tables.xlsx`];
    fs.writeFileSync(`${base}-tables.xlsx`, await exportTablesXlsx(content, workbook.evaluate()));
    const sheets = workbook.goalSheets();
    const wholeUnit = workbook.wholeUnitGoalSheet();
    if (sheets.length > 0 || wholeUnit !== null) {
      fs.writeFileSync(
        `${base}-goals.xlsx`,
        await exportGoalsXlsx(content, workbook.evaluate(), sheets, wholeUnit),
      );
      files.push(`${base}-goals.xlsx`);
    }
    for (const file of files) workbook.recordExport({ kind: 'draft', format: 'xlsx', file });
    output.out(`已导出 ${files.join('、')}`);
    return 0;
  } finally {
    workbook.close();
  }
}
