import { columnsOfSide, twoSidedLines } from '../tables/definitions';
import type { EvaluatedRow, EvaluatedTable } from './evaluate';

/** The printed line number of a row (1-based): two-sided tables pair their halves on one line. */
export function printedRowNumber(table: EvaluatedTable, rowKey: string): number {
  const lines = twoSidedLines(table.definition);
  if (lines.length > 0) return lines.findIndex(([left, right]) => left === rowKey || right === rowKey) + 1;
  const row = table.rows.find((candidate) => candidate.key === rowKey);
  if (table.definition.rowModel.kind === 'capitalOperations' && row && row.kind !== 'total') {
    return table.rows.filter((candidate) => candidate.side === row.side).indexOf(row) + 2;
  }
  return table.rows.findIndex((candidate) => candidate.key === rowKey) + 1;
}

export function rowLabel(row: EvaluatedRow | undefined, rowKey: string): string {
  if (!row) return rowKey;
  return Object.values(row.labels)
    .filter((text) => text !== '')
    .join(' ');
}

/** The leaf header of a column, e.g. “一般公共预算”. */
export function columnLabel(table: EvaluatedTable, rowKey: string, column: string): string {
  const row = table.rows.find((candidate) => candidate.key === rowKey);
  const definition = columnsOfSide(table.definition, row?.side ?? 'main').find(
    (candidate) => candidate.key === column,
  );
  return (definition?.header.at(-1) ?? column).replaceAll('{year}', String(table.year));
}

/**
 * 第5行（2101102 事业单位医疗）; a 科目 compared with another table that does not list it has no
 * line to point at: 未列此行（208）.
 */
export function rowReference(table: EvaluatedTable, rowKey: string): string {
  const row = table.rows.find((candidate) => candidate.key === rowKey);
  const line = printedRowNumber(table, rowKey);
  return `${line > 0 ? `第${line}行` : '未列此行'}（${rowLabel(row, rowKey)}）`;
}

/** 表二 第5行（2101102 事业单位医疗）“一般公共预算”列 — the words a user finds the cell by. */
export function describeCell(table: EvaluatedTable, address: { row: string; column: string }): string {
  return (
    `${table.definition.shortName} ${rowReference(table, address.row)}` +
    `“${columnLabel(table, address.row, address.column)}”列`
  );
}
