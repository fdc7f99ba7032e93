/**
 * The indicator-grid editor: one row per 三级指标, in the nine groups' template order, with its
 * 指标值 read into comparator, number and unit. A number's parts can be edited in place (the
 * value is printed back from them); what cannot be read into a structure is flagged.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellEditRequestEvent,
  CellFocusedEvent,
  ColDef,
  EditableCallbackParams,
  GetRowIdParams,
  RowDataUpdatedEvent,
  RowDragEndEvent,
} from 'ag-grid-community';
import { INDICATOR_GROUPS, LEVEL1_GROUPS, type IndicatorGroupKey } from '../../../shared/goal-sheets/model';
import {
  EDITABLE_COMPARATORS,
  type IndicatorRow,
  type ValueReading,
  VALUE_KIND_LABEL,
  addIndicator,
  comparatorLabel,
  groupOf,
  moveIndicator,
  readIndicatorValue,
  removeIndicator,
  reorderByKeys,
  rewriteNumericPart,
  updateIndicator,
} from './indicator-rows';
import { ConfirmRemoval } from '../../shell/ConfirmRemoval';
import { useIsReadOnly } from '../../state/review';

interface GridRow extends IndicatorRow {
  readonly reading: ValueReading;
}

const GROUP_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  INDICATOR_GROUPS.map((group) => [group.key, group.level2]),
);

const NUMERIC_PARTS = ['comparator', 'number', 'unit'] as const;
type NumericPart = (typeof NUMERIC_PARTS)[number];

const isEditableNumber = (params: EditableCallbackParams<GridRow>) =>
  params.data?.reading.isEditableNumber === true;

const COLUMNS: ColDef<GridRow>[] = [
  { colId: 'drag', headerName: '', rowDrag: true, width: 30, suppressNavigable: true },
  {
    colId: 'level1',
    headerName: '一级指标',
    valueGetter: (params) => (params.data ? groupOf(params.data.group).level1 : ''),
    width: 84,
  },
  {
    colId: 'group',
    field: 'group',
    headerName: '二级指标',
    editable: true,
    refData: GROUP_LABELS,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: INDICATOR_GROUPS.map((group) => group.key) },
    width: 140,
  },
  {
    colId: 'name',
    field: 'name',
    headerName: '三级指标',
    editable: true,
    flex: 2,
    minWidth: 130,
    wrapText: true,
    autoHeight: true,
  },
  { colId: 'value', field: 'value', headerName: '指标值', editable: true, flex: 1, minWidth: 96 },
  {
    colId: 'kind',
    headerName: '类型',
    valueGetter: (params) =>
      params.data && params.data.value.trim() !== '' ? VALUE_KIND_LABEL[params.data.reading.kind] : '',
    width: 52,
  },
  {
    colId: 'comparator',
    headerName: '比较',
    valueGetter: (params) => params.data?.reading.comparator ?? '',
    editable: isEditableNumber,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: EDITABLE_COMPARATORS.map(comparatorLabel) },
    width: 56,
  },
  {
    colId: 'number',
    headerName: '数值',
    valueGetter: (params) => params.data?.reading.number ?? '',
    editable: isEditableNumber,
    width: 76,
    cellClass: 'indicator-grid__number',
  },
  {
    colId: 'unit',
    headerName: '单位',
    valueGetter: (params) => params.data?.reading.unit ?? '',
    editable: isEditableNumber,
    width: 70,
  },
  {
    colId: 'problems',
    headerName: '提示',
    valueGetter: (params) => params.data?.reading.problems.join('；') ?? '',
    cellClassRules: {
      'indicator-grid__unstructured': (params) => params.data?.reading.isUnstructured === true,
      'indicator-grid__hint': (params) => (params.data?.reading.problems.length ?? 0) > 0,
    },
    flex: 2,
    minWidth: 150,
    wrapText: true,
    autoHeight: true,
  },
];

const DEFAULT_COLUMN: ColDef<GridRow> = {
  sortable: false,
  suppressMovable: true,
  resizable: true,
  // A narrow column cuts its text; the whole of it shows on hover.
  tooltipValueGetter: (params) => (params.valueFormatted ?? params.value) as string | undefined,
};

const LOCALE_TEXT = { noRowsToShow: '还没有指标，请点击“添加指标”' };

function isNumericPart(colId: string): colId is NumericPart {
  return (NUMERIC_PARTS as readonly string[]).includes(colId);
}

export function IndicatorGrid(props: {
  /** The accessible name of the grid and its buttons' group, e.g. 年度绩效指标. */
  readonly label: string;
  readonly rows: readonly IndicatorRow[];
  readonly onChange: (rows: IndicatorRow[]) => void;
}) {
  const { rows, onChange, label } = props;
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [newGroup, setNewGroup] = useState<IndicatorGroupKey>('quantity');
  const [editProblem, setEditProblem] = useState<string | null>(null);
  const [isConfirmingRemoval, setConfirmingRemoval] = useState(false);
  const keyToEdit = useRef<string | null>(null);
  const isReadOnly = useIsReadOnly();
  // 已定稿: no cell opens an editor and no row is dragged (the buttons sit in an EditLock).
  const columns = useMemo(
    () => (isReadOnly ? COLUMNS.map((column) => ({ ...column, editable: false, rowDrag: false })) : COLUMNS),
    [isReadOnly],
  );

  const gridRows = useMemo<GridRow[]>(
    () => rows.map((row) => ({ ...row, reading: readIndicatorValue(row.group, row.name, row.value) })),
    [rows],
  );

  // A row just added: put the caret in its 三级指标 once the grid has taken the new rows.
  const startEditingAdded = useCallback((event: RowDataUpdatedEvent<GridRow>) => {
    const key = keyToEdit.current;
    const index = key === null ? null : event.api.getRowNode(key)?.rowIndex;
    if (index === null || index === undefined) return;
    keyToEdit.current = null;
    event.api.ensureIndexVisible(index);
    event.api.setFocusedCell(index, 'name');
    event.api.startEditingCell({ rowIndex: index, colKey: 'name' });
  }, []);

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<GridRow>) => {
      const colId = event.column.getColId();
      const text = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
      setEditProblem(null);
      if (colId === 'group') {
        const group = INDICATOR_GROUPS.find((candidate) => candidate.key === text);
        if (group) onChange(updateIndicator(rows, event.data.key, { group: group.key }));
        return;
      }
      if (colId === 'name' || colId === 'value') {
        onChange(updateIndicator(rows, event.data.key, { [colId]: text.trim() }));
        return;
      }
      if (!isNumericPart(colId)) return;
      const rewritten = rewriteNumericPart(event.data.value, colId, text);
      if ('problem' in rewritten) setEditProblem(rewritten.problem);
      else onChange(updateIndicator(rows, event.data.key, { value: rewritten.value }));
    },
    [rows, onChange],
  );

  const onRowDragEnd = useCallback(
    (event: RowDragEndEvent<GridRow>) => {
      const keys: string[] = [];
      event.api.forEachNode((node) => {
        if (node.data) keys.push(node.data.key);
      });
      if (event.node.data) onChange(reorderByKeys(rows, keys, event.node.data.key));
    },
    [rows, onChange],
  );

  const onCellFocused = useCallback((event: CellFocusedEvent<GridRow>) => {
    const index = event.rowIndex;
    const data = index === null ? undefined : event.api.getDisplayedRowAtIndex(index)?.data;
    setFocusedKey(data?.key ?? null);
    if (data) setNewGroup(data.group);
  }, []);

  const focused = rows.find((row) => row.key === focusedKey) ?? null;
  const add = () => {
    const added = addIndicator(rows, newGroup);
    onChange(added.rows);
    keyToEdit.current = added.key;
  };
  const remove = () => {
    if (focused) onChange(removeIndicator(rows, focused.key));
    setFocusedKey(null);
  };
  const move = (step: -1 | 1) => {
    if (focused) onChange(moveIndicator(rows, focused.key, step));
  };

  const counts = INDICATOR_GROUPS.map((group) => ({
    group,
    count: rows.filter((row) => row.group === group.key).length,
  }));
  const missingLevels = LEVEL1_GROUPS.filter(
    (level) =>
      level !== '满意度指标' && !counts.some((entry) => entry.group.level1 === level && entry.count > 0),
  );
  const flagged = gridRows.filter((row) => row.reading.isUnstructured).length;

  return (
    <section className="indicator-grid" aria-label={label}>
      <div className="indicator-grid__toolbar" role="group" aria-label={`${label}操作`}>
        <label className="indicator-grid__group-choice">
          <span>添加到</span>
          <select
            aria-label="新指标的二级指标"
            value={newGroup}
            onChange={(event) => setNewGroup(event.target.value as IndicatorGroupKey)}
          >
            {INDICATOR_GROUPS.map((group) => (
              <option key={group.key} value={group.key}>
                {group.level1} / {group.level2}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={add}>
          添加指标
        </button>
        <button type="button" className="button" onClick={() => move(-1)} disabled={!focused}>
          上移
        </button>
        <button type="button" className="button" onClick={() => move(1)} disabled={!focused}>
          下移
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => setConfirmingRemoval(true)}
          disabled={!focused}
        >
          删除指标
        </button>
        <span className="indicator-grid__focused">
          {focused ? `当前：${focused.name === '' ? '（未命名）' : focused.name}` : '点击一行以选中'}
        </span>
      </div>
      {isConfirmingRemoval && focused !== null && (
        <ConfirmRemoval
          title="删除指标"
          message={`将从${label}中删除指标“${focused.name === '' ? '（未命名）' : focused.name}”（${groupOf(focused.group).level2}）。保存后生效，保存前可以放弃修改。`}
          onConfirm={remove}
          onClose={() => setConfirmingRemoval(false)}
        />
      )}
      <div className="ag-theme-balham indicator-grid__grid">
        <AgGridReact<GridRow>
          theme="legacy"
          rowData={gridRows}
          columnDefs={columns}
          defaultColDef={DEFAULT_COLUMN}
          getRowId={(params: GetRowIdParams<GridRow>) => params.data.key}
          domLayout="autoHeight"
          readOnlyEdit
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          rowDragManaged
          // Rows sliding into place after every edit distract in a form.
          animateRows={false}
          localeText={LOCALE_TEXT}
          onRowDataUpdated={startEditingAdded}
          onCellEditRequest={onCellEditRequest}
          onRowDragEnd={onRowDragEnd}
          onCellFocused={onCellFocused}
        />
      </div>
      {editProblem === null ? null : (
        <p className="indicator-grid__problem" role="alert">
          {editProblem}
        </p>
      )}
      <p className="indicator-grid__summary">
        {counts.map(({ group, count }) => (
          <span key={group.key} className={count === 0 ? 'indicator-grid__count--empty' : undefined}>
            {group.level2} {count}
          </span>
        ))}
      </p>
      {missingLevels.length === 0 && flagged === 0 ? null : (
        <p className="indicator-grid__warning" role="status">
          {missingLevels.length === 0 ? '' : `缺少${missingLevels.join('、')}。`}
          {flagged === 0
            ? ''
            : `${flagged} 个指标值未能识别结构，请改为数值、日期或频次的写法，或确认为文字目标。`}
        </p>
      )}
    </section>
  );
}
