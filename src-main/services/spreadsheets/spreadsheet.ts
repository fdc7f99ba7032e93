/**
 * The one module that knows exceljs: a workbook is read into plain sheets of cell texts and
 * values, so the rest of the import does not depend on the library. Files are checked before
 * exceljs sees them, so a hostile file is refused in bounded time and memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { IMPORT_LIMITS, checkFileSize, precheckXlsx } from './xlsx-precheck';

export interface SheetCell {
  /** What the cell shows, trimmed: text, a number's decimal digits, a formula's cached result. */
  readonly text: string;
  readonly isNumber: boolean;
  /** Alignment indent (表十二/表十三 encode the row level with it). */
  readonly indent: number;
  /** A formula without a cached value: its text is unknown. */
  readonly isUncomputedFormula: boolean;
  /** Set on a cell a merged range covers but does not start at: the range's first cell, e.g. `C7`. */
  readonly mergedInto?: string;
}

export interface Sheet {
  readonly name: string;
  /** rows[r][c], 0-based; a merged cell's value stands in every cell it covers. */
  readonly rows: readonly (readonly SheetCell[])[];
}

const EMPTY_CELL: SheetCell = { text: '', isNumber: false, indent: 0, isUncomputedFormula: false };

function refuse(file: string, reason: string): never {
  throw new AppError('INVALID_INPUT', `${path.basename(file)}：${reason}`, { file });
}

/** The decimal digits of a stored number, without binary noise (0.30000000000000004 → 0.3). */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function cellOf(cell: ExcelJS.Cell): SheetCell {
  const read = masterCellOf(cell.isMerged ? cell.master : cell);
  if (!cell.isMerged || cell.master === cell) return read;
  return { ...read, mergedInto: cell.master.address };
}

function masterCellOf(source: ExcelJS.Cell): SheetCell {
  const value = source.value;
  const indent = source.alignment?.indent ?? 0;
  if (value === null || value === undefined) return { ...EMPTY_CELL, indent };
  if (typeof value === 'number')
    return { text: numberText(value), isNumber: true, indent, isUncomputedFormula: false };
  if (typeof value === 'object' && 'formula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null || typeof result === 'object') {
      return { text: '', isNumber: false, indent, isUncomputedFormula: true };
    }
    return typeof result === 'number'
      ? { text: numberText(result), isNumber: true, indent, isUncomputedFormula: false }
      : { text: String(result).trim(), isNumber: false, indent, isUncomputedFormula: false };
  }
  if (typeof value === 'object' && 'richText' in value) {
    const text = (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('');
    return { text: text.trim(), isNumber: false, indent, isUncomputedFormula: false };
  }
  return { text: String(source.text ?? '').trim(), isNumber: false, indent, isUncomputedFormula: false };
}

export interface ReadProgress {
  readonly sheet: string;
  readonly sheetsDone: number;
  readonly sheetsTotal: number;
  readonly rowsDone: number;
}

/** Reads every sheet of an .xlsx file, within the limits, as plain cells; reports each sheet read. */
export async function readSpreadsheet(
  file: string,
  onProgress?: (progress: ReadProgress) => void,
): Promise<Sheet[]> {
  const refuseFile = (reason: string): never => refuse(file, reason);
  let bytes: Buffer;
  try {
    checkFileSize(fs.statSync(file).size, refuseFile);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_NOT_FOUND', `无法读取文件“${file}”：${(error as Error).message}`, { file });
  }
  precheckXlsx(bytes, refuseFile);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    refuseFile(`无法解析工作簿（${(error as Error).message}）`);
  }
  let rowsDone = 0;
  return workbook.worksheets.map((worksheet, index) => {
    const rows = readRows(worksheet, refuseFile);
    rowsDone += rows.length;
    onProgress?.({
      sheet: worksheet.name,
      sheetsDone: index + 1,
      sheetsTotal: workbook.worksheets.length,
      rowsDone,
    });
    return { name: worksheet.name, rows };
  });
}

/**
 * Only the cells the file holds are visited: a single stray cell at column XFD must not make
 * every row 16,384 cells wide.
 */
function readRows(worksheet: ExcelJS.Worksheet, refuseFile: (reason: string) => never): SheetCell[][] {
  const rows: SheetCell[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const read = cellOf(cell);
      if (read.text === '' && !read.isUncomputedFormula && read.indent === 0) return;
      if (columnNumber > IMPORT_LIMITS.columns) {
        refuseFile(
          `${worksheet.name}!${cell.address} 有内容，超出第 ${IMPORT_LIMITS.columns} 列；请删除表格右侧多余的内容后再导入`,
        );
      }
      if (read.text.length > IMPORT_LIMITS.cellCharacters) {
        refuseFile(`${worksheet.name}!${cell.address} 的内容超过 ${IMPORT_LIMITS.cellCharacters} 字`);
      }
      cells[columnNumber - 1] = read;
    });
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? EMPTY_CELL);
  });
  return Array.from(rows, (row) => row ?? []);
}

/** `D14` for row 13, column 3 (0-based). */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let index = column + 1; index > 0; index = Math.floor((index - 1) / 26)) {
    letters = String.fromCharCode(65 + ((index - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}
