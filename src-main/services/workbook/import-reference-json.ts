import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { draftFromReferenceJson } from '../../../shared/tables/reference-json-import';
import { createWorkbookFromDraft } from './create-from-draft';
import type { Workbook } from './workbook';

/** Builds a new workbook from tables in the reference JSON shape (tables-spec.md §7). */
export function importReferenceJson(jsonPath: string, workbookPath: string): Workbook {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  } catch (error) {
    throw new AppError('INVALID_INPUT', `无法读取 JSON 文件“${jsonPath}”：${(error as Error).message}`, {
      file: jsonPath,
    });
  }
  return createWorkbookFromDraft(draftFromReferenceJson(json, jsonPath), workbookPath, `导入 ${jsonPath}`);
}
