import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { type WorkbookDraft, draftFromReferenceJson } from '../../../shared/tables/reference-json-import';
import { type ReadProgress, readSpreadsheet } from './spreadsheet';
import { tablesFromSheets } from './tables-workbook';

/**
 * The draft of a new workbook from a tables .xlsx. A problem the draft reader finds is told by
 * the sheet and cell it came from, not by its place in the intermediate JSON.
 */
export async function draftFromTablesXlsx(
  file: string,
  onProgress?: (progress: ReadProgress) => void,
): Promise<WorkbookDraft> {
  const sheets = await readSpreadsheet(file, onProgress);
  const { json, locate } = tablesFromSheets(file, sheets);
  try {
    return draftFromReferenceJson(json, path.basename(file));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = error.message.replace(/tables\.t\d+\.rows\[\d+\](?:\.\w+)?/gu, (jsonPath) => {
      const rowPath = /tables\.t\d+\.rows\[\d+\]/u.exec(jsonPath)?.[0] ?? jsonPath;
      return locate(rowPath) ?? jsonPath;
    });
    throw new AppError(error.code, message, error.details);
  }
}
