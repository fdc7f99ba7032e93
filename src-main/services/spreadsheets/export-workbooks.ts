import fs from 'node:fs';
import path from 'node:path';
import { existingFolder } from '../existing-folder';
import type { Workbook } from '../workbook/workbook';
import { exportGoalsXlsx } from './goals-export';
import { exportTablesXlsx } from './tables-export';

/**
 * Writes the tables workbook, and the goal-sheets workbook when there are goal sheets, into
 * `folder` in the templates' layout, records each export, and returns the files written.
 */
export async function exportXlsxWorkbooks(workbook: Workbook, folder: string): Promise<string[]> {
  existingFolder(folder);
  const content = workbook.content();
  const base = path.join(folder, content.profile.name.replace(/[\\/:*?"<>|]/g, ''));
  const files = [`${base}-tables.xlsx`];
  fs.writeFileSync(`${base}-tables.xlsx`, await exportTablesXlsx(content, workbook.evaluate()));
  const sheets = workbook.goalSheets();
  const wholeUnit = workbook.wholeUnitGoalSheet();
  if (sheets.length > 0 || wholeUnit !== null) {
    fs.writeFileSync(
      `${base}-goals.xlsx`,
      await exportGoalsXlsx(content, workbook.evaluate(), sheets, wholeUnit),
    );
    files.push(`${base}-goals.xlsx`);
  }
  for (const file of files) workbook.recordExport({ kind: 'draft', format: 'xlsx', file });
  return files;
}
