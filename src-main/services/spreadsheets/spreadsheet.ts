/**
 * The one module that knows exceljs: a workbook is read into plain sheets of cell texts and
 * values, so the rest of the import does not depend on the library. Files are checked before
 * exceljs sees them, so a hostile file is refused in bounded time and memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';

export interface SheetCell {
  /** What the cell shows, trimmed: text, a number's decimal digits, a formula's cached result. */
  readonly text: string;
  readonly isNumber: boolean;
  /** Alignment indent (表十二/表十三 encode the row level with it). */
  readonly indent: number;
  /** A formula without a cached value: its text is unknown. */
  readonly isUncomputedFormula: boolean;
}

export interface Sheet {
  readonly name: string;
  /** rows[r][c], 0-based; a merged cell's value stands in every cell it covers. */
  readonly rows: readonly (readonly SheetCell[])[];
}

/** Limits that keep a hostile file from exhausting the machine. */
export const SPREADSHEET_LIMITS = {
  fileBytes: 30 * 1024 * 1024,
  uncompressedBytes: 300 * 1024 * 1024,
  zipEntries: 2_000,
  rowsPerSheet: 20_000,
  cellChars: 10_000,
} as const;

const EMPTY_CELL: SheetCell = { text: '', isNumber: false, indent: 0, isUncomputedFormula: false };

function refuse(file: string, reason: string): never {
  throw new AppError('INVALID_INPUT', `${path.basename(file)}：${reason}`, { file });
}

/**
 * Checks the container before parsing: a zip (not an old .xls or an encrypted OLE file), with
 * a central directory whose entry count and uncompressed size are within the limits.
 */
function checkContainer(file: string, bytes: Buffer): void {
  if (bytes.length === 0) refuse(file, '文件是空的');
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    refuse(file, '这是旧版 .xls 文件或加密的工作簿，请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入');
  }
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) refuse(file, '不是 .xlsx 文件');
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const searchFrom = Math.max(0, bytes.length - 65_557);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < searchFrom) refuse(file, '文件已损坏（找不到 zip 目录）');
  const entries = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entries > SPREADSHEET_LIMITS.zipEntries) refuse(file, `文件包含 ${entries} 个部件，超出上限`);
  let uncompressed = 0;
  let offset = directoryOffset;
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50)
      refuse(file, '文件已损坏（zip 目录不完整）');
    uncompressed += bytes.readUInt32LE(offset + 24);
    offset +=
      46 +
      bytes.readUInt16LE(offset + 28) +
      bytes.readUInt16LE(offset + 30) +
      bytes.readUInt16LE(offset + 32);
  }
  if (uncompressed > SPREADSHEET_LIMITS.uncompressedBytes) {
    refuse(
      file,
      `解压后大小 ${Math.round(uncompressed / 1024 / 1024)} MB，超出 ${SPREADSHEET_LIMITS.uncompressedBytes / 1024 / 1024} MB 上限（可能是压缩炸弹）`,
    );
  }
}

/** The decimal digits of a stored number, without binary noise (0.30000000000000004 → 0.3). */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function cellOf(cell: ExcelJS.Cell): SheetCell {
  const source = cell.isMerged ? cell.master : cell;
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
  return { text: String(cell.text ?? '').trim(), isNumber: false, indent, isUncomputedFormula: false };
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
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > SPREADSHEET_LIMITS.fileBytes)
      refuse(file, `文件大小 ${Math.round(size / 1024 / 1024)} MB，超出上限`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_NOT_FOUND', `无法读取文件“${file}”：${(error as Error).message}`, { file });
  }
  checkContainer(file, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    refuse(file, `无法解析工作簿（${(error as Error).message}）`);
  }
  let rowsDone = 0;
  return workbook.worksheets.map((worksheet, index) => {
    if (worksheet.rowCount > SPREADSHEET_LIMITS.rowsPerSheet) {
      refuse(
        file,
        `工作表“${worksheet.name}”有 ${worksheet.rowCount} 行，超出 ${SPREADSHEET_LIMITS.rowsPerSheet} 行上限`,
      );
    }
    const rows: SheetCell[][] = [];
    for (let rowNumber = 1; rowNumber <= worksheet.rowCount; rowNumber++) {
      const row = worksheet.getRow(rowNumber);
      const cells: SheetCell[] = [];
      for (let column = 1; column <= worksheet.columnCount; column++) {
        const cell = cellOf(row.getCell(column));
        if (cell.text.length > SPREADSHEET_LIMITS.cellChars) {
          refuse(
            file,
            `${worksheet.name}!${row.getCell(column).address} 的内容超过 ${SPREADSHEET_LIMITS.cellChars} 字`,
          );
        }
        cells.push(cell);
      }
      rows.push(cells);
    }
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

/** `D14` for row 13, column 3 (0-based). */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let index = column + 1; index > 0; index = Math.floor((index - 1) / 26)) {
    letters = String.fromCharCode(65 + ((index - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}
