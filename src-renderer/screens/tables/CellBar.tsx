import { type FormEvent, useState } from 'react';
import type { TableView } from '../../../shared/contract/views';
import { UNIT_LABEL, formatWanYuan } from '../../../shared/money';
import type { TableDefinition } from '../../../shared/tables/types';
import { describeCell } from '../../../shared/workbook/describe';
import type { CellAddress, EvaluatedCell } from '../../../shared/workbook/evaluate';
import { api } from '../../api/client';
import { runEdit, useWorkbook } from '../../state/workbook';
import { amountToText } from '../../forms/amount-text';

const STATE_TEXT = { input: '输入值', computed: '计算值（只读）', overridden: '已覆盖的计算值' } as const;

/**
 * The cell the grid has focus on, in words, and the explicit way to replace a computed value
 * (覆盖计算值) or return to the formula (恢复公式): a computed cell is never typed over by accident.
 */
export function CellBar({ definition, view }: { definition: TableDefinition; view: TableView }) {
  const selected = useWorkbook((state) => state.selectedCell);
  const address = selected?.table === definition.key ? selected : null;
  const row = address === null ? undefined : view.rows.find((candidate) => candidate.key === address.row);
  const cell = address === null ? undefined : row?.cells[address.column];

  if (address === null || row === undefined || cell === undefined) {
    return (
      <p className="cell-bar cell-bar--empty">
        选中一个金额单元格后直接输入；可从 Excel/WPS
        复制一块单元格，选中左上角的单元格后粘贴。灰色单元格是计算值。
      </p>
    );
  }
  return (
    <CellDetails
      key={`${address.row}|${address.column}`}
      address={address}
      cell={cell}
      description={describeCell({ ...view, definition }, address)}
    />
  );
}

function CellDetails(props: { address: CellAddress; cell: EvaluatedCell; description: string }) {
  const { address, cell } = props;
  const unit = useWorkbook((state) => state.entryUnit);
  const [overrideText, setOverrideText] = useState<string | null>(null);

  const submitOverride = async (event: FormEvent) => {
    event.preventDefault();
    if (overrideText === null) return;
    const isDone = await runEdit(() =>
      api.invoke('tables/setCell', { ...address, text: overrideText, unit, override: true }),
    );
    if (isDone) setOverrideText(null);
  };

  return (
    <div className="cell-bar" aria-label="当前单元格">
      <span className="cell-bar__address">{props.description}</span>
      <span className={`cell-bar__state cell-bar__state--${cell.state}`}>{STATE_TEXT[cell.state]}</span>
      <span className="cell-bar__value">{formatWanYuan(cell.fen) || '空'} 万元</span>
      {cell.state === 'overridden' && (
        <>
          <span className="cell-bar__hint">
            公式得出 {formatWanYuan(cell.computedFen ?? null) || '空'} 万元
          </span>
          <button
            type="button"
            className="button"
            onClick={() => void runEdit(() => api.invoke('tables/clearOverride', address))}
          >
            恢复公式
          </button>
        </>
      )}
      {cell.state === 'computed' && overrideText === null && (
        <button
          type="button"
          className="button"
          onClick={() => setOverrideText(amountToText(cell.fen, unit))}
        >
          覆盖计算值
        </button>
      )}
      {overrideText !== null && (
        <form className="cell-bar__override" onSubmit={(event) => void submitOverride(event)}>
          <input
            className="input"
            aria-label={`覆盖值（${UNIT_LABEL[unit]}）`}
            value={overrideText}
            autoFocus
            onChange={(event) => setOverrideText(event.target.value)}
          />
          <span>{UNIT_LABEL[unit]}</span>
          <button type="submit" className="button button--primary">
            确定覆盖
          </button>
          <button type="button" className="button" onClick={() => setOverrideText(null)}>
            取消
          </button>
        </form>
      )}
    </div>
  );
}
