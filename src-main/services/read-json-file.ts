import fs from 'node:fs';
import { AppError } from '../../shared/errors';

/** A JSON file's content; an unreadable or malformed file is a Chinese error naming it. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new AppError('INVALID_INPUT', `无法读取 JSON 文件“${file}”：${(error as Error).message}`, { file });
  }
}
