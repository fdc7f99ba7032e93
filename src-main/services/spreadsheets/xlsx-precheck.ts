import { type ZipEntry, ZipFormatError, inflateEntry, listZipEntries } from './zip-archive';

/**
 * Bounds on what an imported workbook may hold, checked before the xlsx library sees the file,
 * so that time and memory stay bounded whatever the file is. A real 13-table workbook of a 部门
 * with 50 units and 2,000 projects is about 0.3 MB, 4 MB unzipped, 2,100 rows in its largest
 * sheet and 40,000 cells; the limits leave ten times that room.
 */
export const IMPORT_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  zipEntries: 1_000,
  /** Sum over all zip entries, as declared and as actually inflated. */
  unzippedBytes: 100 * 1024 * 1024,
  rowsPerSheet: 20_000,
  /** The xlsx library holds every cell as an object of a few hundred bytes. */
  cells: 400_000,
  /** The xlsx library makes one object per cell a merged range covers … */
  mergedCells: 100_000,
  /** … and compares each merged range of a sheet with every other one. */
  mergesPerSheet: 2_000,
  /** Widest sheet read; the templates use fewer than 30 columns. */
  columns: 256,
  /** Longest cell text; longer text is a paste gone wrong. */
  cellCharacters: 10_000,
} as const;

/**
 * Looks at an xlsx file's bytes before the xlsx library parses it, and refuses, with one clear
 * message, anything that is not a plain xlsx workbook of a sensible size: other formats (.xls,
 * password-protected files, .xlsb, .ods, other zip files), truncated archives, zip bombs, and
 * sheets with more rows, cells or merged cells than the library can hold in bounded time and
 * memory (IMPORT_LIMITS). The library loads every cell, and every cell a merged range covers, as an
 * object, so this is the only place those costs can be bounded.
 */

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');
/** Office writes a password-protected xlsx as an OLE container holding these streams. */
const ENCRYPTION_STREAM = Buffer.from('EncryptionInfo', 'utf16le');

const ROW_TAG = /<(?:[\w.-]+:)?row[\s>/]/g;
const CELL_TAG = /<(?:[\w.-]+:)?c[\s>/]/g;
const MERGE_TAG = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/g;
/** A DTD can define entities that expand exponentially ("billion laughs"); xlsx never needs one. */
const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

function describeOtherFormat(bytes: Buffer): string {
  if (bytes.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    return bytes.includes(ENCRYPTION_STREAM)
      ? '文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再导入'
      : '这是旧版 Excel 97-2003 文件（.xls），不支持。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入';
  }
  return '不是 xlsx 文件（xlsx 文件是 zip 压缩包，本文件不是）。请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）后再导入';
}

function describeNonWorkbook(entries: readonly ZipEntry[]): string {
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('xl/workbook.bin'))
    return '这是 Excel 二进制工作簿（.xlsb），不支持。请另存为 .xlsx 后再导入';
  if (names.has('content.xml')) return '这是 OpenDocument 表格（.ods），不支持。请另存为 .xlsx 后再导入';
  return '是 zip 文件，但不是 Excel 工作簿（缺少 xl/workbook.xml），可能是 Word 等其他文件';
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: RegExp): string | undefined {
  return name.exec(tag)?.[1];
}

/** Zip entry name → sheet name, from xl/workbook.xml and its relationships; for messages only. */
function sheetNamesByEntry(contents: ReadonlyMap<string, Buffer>): Map<string, string> {
  const workbook = contents.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const relationships = contents.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const tag of relationships.match(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, /\bId="([^"]*)"/);
    const target = attribute(tag, /\bTarget="([^"]*)"/);
    if (id === undefined || target === undefined) continue;
    targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const tag of workbook.match(/<(?:[\w.-]+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, /\bname="([^"]*)"/);
    const id = attribute(tag, /\b[\w.-]+:id="([^"]*)"/);
    const entry = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && entry !== undefined) names.set(entry, decodeXmlText(name));
  }
  return names;
}

function lettersToColumn(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

function mergedRanges(sheetXml: string): { count: number; area: number } {
  let count = 0;
  let area = 0;
  for (const match of sheetXml.matchAll(MERGE_TAG)) {
    count++;
    const [, left = 'A', top = '1', right = left, bottom = top] = match;
    const width = Math.abs(lettersToColumn(right) - lettersToColumn(left)) + 1;
    area += width * (Math.abs(Number(bottom) - Number(top)) + 1);
  }
  return { count, area };
}

function countOf(text: string, tag: RegExp): number {
  let count = 0;
  for (tag.lastIndex = 0; tag.exec(text) !== null;) count++;
  return count;
}

/** Refuses an empty file or one too large to read into memory. */
export function checkFileSize(size: number, refuse: (reason: string) => never): void {
  if (size === 0) refuse('文件为空（0 字节）');
  if (size > IMPORT_LIMITS.fileBytes)
    refuse(`文件过大（${size} 字节，上限 ${IMPORT_LIMITS.fileBytes} 字节）`);
}

/** Calls `refuse` (which throws) unless the bytes are a workbook within the limits. */
export function precheckXlsx(bytes: Buffer, refuse: (reason: string) => never): void {
  const limits = IMPORT_LIMITS;
  checkFileSize(bytes.length, refuse);
  if (!bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) refuse(describeOtherFormat(bytes));

  const contents = new Map<string, Buffer>();
  try {
    const entries = listZipEntries(bytes);
    if (entries.length > limits.zipEntries) {
      refuse(`压缩包内条目过多（${entries.length} 个，上限 ${limits.zipEntries} 个），不是正常的工作簿`);
    }
    const declared = entries.reduce((sum, entry) => sum + entry.declaredBytes, 0);
    if (declared > limits.unzippedBytes) {
      refuse(`解压后过大（${declared} 字节，上限 ${limits.unzippedBytes} 字节），疑似压缩炸弹`);
    }
    if (entries.some((entry) => entry.isEncrypted)) refuse('压缩包内的条目已加密，无法读取');
    if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) refuse(describeNonWorkbook(entries));
    // Inflating each entry against its declared size catches archives that lie about it.
    for (const entry of entries) {
      if (!entry.name.endsWith('/')) contents.set(entry.name, inflateEntry(bytes, entry));
    }
  } catch (error) {
    if (error instanceof ZipFormatError) refuse(error.message);
    throw error;
  }

  const sheetNames = sheetNamesByEntry(contents);
  let cells = 0;
  let merged = 0;
  for (const [name, content] of contents) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    // latin1 keeps every byte one character: tags are ASCII, and no UTF-8 decoding is needed to count them.
    const xml = content.toString('latin1');
    if (DOCTYPE.test(xml)) refuse(`“${name}”含有 DTD 声明（xlsx 不使用，可能是恶意构造的文件）`);
    if (!name.startsWith('xl/worksheets/')) continue;
    const sheet = sheetNames.get(name) ?? name;
    const rows = countOf(xml, ROW_TAG);
    if (rows > limits.rowsPerSheet) {
      refuse(`工作表“${sheet}”有 ${rows} 行，超过上限 ${limits.rowsPerSheet} 行`);
    }
    cells += countOf(xml, CELL_TAG);
    const merges = mergedRanges(xml);
    if (merges.count > limits.mergesPerSheet) {
      refuse(`工作表“${sheet}”有 ${merges.count} 个合并区域，超过上限 ${limits.mergesPerSheet} 个`);
    }
    merged += merges.area;
  }
  if (cells > limits.cells) refuse(`单元格过多（${cells} 个，上限 ${limits.cells} 个）`);
  if (merged > limits.mergedCells) {
    refuse(`合并单元格覆盖的范围过大（共 ${merged} 个单元格，上限 ${limits.mergedCells} 个）`);
  }
}
