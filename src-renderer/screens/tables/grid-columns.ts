/**
 * The grid's columns, read from the table definition: one leaf per defined column, grouped
 * under the definition's multi-level header (ColumnDefinition.header), 万元 with two decimals.
 */
import type { CellClassParams, ColDef, ColGroupDef, IRowNode } from 'ag-grid-community';
import { type AmountUnit, formatWanYuan } from '../../../shared/money';
import type { ColumnDefinition, TableDefinition } from '../../../shared/tables/types';
import type { EvaluatedCell } from '../../../shared/workbook/evaluate';
import { amountToText } from '../../forms/amount-text';
import { type GridLine, type Half, halvesOf, lineCell } from './grid-lines';

/** What the column callbacks read at call time (the grid's `context`), so columns stay put. */
export interface GridContext {
  unit: AmountUnit;
  /** 已定稿: no cell takes typing. */
  isReadOnly: boolean;
}

/** A leaf column of the grid: which half of the table and which defined column. */
export interface GridColumn {
  readonly colId: string;
  readonly half: Half;
  readonly definition: ColumnDefinition;
  /** Its number in the printed column-number row (表十二/表十三), or null when not printed. */
  readonly printedNumber: number | null;
}

export function gridColumns(definition: TableDefinition): readonly GridColumn[] {
  const halves = halvesOf(definition);
  let printed = 0;
  return halves.flatMap((half) =>
    (definition.columns[half] ?? []).map((column) => ({
      colId: halves.length === 1 ? column.key : `${half}.${column.key}`,
      half,
      definition: column,
      printedNumber: column.isPublished ? ++printed : null,
    })),
  );
}

/** The grid line pinned under the header that carries the column numbers, as printed. */
export const COLUMN_NUMBERS_LINE: GridLine = { id: 'column-numbers', rows: {} };

/** The column's number on the pinned column-number line; undefined on every other line. */
function columnNumberOn(node: IRowNode<GridLine> | null, column: GridColumn): string | undefined {
  if (node?.rowPinned !== 'top') return undefined;
  return column.printedNumber === null ? '' : String(column.printedNumber);
}

/** Input and overridden cells take typing; a computed cell follows from its formula. */
export function isTypable(cell: EvaluatedCell | undefined): boolean {
  return cell?.state === 'input' || cell?.state === 'overridden';
}

function cellTooltip(cell: EvaluatedCell | undefined): string | undefined {
  switch (cell?.state) {
    case 'computed':
      return '计算值：由公式得出，不能直接输入（可在上方“覆盖计算值”）';
    case 'overridden':
      return `已覆盖计算值；公式得出 ${formatWanYuan(cell.computedFen ?? null) || '空'} 万元`;
    default:
      return undefined;
  }
}

const INDENT_LEVELS = [1, 2, 3, 4] as const;

/** Code columns are narrow; the last label of each half (the name) takes the spare width. */
const CODE_COLUMNS = new Set(['code', 'incCode']);

function leafColumn(
  column: GridColumn,
  yearText: (text: string) => string,
  isName: boolean,
): ColDef<GridLine> {
  const { half, definition } = column;
  const header = definition.header.map(yearText);
  const base: ColDef<GridLine> = {
    colId: column.colId,
    headerName: header.at(-1) ?? definition.key,
    headerTooltip: definition.isPublished
      ? header.join(' / ')
      : `${header.join(' / ')}：工作列，不印在公开的表中（用于区分上年结转的资金来源）`,
    ...(definition.isPublished ? {} : { headerClass: 'header-working' }),
    cellDataType: false,
  };
  if (definition.kind === 'label') {
    return {
      ...base,
      valueGetter: ({ data, node }) =>
        columnNumberOn(node, column) ??
        (data === undefined ? '' : (data.rows[half]?.labels[definition.key] ?? '')),
      editable: false,
      cellClass: 'cell-label',
      // Rules, not a class callback: the grid re-applies rules when a row's data changes.
      ...(isName && {
        cellClassRules: Object.fromEntries(
          INDENT_LEVELS.map((level) => [
            `cell-indent-${level}`,
            ({ data }: CellClassParams<GridLine>) => Math.min(data?.rows[half]?.level ?? 0, 4) === level,
          ]),
        ),
      }),
      ...(CODE_COLUMNS.has(definition.key) ? { width: 104 } : { flex: 1, minWidth: isName ? 180 : 160 }),
    };
  }
  const cellOf = (data: GridLine | undefined) =>
    data === undefined ? undefined : lineCell(data, half, definition.key);
  return {
    ...base,
    width: 100,
    minWidth: 84,
    // The editor starts from the exact amount in the unit being typed; the display is 万元.
    valueGetter: ({ data, node, context }) => {
      const cell = cellOf(data)?.cell;
      if (cell === undefined) return columnNumberOn(node, column) ?? null;
      return amountToText(cell.fen, (context as GridContext).unit);
    },
    valueFormatter: ({ data, node }) =>
      columnNumberOn(node, column) ?? formatWanYuan(cellOf(data)?.cell?.fen ?? null),
    editable: ({ data, context }) => !(context as GridContext).isReadOnly && isTypable(cellOf(data)?.cell),
    cellEditor: 'agTextCellEditor',
    cellClass: 'cell-amount',
    cellClassRules: {
      'cell-void': ({ data }) => cellOf(data)?.cell === undefined,
      'cell-input': ({ data }) => cellOf(data)?.cell?.state === 'input',
      'cell-computed': ({ data }) => cellOf(data)?.cell?.state === 'computed',
      'cell-overridden': ({ data }) => cellOf(data)?.cell?.state === 'overridden',
    },
    tooltip: (params) => (params.location === 'cell' ? cellTooltip(cellOf(params.data)?.cell) : undefined),
  };
}

type AnyColumn = ColDef<GridLine> | ColGroupDef<GridLine>;

interface Leaf {
  readonly path: readonly string[];
  readonly column: ColDef<GridLine>;
}

/**
 * A column followed by its 其中 columns (表二's 上年结转 and the working columns of which funds
 * it holds) heads them: one group, the column itself as its 小计.
 */
function withSubtotals(leaves: readonly Leaf[]): Leaf[] {
  return leaves.map((leaf, index) => {
    const next = leaves[index + 1];
    const heads =
      next !== undefined &&
      next.path.length > leaf.path.length &&
      leaf.path.every((part, depth) => next.path[depth] === part);
    return heads ? { path: [...leaf.path, '小计'], column: { ...leaf.column, headerName: '小计' } } : leaf;
  });
}

/** Consecutive leaves that share a header cell at a depth go under one group, as printed. */
function grouped(leaves: readonly Leaf[], depth: number, idPrefix: string): AnyColumn[] {
  const result: AnyColumn[] = [];
  let start = 0;
  while (start < leaves.length) {
    const leaf = leaves[start] as Leaf;
    if (leaf.path.length - 1 <= depth) {
      result.push(leaf.column);
      start++;
      continue;
    }
    const name = leaf.path[depth] ?? '';
    let end = start + 1;
    while (
      end < leaves.length &&
      (leaves[end] as Leaf).path.length - 1 > depth &&
      leaves[end]?.path[depth] === name
    ) {
      end++;
    }
    const groupId = `${idPrefix}/${start}:${name}`;
    result.push({
      groupId,
      headerName: name,
      marryChildren: true,
      children: grouped(leaves.slice(start, end), depth + 1, groupId),
    });
    start = end;
  }
  return result;
}

export function columnDefs(definition: TableDefinition, year: number): AnyColumn[] {
  const yearText = (text: string) => text.replaceAll('{year}', String(year));
  const columns = gridColumns(definition);
  const lastLabelOfHalf = new Map<Half, string>();
  for (const column of columns) {
    if (column.definition.kind === 'label' && !CODE_COLUMNS.has(column.definition.key)) {
      lastLabelOfHalf.set(column.half, column.colId);
    }
  }
  const leaves = columns.map((column) => ({
    path: column.definition.header.map(yearText),
    column: leafColumn(column, yearText, lastLabelOfHalf.get(column.half) === column.colId),
  }));
  return grouped(withSubtotals(leaves), 0, 'group');
}
