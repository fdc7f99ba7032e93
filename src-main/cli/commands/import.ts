import path from 'node:path';
import { importGoals, importGoalsJson } from '../../services/goal-sheets/import-goals-json';
import { goalsFromSheets } from '../../services/spreadsheets/goals-workbook';
import { readSpreadsheet } from '../../services/spreadsheets/spreadsheet';
import { draftFromTablesXlsx } from '../../services/spreadsheets/import-tables';
import { createWorkbookFromDraft } from '../../services/workbook/create-from-draft';
import { importReferenceJson } from '../../services/workbook/import-reference-json';
import { Workbook } from '../../services/workbook/workbook';
import { writeNewWorkbook } from '../../services/workbook/write-new-workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';

/** `disclosure import`: a new workbook from the tables (and goal sheets), all or nothing. */
export async function runImport(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    output: { type: 'string', short: 'o' },
    goals: { type: 'string' },
    force: { type: 'boolean' },
  });
  const source = singlePositional(positionals, '待导入的文件');
  const target = values.output;
  if (typeof target !== 'string') throw new UsageError('缺少 -o <工作簿.ysgk>');
  const isSpreadsheet = /\.xlsx$/iu.test(source);
  if (!isSpreadsheet && !/\.json$/iu.test(source)) {
    throw new UsageError(`不支持的文件类型：“${source}”（可导入 .xlsx 表格或参考格式的 .json）`);
  }
  const goalsFile = values.goals;
  if (goalsFile !== undefined && !/\.(json|xlsx)$/iu.test(goalsFile)) {
    throw new UsageError(`不支持的绩效目标表文件：“${goalsFile}”（可导入 .xlsx 或参考格式的 .json）`);
  }
  // The spreadsheet is read and checked completely before any file is written.
  const draft = isSpreadsheet ? await draftFromTablesXlsx(source) : null;
  const goals =
    goalsFile !== undefined && /\.xlsx$/iu.test(goalsFile)
      ? goalsFromSheets(goalsFile, await readSpreadsheet(goalsFile))
      : null;
  let unmatchedSheets: readonly string[] = [];
  writeNewWorkbook(target, values.force === true, (scratch) => {
    const workbook = draft
      ? createWorkbookFromDraft(draft, scratch, `导入 ${source}`)
      : importReferenceJson(source, scratch);
    if (goals) unmatchedSheets = importGoals(workbook, goals, path.basename(goalsFile ?? '')).unmatchedSheets;
    else if (goalsFile !== undefined) unmatchedSheets = importGoalsJson(workbook, goalsFile).unmatchedSheets;
    return workbook;
  });
  const workbook = Workbook.open(target);
  const content = workbook.content();
  const sheets = workbook.goalSheets().length;
  workbook.close();
  const overrides = content.cells.filter((cell) => cell.origin === 'override').length;
  output.out(
    `已导入 ${source} → ${target}：${content.units.length} 个单位，${content.projects.length} 个项目，` +
      `${content.cells.length} 个金额单元格（其中 ${overrides} 个保留了与合计公式不一致的公开数），${sheets} 张绩效目标表`,
  );
  if (unmatchedSheets.length > 0)
    output.err(`注意：以下绩效目标表找不到对应的表十二项目，未导入：${unmatchedSheets.join('、')}`);
  return 0;
}
