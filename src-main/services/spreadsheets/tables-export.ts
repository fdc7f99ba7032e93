/**
 * Writes the thirteen tables as the finance bureau's tables workbook (templates README §1):
 * one sheet a table, title and 名称 line, multi-level headers merged from the column
 * definitions, amounts as numbers in 万元 (#,##0.00; zero and blank left empty), 科目编码 as
 * text, the 注：本表无数据 note, A4 landscape with the header rows repeated on every page.
 */
import ExcelJS from 'exceljs';
import { toPrintedCents } from '../../../shared/money';
import { nameLine } from '../../../shared/tables/reference-json';
import { columnsOfSide, twoSidedLines } from '../../../shared/tables/definitions';
import type { ColumnDefinition } from '../../../shared/tables/types';
import { TABLE_KEYS } from '../../../shared/tables/types';
import { AMOUNT_UNIT_LINE, EMPTY_TABLE_NOTE } from '../../../shared/tables/vocabulary';
import type { WorkbookContent } from '../../../shared/workbook/content';
import type { EvaluatedRow, EvaluatedTable, EvaluatedWorkbook } from '../../../shared/workbook/evaluate';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const FIRST_HEADER_ROW = 3;

/** One printed line: for each column, the row whose cell stands there (two-sided tables pair two). */
type Line = readonly (EvaluatedRow | undefined)[];

function layout(table: EvaluatedTable): { columns: ColumnDefinition[]; lines: Line[] } {
  const { definition } = table;
  const byKey = new Map(table.rows.map((row) => [row.key, row]));
  if (definition.columns.main === undefined) {
    const left = columnsOfSide(definition, 'income').filter((column) => column.isPublished);
    const right = columnsOfSide(definition, 'expenditure').filter((column) => column.isPublished);
    const columns = [...left, ...right];
    if (definition.rowModel.kind === 'capitalOperations') {
      const [total, ...rest] = table.rows;
      const income = rest.filter((row) => row.side === 'income');
      const expenditure = rest.filter((row) => row.side === 'expenditure');
      const lines: Line[] = [columns.map(() => total)];
      for (let index = 0; index < Math.max(income.length, expenditure.length); index++) {
        lines.push([...left.map(() => income[index]), ...right.map(() => expenditure[index])]);
      }
      return { columns, lines };
    }
    const lines = twoSidedLines(definition).map(([income, expenditure]) => [
      ...left.map(() => (income === null ? undefined : byKey.get(income))),
      ...right.map(() => (expenditure === null ? undefined : byKey.get(expenditure))),
    ]);
    return { columns, lines };
  }
  const columns = columnsOfSide(definition, 'main').filter((column) => column.isPublished);
  return { columns, lines: table.rows.map((row) => columns.map(() => row)) };
}

/** The header block: each path level a row; equal neighbours merge across, short paths merge down. */
function writeHeader(sheet: ExcelJS.Worksheet, columns: readonly ColumnDefinition[], year: number): number {
  const depth = Math.max(...columns.map((column) => column.header.length));
  const text = (label: string) => label.replaceAll('{year}', String(year));
  for (let level = 0; level < depth; level++) {
    const row = FIRST_HEADER_ROW + level;
    let start = 0;
    while (start < columns.length) {
      const path = columns[start]?.header ?? [];
      let end = start;
      const samePrefix = (other: readonly string[]) =>
        other.length > level &&
        path.length > level &&
        other.slice(0, level + 1).join('|') === path.slice(0, level + 1).join('|');
      while (
        end + 1 < columns.length &&
        level < path.length - 1 &&
        samePrefix(columns[end + 1]?.header ?? [])
      )
        end++;
      if (level < path.length) {
        const isLeaf = level === path.length - 1;
        const bottom = isLeaf ? FIRST_HEADER_ROW + depth - 1 : row;
        sheet.getCell(row, start + 1).value = text(path[level] ?? '');
        if (end > start || bottom > row) sheet.mergeCells(row, start + 1, bottom, end + 1);
      }
      start = end + 1;
    }
  }
  for (let level = 0; level < depth; level++) {
    for (let column = 1; column <= columns.length; column++) {
      const cell = sheet.getCell(FIRST_HEADER_ROW + level, column);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    }
  }
  return depth;
}

function writeTable(workbook: ExcelJS.Workbook, table: EvaluatedTable, content: WorkbookContent): void {
  const { definition } = table;
  const sheet = workbook.addWorksheet(definition.shortName);
  const { columns, lines } = layout(table);
  const width = columns.length;
  sheet.getCell(1, 1).value = table.title;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).value = nameLine(content.profile.scope, content.profile.name);
  if (width > 2) sheet.mergeCells(2, 1, 2, width - 1);
  sheet.getCell(2, width).value = AMOUNT_UNIT_LINE;
  sheet.getCell(2, width).alignment = { horizontal: 'right' };
  const depth = writeHeader(sheet, columns, table.year);
  let row = FIRST_HEADER_ROW + depth;
  if (definition.hasColumnNumbers) {
    columns.forEach((_, index) => {
      const cell = sheet.getCell(row, index + 1);
      cell.value = index + 1;
      cell.alignment = { horizontal: 'center' };
      cell.border = BORDER;
    });
    row++;
  }
  const headerRows = row - 1;
  for (const line of lines) {
    columns.forEach((column, index) => {
      const source = line[index];
      const cell = sheet.getCell(row, index + 1);
      cell.border = BORDER;
      if (!source) return;
      if (column.kind === 'label') {
        cell.value = source.labels[column.key] ?? '';
        if (column.key === 'code' || column.key === 'incCode') cell.numFmt = '@';
        if (definition.rowModel.kind === 'projects' && column.key === 'name')
          cell.alignment = { indent: source.level };
        return;
      }
      const fen = source.cells[column.key]?.fen ?? null;
      const cents = fen === null ? 0 : toPrintedCents(fen);
      // The file format stores numbers as doubles; 万元 with two decimals is what the template holds.
      if (cents !== 0) cell.value = cents / 100;
      cell.numFmt = '#,##0.00';
    });
    row++;
  }
  if (table.isEmpty) {
    sheet.getCell(row, 1).value = EMPTY_TABLE_NOTE;
    sheet.mergeCells(row, 1, row, width);
  }
  sheet.columns.forEach((column, index) => {
    const definitionColumn = columns[index];
    column.width = definitionColumn?.kind === 'label' ? (definitionColumn.key === 'code' ? 12 : 34) : 15;
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRows }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${FIRST_HEADER_ROW}:${headerRows}`,
  };
  sheet.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

/** The tables workbook of a workbook, as the bytes of an .xlsx file. */
export async function exportTablesXlsx(
  content: WorkbookContent,
  evaluated: EvaluatedWorkbook,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const key of TABLE_KEYS) writeTable(workbook, evaluated[key], content);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
