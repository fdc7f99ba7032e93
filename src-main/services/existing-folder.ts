import fs from 'node:fs';
import { AppError } from '../../shared/errors';

/** `folder`, refused in Chinese when it is not an existing folder. */
export function existingFolder(folder: string): string {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new AppError('FILE_NOT_FOUND', `文件夹“${folder}”不存在`, { file: folder });
  }
  return folder;
}
