import { draftFromReferenceJson } from '../../../shared/tables/reference-json-import';
import { readJsonFile } from '../read-json-file';
import { createWorkbookFromDraft } from './create-from-draft';
import type { Workbook } from './workbook';

/** Builds a new workbook from tables in the reference JSON shape (tables-spec.md §7). */
export function importReferenceJson(jsonPath: string, workbookPath: string): Workbook {
  const json = readJsonFile(jsonPath);
  return createWorkbookFromDraft(draftFromReferenceJson(json, jsonPath), workbookPath, `导入 ${jsonPath}`);
}
