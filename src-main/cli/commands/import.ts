import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { importReferenceJson } from '../../services/workbook/import-reference-json';
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
  if (fs.existsSync(target)) {
    if (values.force !== true)
      throw new AppError('FILE_EXISTS', `工作簿“${target}”已存在；如要覆盖，请加 --force。`, {
        file: target,
      });
    fs.rmSync(target);
  }
  const workbook = importReferenceJson(source, target);
  const content = workbook.content();
  const overrides = content.cells.filter((cell) => cell.origin === 'override').length;
  workbook.close();
  output.out(
    `已导入 ${source} → ${target}：${content.units.length} 个单位，${content.projects.length} 个项目，` +
      `${content.cells.length} 个金额单元格（其中 ${overrides} 个保留了与合计公式不一致的公开数）`,
  );
  return 0;
}
