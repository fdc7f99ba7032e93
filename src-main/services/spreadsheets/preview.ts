/**
 * What an import (or a 部门's consolidation) would change in an open workbook, before anything
 * is written: rows new and removed, and cells whose printed amount changes, table by table, in
 * the words of the tables.
 */
import { tablesToReferenceJson } from '../../../shared/tables/reference-json';
import type { WorkbookDraft } from '../../../shared/tables/reference-json-import';
import { TABLE_DEFINITIONS, columnsOfSide } from '../../../shared/tables/definitions';
import { TABLE_KEYS, type TableKey } from '../../../shared/tables/types';
import type { WorkbookContent } from '../../../shared/workbook/content';
import { evaluateWorkbook } from '../../../shared/workbook/evaluate';
import { storedCellsOfDraft } from '../workbook/create-from-draft';

export interface CellChange {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface ImportPreview {
  readonly newRows: readonly { readonly table: string; readonly row: string }[];
  readonly removedRows: readonly { readonly table: string; readonly row: string }[];
  readonly changedCells: readonly CellChange[];
}

type JsonRow = Record<string, unknown>;

/** Every row of a table in the reference shape, under a name that stays the same across imports. */
function rowsOf(table: Record<string, unknown>): Map<string, JsonRow> {
  const rows = new Map<string, JsonRow>();
  const add = (name: string, row: unknown) => {
    if (typeof row !== 'object' || row === null) return;
    let key = name;
    for (let occurrence = 2; rows.has(key); occurrence++) key = `${name}（第${occurrence}处）`;
    rows.set(key, row as JsonRow);
  };
  if (table['totalRow']) add('合计', table['totalRow']);
  const summary = table['summary'];
  if (summary && typeof summary === 'object') {
    for (const row of Object.values(summary)) add(String((row as JsonRow)['label']), row);
  }
  for (const group of ['incomeRows', 'expenditureRows', 'carryoverRows', 'rows']) {
    const list = table[group];
    if (!Array.isArray(list)) continue;
    list.forEach((row: JsonRow, index) => {
      const parent =
        typeof row['parent'] === 'number' ? String((list[row['parent']] as JsonRow)['name'] ?? '') : '';
      const name =
        row['code'] !== undefined && row['code'] !== null
          ? `${String(row['code'])} ${String(row['name'] ?? '')}`
          : row['deptEcon'] !== undefined
            ? `${String(row['deptEcon'])} ${String(row['govEcon'] ?? '')}`.trim()
            : String(row['unitName'] ?? row['label'] ?? row['name'] ?? index);
      add(
        group === 'carryoverRows'
          ? `上年结转 ${name}`
          : parent === '' || parent === name
            ? name
            : `${parent} / ${name}`,
        row,
      );
    });
  }
  return rows;
}

function headerOf(table: TableKey, column: string): string {
  const definition = TABLE_DEFINITIONS[table];
  const found = (['main', 'income', 'expenditure'] as const)
    .flatMap((side) => columnsOfSide(definition, side))
    .find((candidate) => candidate.key === column);
  return found?.header.at(-1)?.replace('{year}', '') ?? column;
}

export function previewImport(
  existing: WorkbookContent,
  draft: WorkbookDraft,
  existingEvaluated = evaluateWorkbook(existing),
): ImportPreview {
  return previewTablesChange(existing, { ...draft, cells: storedCellsOfDraft(draft) }, existingEvaluated);
}

/**
 * What replacing the tables of `existing` by those of `incoming` changes, as printed; an open
 * workbook passes the evaluation it already holds (Workbook.evaluate).
 */
export function previewTablesChange(
  existing: WorkbookContent,
  incoming: WorkbookContent,
  existingEvaluated = evaluateWorkbook(existing),
): ImportPreview {
  const before = tablesToReferenceJson(existing, existingEvaluated) as {
    tables: Record<string, Record<string, unknown>>;
  };
  const after = tablesToReferenceJson(incoming, evaluateWorkbook(incoming)) as {
    tables: Record<string, Record<string, unknown>>;
  };
  const newRows: { table: string; row: string }[] = [];
  const removedRows: { table: string; row: string }[] = [];
  const changedCells: CellChange[] = [];
  for (const key of TABLE_KEYS) {
    const name = TABLE_DEFINITIONS[key].shortName;
    const oldRows = rowsOf(before.tables[key] ?? {});
    const newRowsOfTable = rowsOf(after.tables[key] ?? {});
    for (const [row, values] of newRowsOfTable) {
      const old = oldRows.get(row);
      if (!old) {
        newRows.push({ table: name, row });
        continue;
      }
      for (const [column, value] of Object.entries(values)) {
        const previous = old[column];
        const isAmount =
          (typeof value === 'string' || value === null) && /^[\d.,-]*$/u.test(String(value ?? ''));
        if (!isAmount || column === 'code' || previous === value) continue;
        changedCells.push({
          table: name,
          row,
          column: headerOf(key, column),
          before: (previous as string | null) ?? null,
          after: value as string | null,
        });
      }
    }
    for (const row of oldRows.keys()) if (!newRowsOfTable.has(row)) removedRows.push({ table: name, row });
  }
  return { newRows, removedRows, changedCells };
}
