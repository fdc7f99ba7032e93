import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { openWorkbookFile } from '../../db/workbook-file';
import type { Workbook } from './workbook';

/**
 * Builds a workbook in a scratch file beside `target` and moves it into place only once it is
 * complete. Replacing an existing workbook needs `replace`, and its lock: a workbook open
 * elsewhere, or a file that is not a workbook, is never replaced. On any error the target is
 * as it was and no scratch file remains.
 */
export function writeNewWorkbook(
  target: string,
  replace: boolean,
  build: (scratch: string) => Workbook,
): void {
  let existing: ReturnType<typeof openWorkbookFile> | null = null;
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) {
      throw new AppError('FILE_EXISTS', `“${target}”是一个文件夹，请给出工作簿的文件名。`, { file: target });
    }
    if (!replace) {
      throw new AppError('FILE_EXISTS', `工作簿“${target}”已存在；如要覆盖，请加 --force。`, {
        file: target,
      });
    }
    existing = openWorkbookFile(target);
  }
  const scratch = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  fs.rmSync(scratch, { force: true });
  try {
    build(scratch).close();
    existing?.close();
    existing = null;
    fs.renameSync(scratch, target);
  } catch (error) {
    fs.rmSync(scratch, { force: true });
    throw error;
  } finally {
    existing?.close();
  }
}
