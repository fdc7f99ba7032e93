import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { PreviousYearSource } from '../../../shared/last-year/figures';
import { type WorkbookDraft, draftFromReferenceJson } from '../../../shared/tables/reference-json-import';
import type { WorkbookContent } from '../../../shared/workbook/content';
import { readJsonFile } from '../read-json-file';
import { draftFromTablesXlsx } from '../spreadsheets/import-tables';
import { storedCellsOfDraft } from '../workbook/create-from-draft';
import { readWorkbook } from '../workbook/read-workbook';

/** Last year's disclosure as read from a file, before it is taken into this year's workbook. */
export interface LastYearDocument {
  readonly filePath: string;
  readonly kind: PreviousYearSource['kind'];
  readonly content: WorkbookContent;
}

function contentOfDraft(draft: WorkbookDraft): WorkbookContent {
  return {
    profile: draft.profile,
    units: draft.units,
    subjects: draft.subjects,
    tableRows: draft.tableRows,
    economicRows: draft.economicRows,
    projects: draft.projects,
    cells: storedCellsOfDraft(draft),
  };
}

/**
 * Reads last year's workbook (.ysgk, left untouched), tables template (.xlsx) or tables in the
 * reference JSON shape, checked as any import is.
 */
export async function readLastYearDocument(file: string): Promise<LastYearDocument> {
  const extension = path.extname(file).toLowerCase();
  switch (extension) {
    case '.ysgk':
      return { filePath: file, kind: 'workbook', content: readWorkbook(file).content };
    case '.xlsx':
      return { filePath: file, kind: 'tablesXlsx', content: contentOfDraft(await draftFromTablesXlsx(file)) };
    case '.json':
      return {
        filePath: file,
        kind: 'tablesJson',
        content: contentOfDraft(draftFromReferenceJson(readJsonFile(file), path.basename(file))),
      };
    default:
      throw new AppError(
        'INVALID_INPUT',
        `不支持的文件类型：“${path.basename(file)}”。上年数据可取自上年的工作簿（.ysgk）、上年的表格（.xlsx）或参考格式的表格（.json）。`,
        { file },
      );
  }
}
