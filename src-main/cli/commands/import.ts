import { importGoalsJson } from '../../services/goal-sheets/import-goals-json';
import { importReferenceJson } from '../../services/workbook/import-reference-json';
import { Workbook } from '../../services/workbook/workbook';
import { writeNewWorkbook } from '../../services/workbook/write-new-workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';

/** `disclosure import`: a new workbook from the tables (and goal sheets), all or nothing. */
export function runImport(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs(args, {
    output: { type: 'string', short: 'o' },
    goals: { type: 'string' },
    force: { type: 'boolean' },
  });
  const source = singlePositional(positionals, '待导入的文件');
  const target = values.output;
  if (typeof target !== 'string') throw new UsageError('缺少 -o <工作簿.ysgk>');
  for (const file of [source, values.goals ?? '.json']) {
    if (!file.toLowerCase().endsWith('.json')) {
      throw new UsageError(`暂只支持导入参考格式的 .json 文件：“${file}”`);
    }
  }
  let unmatchedSheets: readonly string[] = [];
  writeNewWorkbook(target, values.force === true, (scratch) => {
    const workbook = importReferenceJson(source, scratch);
    if (values.goals !== undefined) unmatchedSheets = importGoalsJson(workbook, values.goals).unmatchedSheets;
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
