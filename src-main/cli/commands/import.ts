import { importReferenceJson } from '../../services/workbook/import-reference-json';
import { Workbook } from '../../services/workbook/workbook';
import { writeNewWorkbook } from '../../services/workbook/write-new-workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';

export function runImport(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  const source = singlePositional(positionals, '待导入的文件');
  const target = values.output;
  if (typeof target !== 'string') throw new UsageError('缺少 -o <工作簿.ysgk>');
  if (!source.toLowerCase().endsWith('.json')) {
    throw new UsageError(`暂只支持导入参考格式的 .json 表格文件：“${source}”`);
  }
  writeNewWorkbook(target, values.force === true, (scratch) => importReferenceJson(source, scratch));
  const workbook = Workbook.open(target);
  const content = workbook.content();
  workbook.close();
  const overrides = content.cells.filter((cell) => cell.origin === 'override').length;
  output.out(
    `已导入 ${source} → ${target}：${content.units.length} 个单位，${content.projects.length} 个项目，` +
      `${content.cells.length} 个金额单元格（其中 ${overrides} 个保留了与合计公式不一致的公开数）`,
  );
  return 0;
}
