/**
 * What one of the thirteen tables prints, independent of how it is drawn: its columns with
 * their header paths, and its printed lines cell by cell (tables-spec §1, document-spec §2).
 */
import { printedAmount } from '../../../shared/tables/reference-json';
import { columnsOfSide, twoSidedLines } from '../../../shared/tables/definitions';
import type { TableDefinition } from '../../../shared/tables/types';
import type { EvaluatedRow, EvaluatedTable } from '../../../shared/workbook/evaluate';

/** code: 科目编码 (fixed width); name: any other label (takes the free width, wraps); amount. */
export type ColumnRole = 'code' | 'name' | 'amount';

export interface PrintedColumn {
  readonly key: string;
  readonly role: ColumnRole;
  /** Header path from the top header row down, with the budget year filled in. */
  readonly header: readonly string[];
}

export interface PrintedCell {
  readonly text: string;
  readonly role: ColumnRole;
  /**
   * Columns this cell covers; the covered positions to its right are `null` in the line. Only
   * a total row's label spreads over several columns (合计 over 科目编码 and 科目名称).
   */
  readonly colSpan: number;
  /** Indentation steps of a name in a tree (表十二/表十三: 部门 → 单位 → 项目). */
  readonly indent: number;
}

export type PrintedLine = readonly (PrintedCell | null)[];

export interface PrintedTable {
  readonly definition: TableDefinition;
  readonly columns: readonly PrintedColumn[];
  readonly lines: readonly PrintedLine[];
  readonly hasColumnNumbers: boolean;
  readonly isEmpty: boolean;
}

const CODE_COLUMNS = new Set(['code', 'incCode']);

function printedColumns(definition: TableDefinition, side: 'income' | 'expenditure' | 'main', year: number) {
  return columnsOfSide(definition, side)
    .filter((column) => column.isPublished)
    .map((column): PrintedColumn => ({
      key: column.key,
      role: column.kind === 'amount' ? 'amount' : CODE_COLUMNS.has(column.key) ? 'code' : 'name',
      header: column.header.map((text) => text.replaceAll('{year}', String(year))),
    }));
}

function blankCell(column: PrintedColumn): PrintedCell {
  return { text: '', role: column.role, colSpan: 1, indent: 0 };
}

/**
 * The cells of one row under the given columns (one side of a two-sided table, or the whole
 * width). On a total row the leading label columns (科目编码 + 科目名称) merge into one cell.
 */
function rowCells(
  row: EvaluatedRow | undefined,
  columns: readonly PrintedColumn[],
  indentsNames: boolean,
): (PrintedCell | null)[] {
  if (row === undefined) return columns.map(blankCell);
  const cells = columns.map((column) => ({
    text:
      column.role === 'amount'
        ? (printedAmount(row.cells[column.key]?.fen) ?? '')
        : (row.labels[column.key] ?? ''),
    role: column.role,
    colSpan: 1,
    indent: indentsNames && column.role === 'name' ? row.level : 0,
  }));
  const leadingLabels = columns.findIndex((column) => column.role === 'amount');
  if (row.kind !== 'total' || leadingLabels < 2) return cells;
  const label = cells
    .slice(0, leadingLabels)
    .map((cell) => cell.text)
    .filter((text) => text !== '')
    .join(' ');
  return [
    { text: label, role: 'name', colSpan: leadingLabels, indent: 0 },
    ...Array<null>(leadingLabels - 1).fill(null),
    ...cells.slice(leadingLabels),
  ];
}

function twoSidedTable(
  table: EvaluatedTable,
  income: readonly PrintedColumn[],
  expenditure: readonly PrintedColumn[],
) {
  const byKey = new Map(table.rows.map((row) => [row.key, row]));
  return twoSidedLines(table.definition).map(([incomeKey, expenditureKey]) => [
    ...rowCells(incomeKey === null ? undefined : byKey.get(incomeKey), income, false),
    ...rowCells(expenditureKey === null ? undefined : byKey.get(expenditureKey), expenditure, false),
  ]);
}

/** 表九: one 合计 line over both halves, then income and expenditure 科目 side by side. */
function capitalOperationsTable(
  table: EvaluatedTable,
  income: readonly PrintedColumn[],
  expenditure: readonly PrintedColumn[],
) {
  const [total, ...rest] = table.rows;
  const incomeRows = rest.filter((row) => row.side === 'income');
  const expenditureRows = rest.filter((row) => row.side === 'expenditure');
  const lines = [[...rowCells(total, income, false), ...rowCells(total, expenditure, false)]];
  for (let index = 0; index < Math.max(incomeRows.length, expenditureRows.length); index++) {
    lines.push([
      ...rowCells(incomeRows[index], income, false),
      ...rowCells(expenditureRows[index], expenditure, false),
    ]);
  }
  return lines;
}

/**
 * The printed table. A project table (表十二/表十三) without any project prints no rows at all:
 * its top row names the 部门, not a 合计 (tables-spec §1.6).
 */
export function printedTable(table: EvaluatedTable): PrintedTable {
  const { definition, year } = table;
  const model = definition.rowModel;
  const isTwoSided = definition.columns.income !== undefined;
  const income = isTwoSided ? printedColumns(definition, 'income', year) : [];
  const expenditure = isTwoSided ? printedColumns(definition, 'expenditure', year) : [];
  const main = isTwoSided ? [] : printedColumns(definition, 'main', year);
  let lines: PrintedLine[];
  if (model.kind === 'capitalOperations') {
    lines = capitalOperationsTable(table, income, expenditure);
  } else if (isTwoSided) {
    lines = twoSidedTable(table, income, expenditure);
  } else if (model.kind === 'projects') {
    const hasProjects = table.rows.some((row) => row.kind === 'project');
    lines = hasProjects ? table.rows.map((row) => rowCells(row, main, true)) : [];
  } else {
    lines = table.rows.map((row) => rowCells(row, main, false));
  }
  return {
    definition,
    columns: isTwoSided ? [...income, ...expenditure] : main,
    lines,
    hasColumnNumbers: definition.hasColumnNumbers,
    isEmpty: table.isEmpty,
  };
}
