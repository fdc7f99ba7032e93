/**
 * Reads the thirteen-tables workbook the finance bureau hands out (templates README §1) into
 * the reference JSON shape, which the draft reader then validates and the workbook stores all
 * or nothing. Tolerant where users differ: sheet order and names, extra blank rows and
 * columns, header spacing and bracket width, amounts as text with separators, cached formula
 * values, trailing spaces, watermark and label rows. Every problem names sheet and cell.
 */
import path from 'node:path';
import { normaliseSubjectName } from '../../../shared/catalogue/lookup';
import { refusedWithProblems } from '../../../shared/errors';
import { parseAmount } from '../../../shared/money';
import { TABLE_DEFINITIONS, columnsOfSide, tableTitle } from '../../../shared/tables/definitions';
import {
  TABLE_KEYS,
  type ColumnDefinition,
  type TableDefinition,
  type TableKey,
} from '../../../shared/tables/types';
import { THREE_PUBLIC_EXPENSE_ROWS } from '../../../shared/tables/vocabulary';
import { type Sheet, type SheetCell, cellAddress } from './spreadsheet';

type JsonRecord = Record<string, unknown>;

/** Where a JSON path of the result came from, so later errors can name the cell. */
export type Locate = (jsonPath: string) => string | undefined;

/** Lines that decorate a printed table: watermark fragments, labels, name and unit lines. */
const DECORATION =
  /^(仅供内部审核|仅供|内部|审核|(预算|部门)公开表\d+|(单位|部门)名称[:：].*|单位[:：]万元)$/u;
const EMPTY_NOTE = /^注[:：]本表无数据/u;

/** Header and label text compared without spacing, bracket width or colon width. */
function normalise(text: string): string {
  return normaliseSubjectName(text).replace(/：/g, ':').replace(/“|”/g, '"');
}

function leafLabel(column: ColumnDefinition): RegExp {
  const leaf = normalise(column.header.at(-1) ?? column.key);
  const escaped = leaf.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{year\\\}/g, '\\d{4}');
  return new RegExp(`^${escaped}$`, 'u');
}

function publishedColumns(definition: TableDefinition): ColumnDefinition[] {
  const sides = definition.columns.main ? (['main'] as const) : (['income', 'expenditure'] as const);
  return sides.flatMap((side) => columnsOfSide(definition, side)).filter((column) => column.isPublished);
}

function sheetFor(definition: TableDefinition, sheets: readonly Sheet[]): Sheet | undefined {
  const names = [
    definition.shortName,
    `预算公开表${definition.no}`,
    `部门公开表${definition.no}`,
    `表${definition.no}`,
  ];
  const byName = sheets.find((sheet) => names.includes(normalise(sheet.name)));
  if (byName) return byName;
  const title = new RegExp(
    `^${normalise(tableTitle(definition, 0)).replace('0年', '\\d{4}年').replace(/[()]/g, '\\$&')}$`,
    'u',
  );
  return sheets.find(
    (sheet) =>
      title.test(normalise(sheet.name)) ||
      sheet.rows.slice(0, 6).some((row) => row.some((cell) => title.test(normalise(cell.text)))),
  );
}

interface Header {
  readonly row: number;
  readonly columnOf: ReadonlyMap<string, number>;
}

/** The first row where every published column's leaf label is found, left to right. */
function findHeader(sheet: Sheet, columns: readonly ColumnDefinition[]): Header | undefined {
  for (let row = 0; row < Math.min(sheet.rows.length, 40); row++) {
    const cells = sheet.rows[row] ?? [];
    const columnOf = new Map<string, number>();
    let from = 0;
    for (const column of columns) {
      const label = leafLabel(column);
      const found = cells.findIndex((cell, index) => index >= from && label.test(normalise(cell.text)));
      if (found < 0) break;
      // 表一/表四 have a 项目 label column on each half: the second is kept apart.
      columnOf.set(columnOf.has(column.key) ? `${column.key}#2` : column.key, found);
      from = found + 1;
    }
    if (columnOf.size === columns.length) return { row, columnOf };
  }
  return undefined;
}

interface DataRow {
  readonly row: number;
  readonly cells: readonly SheetCell[];
}

class TableReader {
  readonly problems: string[] = [];
  readonly locations = new Map<string, string>();

  constructor(private readonly file: string) {}

  problem(sheet: Sheet, row: number, column: number, message: string): void {
    this.problems.push(`${path.basename(this.file)} ${sheet.name}!${cellAddress(row, column)}：${message}`);
  }

  /** The rows below the header that carry data, up to 注：本表无数据 or the end. */
  dataRows(sheet: Sheet, header: Header, title: string): DataRow[] {
    const rows: DataRow[] = [];
    const mapped = [...header.columnOf.values()];
    const headerTexts = (sheet.rows[header.row] ?? []).map((cell) => cell.text).join('|');
    for (let row = header.row + 1; row < sheet.rows.length; row++) {
      const cells = sheet.rows[row] ?? [];
      const texts = cells.map((cell) => cell.text).filter((text) => text !== '');
      if (texts.some((text) => EMPTY_NOTE.test(text))) break;
      // Printed pages repeat the title and header; extraction leaves watermark and label lines.
      const isDecoration = (text: string) => DECORATION.test(text) || normalise(text) === title;
      if (texts.length === 0 || texts.every(isDecoration)) continue;
      if (cells.map((cell) => cell.text).join('|') === headerTexts) continue;
      // The column-number row under the header of 表十二/表十三: 1 2 3 … n.
      if (mapped.every((column, index) => cells[column]?.text === String(index + 1))) continue;
      if (mapped.every((column) => (cells[column]?.text ?? '') === '')) continue;
      rows.push({ row, cells });
    }
    return rows;
  }

  text(data: DataRow, header: Header, key: string): string {
    return data.cells[header.columnOf.get(key) ?? -1]?.text ?? '';
  }

  /** An amount as the reference JSON writes it (万元 text), or null; a bad one is a problem. */
  amount(sheet: Sheet, data: DataRow, header: Header, key: string): string | null {
    const column = header.columnOf.get(key) ?? -1;
    const cell = data.cells[column];
    if (!cell) return null;
    if (cell.isUncomputedFormula) {
      this.problem(
        sheet,
        data.row,
        column,
        '公式没有计算结果（可能引用了其他文件），请在 Excel/WPS 中重新计算并保存后再导入',
      );
      return null;
    }
    if (cell.text === '') return null;
    if (cell.mergedInto !== undefined) {
      this.problem(
        sheet,
        data.row,
        column,
        `金额单元格与 ${cell.mergedInto} 合并，同一金额会被计入两栏；请取消合并，每栏填写各自的金额`,
      );
      return null;
    }
    const parsed = parseAmount(cell.text, 'wanYuan');
    if (!parsed.ok) {
      this.problem(sheet, data.row, column, `应为金额（万元），实际为“${cell.text}”：${parsed.reason}`);
      return null;
    }
    if (parsed.fen !== null && parsed.fen < 0) {
      this.problem(sheet, data.row, column, `金额不应为负数（${cell.text}）`);
      return null;
    }
    return cell.text;
  }

  amounts(sheet: Sheet, data: DataRow, header: Header, keys: readonly string[]): JsonRecord {
    return Object.fromEntries(keys.map((key) => [key, this.amount(sheet, data, header, key)]));
  }

  locate(jsonPath: string, sheet: Sheet, data: DataRow): void {
    this.locations.set(jsonPath, `${sheet.name}!${cellAddress(data.row, 0)}`);
  }
}

function amountKeys(
  columns: readonly ColumnDefinition[],
  side?: 'income' | 'expenditure',
  definition?: TableDefinition,
): string[] {
  const source =
    side && definition ? columnsOfSide(definition, side).filter((column) => column.isPublished) : columns;
  return source.filter((column) => column.kind === 'amount').map((column) => column.key);
}

/** Reads one table into the reference shape (only what the draft reader takes). */
function readTable(reader: TableReader, key: TableKey, sheet: Sheet, header: Header): JsonRecord {
  const definition = TABLE_DEFINITIONS[key];
  const columns = publishedColumns(definition);
  const title = normalise(sheet.rows.flat().find((cell) => /^\d{4}年/u.test(cell.text))?.text ?? '');
  const rows = reader.dataRows(sheet, header, title);
  const model = definition.rowModel;
  switch (model.kind) {
    case 'fixed': {
      if (key === 't10') {
        return {
          rows: rows.map((data, index) => {
            const label = normalise(reader.text(data, header, 'label'));
            const known = THREE_PUBLIC_EXPENSE_ROWS.find((row) => normalise(row.label) === label);
            if (!known)
              reader.problem(sheet, data.row, header.columnOf.get('label') ?? 0, `表十没有“${label}”这一行`);
            reader.locate(`tables.t10.rows[${index}]`, sheet, data);
            return {
              key: known?.key ?? label,
              label,
              ...reader.amounts(sheet, data, header, amountKeys(columns)),
            };
          }),
        };
      }
      // 表一/表四 are derived; only 年终结转, their one input, is read.
      const yearEnd = rows.find(
        (data) =>
          normalise(data.cells[header.columnOf.get('label') ?? -1]?.text ?? '') === '年终结转' ||
          data.cells.some((cell) => normalise(cell.text) === '年终结转'),
      );
      const expenditureKeys = amountKeys(columns, 'expenditure', definition);
      return {
        summary: { yearEndCarryover: yearEnd ? reader.amounts(sheet, yearEnd, header, expenditureKeys) : {} },
      };
    }
    case 'subjects':
    case 'economic':
    case 'units': {
      const [totalRow, ...detail] = rows;
      const keys = amountKeys(columns);
      const labelKey =
        model.kind === 'subjects' ? 'code' : model.kind === 'economic' ? 'deptEcon' : 'unitName';
      const total = totalRow
        ? reader.amounts(sheet, totalRow, header, keys)
        : Object.fromEntries(keys.map((k) => [k, null]));
      if (totalRow && !/合计/u.test(reader.text(totalRow, header, labelKey))) {
        reader.problem(
          sheet,
          totalRow.row,
          header.columnOf.get(labelKey) ?? 0,
          `第一行应为合计行，实际为“${reader.text(totalRow, header, labelKey)}”`,
        );
      }
      let currentClass = '';
      return {
        totalRow: total,
        rows: detail.map((data, index) => {
          reader.locate(`tables.${key}.rows[${index}]`, sheet, data);
          const amounts = reader.amounts(sheet, data, header, keys);
          if (model.kind === 'subjects') {
            return {
              code: reader.text(data, header, 'code'),
              name: reader.text(data, header, 'name'),
              ...amounts,
            };
          }
          if (model.kind === 'units') return { unitName: reader.text(data, header, 'unitName'), ...amounts };
          const deptEcon = reader.text(data, header, 'deptEcon');
          const govEcon = reader.text(data, header, 'govEcon');
          const isClass = govEcon === '';
          if (isClass) currentClass = deptEcon;
          return { deptEcon, govEcon: isClass ? null : govEcon, isClass, class: currentClass, ...amounts };
        }),
      };
    }
    case 'projects': {
      const keys = amountKeys(columns);
      const levels = rows.map((data) => data.cells[header.columnOf.get('name') ?? 0]?.indent ?? 0);
      const deepest = Math.max(0, ...levels);
      return {
        rows: rows.map((data, index) => {
          reader.locate(`tables.${key}.rows[${index}]`, sheet, data);
          const level = levels[index] ?? 0;
          const role = level === 0 ? 'total' : level === deepest ? 'project' : 'unit';
          return {
            name: reader.text(data, header, 'name'),
            role,
            level,
            ...reader.amounts(sheet, data, header, keys),
          };
        }),
      };
    }
    case 'capitalOperations': {
      // The first line is the 合计 of both halves; it is derived.
      const [, ...lines] = rows;
      return {
        rows: lines.map((data, index) => {
          reader.locate(`tables.t9.rows[${index}]`, sheet, data);
          const incCode = reader.text(data, header, 'incCode');
          const code = reader.text(data, header, 'code');
          return {
            incCode: incCode === '' ? null : incCode,
            incName: incCode === '' ? null : reader.text(data, header, 'incName'),
            ...reader.amounts(sheet, data, header, ['incAmount']),
            code: code === '' ? null : code,
            name: code === '' ? null : reader.text(data, header, 'name'),
            ...reader.amounts(sheet, data, header, ['total', 'basic', 'project']),
          };
        }),
      };
    }
  }
}

/** The reference JSON of a tables workbook, and where each of its rows came from. */
export function tablesFromSheets(
  file: string,
  sheets: readonly Sheet[],
): { json: JsonRecord; locate: Locate } {
  const reader = new TableReader(file);
  const tables: JsonRecord = {};
  let nameLine = '';
  let year: number | null = null;
  for (const key of TABLE_KEYS) {
    const definition = TABLE_DEFINITIONS[key];
    const sheet = sheetFor(definition, sheets);
    if (!sheet) {
      reader.problems.push(
        `${path.basename(file)}：缺少“${definition.shortName}”工作表（${tableTitle(definition, 0).replace('0年', 'YYYY年')}）`,
      );
      continue;
    }
    const columns = publishedColumns(definition);
    const header = findHeader(sheet, columns);
    if (!header) {
      const expected = columns
        .map((column) => (column.header.at(-1) ?? column.key).replace('{year}', 'YYYY'))
        .join('、');
      reader.problems.push(`${path.basename(file)} ${sheet.name}：找不到表头（应依次有：${expected}）`);
      continue;
    }
    for (const row of sheet.rows.slice(0, header.row)) {
      for (const cell of row) {
        if (nameLine === '' && /^(单位|部门)名称[:：]/u.test(cell.text)) nameLine = cell.text;
        // Amounts are read as 万元: a table in 元 would come in ten thousand times too large.
        // Only a money unit counts (单位：万元（保留两位小数）is fine, 单位：某某局 is no unit).
        const amountUnit = /^(?:金额)?单位[:：]\s*(亿元|万元|千元|百元|元)/u.exec(cell.text)?.[1];
        if (amountUnit !== undefined && amountUnit !== '万元') {
          reader.problems.push(
            `${path.basename(file)} ${sheet.name}：金额单位为“${amountUnit}”，表格应以万元填列；请换算为万元后再导入`,
          );
        }
        const titleYear = /^(\d{4})年/u.exec(cell.text)?.[1];
        if (year === null && titleYear && key === 't1') year = Number(titleYear);
      }
    }
    tables[key] = readTable(reader, key, sheet, header);
  }
  const nameMatch = /^(单位|部门)名称[:：]\s*(.+)$/u.exec(nameLine);
  if (!nameMatch) reader.problems.push(`${path.basename(file)} 表一：找不到“单位名称：”或“部门名称：”一行`);
  if (year === null) reader.problems.push(`${path.basename(file)} 表一：标题中找不到预算年度`);
  if (reader.problems.length > 0) {
    throw refusedWithProblems('导入', reader.problems, { file });
  }
  return {
    json: { unitName: nameMatch?.[2]?.trim() ?? '', kind: nameMatch?.[1] ?? '', year, tables },
    locate: (jsonPath) => reader.locations.get(jsonPath),
  };
}
