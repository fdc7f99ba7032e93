import type { Fen } from '../money';
import type { TableKey } from '../tables/types';
import type { StoredCell, WorkbookContent } from './content';
import { cellId, evaluateWorkbook, formulaOf, layoutWorkbook } from './evaluate';

/**
 * The cells to store so that a workbook of this structure shows `expected` (cell id → value):
 * the figures of input cells as inputs, and overrides where a computed cell of a reconciled
 * table is expected to show something other than its formula gives (a published 尾差, or a 部门
 * total summed from units whose own totals were overridden). The structure's cells are ignored.
 */
export function storedCellsShowing(
  structure: WorkbookContent,
  expected: ReadonlyMap<string, Fen | null>,
  reconciledTables: readonly TableKey[],
  isRounded: (id: string) => boolean,
): StoredCell[] {
  const empty: WorkbookContent = { ...structure, cells: [] };
  const layouts = layoutWorkbook(empty);
  const inputs: StoredCell[] = [];
  for (const [id, fen] of expected) {
    const [table, row, column] = id.split('|') as [TableKey, string, string];
    const shape = layouts[table].byKey.get(row);
    if (fen !== null && shape && formulaOf(layouts[table].definition, shape, column) === null) {
      inputs.push({ table, row, column, fen, origin: 'input', isRounded: isRounded(id) });
    }
  }
  const overrides: StoredCell[] = [];
  const reconciled = new Set(reconciledTables);
  evaluateWorkbook({ ...empty, cells: inputs }, (address, computed) => {
    if (!reconciled.has(address.table)) return undefined;
    const id = cellId(address);
    if (!expected.has(id)) return undefined;
    const wanted = expected.get(id) ?? null;
    if (wanted === computed || (wanted === null && computed === 0)) return undefined;
    // A total expected blank over parts that are not: kept as a zero, which prints blank too.
    const fen = wanted ?? 0;
    overrides.push({ ...address, fen, origin: 'override', isRounded: isRounded(id) });
    return fen;
  });
  return [...inputs, ...overrides];
}
