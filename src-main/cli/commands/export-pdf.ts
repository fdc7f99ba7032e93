import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { exportDisclosurePdf } from '../../services/export-pdf/export-disclosure-pdf';
import { Workbook } from '../../services/workbook/workbook';
import { type Output, UsageError, parseCommandArgs, singlePositional } from '../args';

/**
 * `disclosure export-pdf`: the disclosure PDF of a workbook, a draft (watermarked) unless
 * `--final`. Every export is recorded in the workbook; a final one with 错误 findings is
 * refused (exit code 1) unless `--override-reason` says why.
 */
export async function runExportPdf(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    output: { type: 'string', short: 'o' },
    final: { type: 'boolean' },
    'override-reason': { type: 'string' },
    adjusted: { type: 'boolean' },
    watermark: { type: 'string' },
  });
  const source = singlePositional(positionals, '工作簿文件路径');
  const target = values.output;
  if (typeof target !== 'string') throw new UsageError('缺少 -o <文件.pdf>');
  // Guards against `-o out/example.ysgk` overwriting the workbook itself.
  if (path.extname(target).toLowerCase() !== '.pdf')
    throw new UsageError(`输出文件应以 .pdf 结尾：“${target}”`);
  const isFinal = values.final === true;
  if (!isFinal && values['override-reason'] !== undefined) {
    throw new UsageError('--override-reason 只用于正式版（--final）');
  }
  if (isFinal && values.watermark !== undefined)
    throw new UsageError('正式版不加水印，--watermark 只用于草稿');
  const workbook = Workbook.open(source);
  try {
    const exported = await exportDisclosurePdf(workbook, {
      outputFile: target,
      kind: isFinal ? 'final' : 'draft',
      figures: values.adjusted === true ? 'adjusted' : 'asEntered',
      ...(values.watermark === undefined ? {} : { watermarkText: values.watermark }),
      ...(values['override-reason'] === undefined ? {} : { overrideReason: values['override-reason'] }),
    });
    const { record } = exported;
    output.out(
      `已导出${isFinal ? '正式版' : '草稿'} ${target}：${exported.pageCount} 页，` +
        `${Math.ceil(exported.bytes / 1024)} KB` +
        (record.overrideReason === null
          ? ''
          : `（审核有 ${record.errorCount} 项“错误”，强制导出的理由已记入工作簿：${record.overrideReason}）`),
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'FINAL_EXPORT_BLOCKED') {
      output.err(`错误：${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    workbook.close();
  }
}
