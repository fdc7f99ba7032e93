/**
 * One table as an ag-grid: the grid does the spreadsheet behaviour (keyboard movement, typing
 * into a cell, Enter moving down); every change goes to the main process as one request, and
 * the grid shows what comes back (`readOnlyEdit`: the grid never changes its own data).
 */
import type { CellEditRequestEvent, CellFocusedEvent, LocaleText, RowClassRules } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { type ClipboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { TableView } from '../../../shared/contract/views';
import type { AmountUnit } from '../../../shared/money';
import type { TableDefinition } from '../../../shared/tables/types';
import type { CellAddress } from '../../../shared/workbook/evaluate';
import { api } from '../../api/client';
import { runEdit, useWorkbook } from '../../state/workbook';
import { parseClipboardBlock } from './clipboard-block';
import {
  COLUMN_NUMBERS_LINE,
  type GridColumn,
  type GridContext,
  columnDefs,
  gridColumns,
} from './grid-columns';
import { type GridLine, findLine, gridLines } from './grid-lines';

const LOCALE_TEXT: LocaleText = {
  noRowsToShow: '本表还没有行',
  loadingOoo: '正在读取…',
};

const PINNED_COLUMN_NUMBERS = [COLUMN_NUMBERS_LINE];
const NOTHING_PINNED: GridLine[] = [];

const ROW_CLASS_RULES: RowClassRules<GridLine> = {
  'row-column-numbers': ({ node }) => node.rowPinned === 'top',
  'row-total': ({ data }) => Object.values(data?.rows ?? {}).some((row) => row.kind === 'total'),
  'row-parent': ({ data }) =>
    Object.values(data?.rows ?? {}).some((row) => row.kind !== 'total' && row.childKeys.length > 0),
};

interface TableGridProps {
  readonly definition: TableDefinition;
  readonly view: TableView;
  readonly unit: AmountUnit;
  readonly isReadOnly: boolean;
}

export function TableGrid({ definition, view, unit, isReadOnly }: TableGridProps) {
  const gridRef = useRef<AgGridReact<GridLine>>(null);
  const [isReady, setIsReady] = useState(false);
  const context = useRef<GridContext>({ unit, isReadOnly });
  const cellRequest = useWorkbook((state) => state.cellRequest);
  const handledRequest = useRef(0);

  const lines = useMemo(() => gridLines(definition, view.rows), [definition, view.rows]);
  const columns = useMemo(
    () => new Map(gridColumns(definition).map((column) => [column.colId, column])),
    [definition],
  );
  const defs = useMemo(() => columnDefs(definition, view.year), [definition, view.year]);

  /** The table cell under a grid cell: the row of the column's half, and the column's key. */
  const addressAt = (
    line: GridLine | undefined,
    colId: string,
  ): { column: GridColumn; address: CellAddress } | undefined => {
    const column = columns.get(colId);
    const row = column === undefined ? undefined : line?.rows[column.half];
    if (column === undefined || row === undefined) return undefined;
    return { column, address: { table: definition.key, row: row.key, column: column.definition.key } };
  };

  useEffect(() => {
    context.current.unit = unit;
    context.current.isReadOnly = isReadOnly;
    gridRef.current?.api?.refreshCells({ force: true });
  }, [unit, isReadOnly]);

  // A finding asked for a cell of this table: bring it into view, focus and flash it.
  useEffect(() => {
    const gridApi = gridRef.current?.api;
    if (!isReady || gridApi === undefined || cellRequest === null) return;
    if (cellRequest.address.table !== definition.key || cellRequest.serial === handledRequest.current) return;
    handledRequest.current = cellRequest.serial;
    const found = findLine(definition, lines, cellRequest.address);
    const column = [...columns.values()].find(
      (candidate) =>
        candidate.half === found?.half && candidate.definition.key === cellRequest.address.column,
    );
    if (found === undefined || column === undefined) {
      const [next, ...rest] = cellRequest.alternatives;
      if (next !== undefined) useWorkbook.getState().goToCell(next, rest);
      else
        useWorkbook
          .getState()
          .reportError(`${definition.shortName}中没有这个单元格（${cellRequest.address.row}）`);
      return;
    }
    gridApi.ensureIndexVisible(found.index, 'middle');
    gridApi.ensureColumnVisible(column.colId, 'auto');
    gridApi.setFocusedCell(found.index, column.colId);
    const node = gridApi.getDisplayedRowAtIndex(found.index);
    if (node !== undefined) {
      gridApi.flashCells({
        rowNodes: [node],
        columns: [column.colId],
        flashDuration: 1200,
        fadeDuration: 800,
      });
    }
  }, [isReady, cellRequest, lines, columns, definition]);

  const onCellEditRequest = (event: CellEditRequestEvent<GridLine>) => {
    const target = addressAt(event.data, event.column.getColId());
    if (target === undefined) return;
    const cell = event.data.rows[target.column.half]?.cells[target.address.column];
    const text = typeof event.newValue === 'string' ? event.newValue : '';
    void runEdit(() =>
      api.invoke('tables/setCell', {
        ...target.address,
        text,
        unit: context.current.unit,
        ...(cell?.state === 'overridden' ? { override: true } : {}),
      }),
    );
  };

  const onCellFocused = (event: CellFocusedEvent<GridLine>) => {
    const gridApi = gridRef.current?.api;
    const colId = typeof event.column === 'string' ? event.column : event.column?.getColId();
    if (gridApi === undefined || event.rowIndex === null || colId === undefined) return;
    if (event.rowPinned !== null && event.rowPinned !== undefined) {
      useWorkbook.getState().selectCell(null);
      return;
    }
    const target = addressAt(gridApi.getDisplayedRowAtIndex(event.rowIndex)?.data, colId);
    useWorkbook.getState().selectCell(target?.address ?? null);
  };

  /**
   * A block copied from Excel/WPS arrives as the paste event of the focused cell (ag-grid
   * community has no clipboard module); it fills rightwards and downwards from that cell.
   */
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const gridApi = gridRef.current?.api;
    if (gridApi === undefined || gridApi.getEditingCells().length > 0) return;
    // 已定稿: the notice above the screen says why nothing is pasted.
    if (context.current.isReadOnly) return;
    const focused = gridApi.getFocusedCell();
    if (focused === null || (focused.rowPinned !== null && focused.rowPinned !== undefined)) return;
    event.preventDefault();
    const values = parseClipboardBlock(event.clipboardData.getData('text/plain'));
    if (values.length === 0) return;
    const target = addressAt(
      gridApi.getDisplayedRowAtIndex(focused.rowIndex)?.data,
      focused.column.getColId(),
    );
    if (target === undefined || target.column.definition.kind !== 'amount') {
      useWorkbook.getState().reportError('请先选中粘贴区域左上角的金额单元格，再粘贴（Ctrl+V）');
      return;
    }
    void runEdit(() => api.invoke('tables/paste', { ...target.address, values, unit: context.current.unit }));
  };

  return (
    <div
      className={
        isReadOnly ? 'table-grid table-grid--read-only ag-theme-balham' : 'table-grid ag-theme-balham'
      }
      onPaste={onPaste}
    >
      <AgGridReact<GridLine>
        ref={gridRef}
        theme="legacy"
        rowData={lines as GridLine[]}
        // 表十二/表十三 print a row of column numbers under the header; the grid keeps it in view.
        pinnedTopRowData={definition.hasColumnNumbers ? PINNED_COLUMN_NUMBERS : NOTHING_PINNED}
        columnDefs={defs}
        context={context.current}
        getRowId={({ data }) => data.id}
        rowClassRules={ROW_CLASS_RULES}
        defaultColDef={{
          sortable: false,
          suppressMovable: true,
          resizable: true,
          wrapHeaderText: true,
          autoHeaderHeight: true,
        }}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        onGridReady={() => setIsReady(true)}
        singleClickEdit={false}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        tooltipShowDelay={400}
        localeText={LOCALE_TEXT}
        suppressColumnVirtualisation={false}
      />
    </div>
  );
}
