import { useEffect, useState } from 'react';
import type { TableView } from '../../../shared/contract/views';
import { TABLE_DEFINITIONS } from '../../../shared/tables/definitions';
import type { TableKey } from '../../../shared/tables/types';
import { api } from '../../api/client';
import { useIsReadOnly } from '../../state/review';
import { useWorkbook } from '../../state/workbook';
import { CellBar } from './CellBar';
import { RowActions } from './RowActions';
import { TableGrid } from './TableGrid';

function EntryUnitSwitch() {
  const unit = useWorkbook((state) => state.entryUnit);
  const setEntryUnit = useWorkbook((state) => state.setEntryUnit);
  return (
    <div className="unit-switch" role="radiogroup" aria-label="输入单位">
      <span className="unit-switch__label">输入单位</span>
      {(['wanYuan', 'yuan'] as const).map((candidate) => (
        <label key={candidate} className="unit-switch__option">
          <input
            type="radio"
            name="entry-unit"
            checked={unit === candidate}
            onChange={() => setEntryUnit(candidate)}
          />
          {candidate === 'wanYuan' ? '万元' : '元'}
        </label>
      ))}
    </div>
  );
}

/** One of the thirteen tables: title, the cell being worked on, the grid, row actions. */
export function TableScreen({ table }: { table: TableKey }) {
  const definition = TABLE_DEFINITIONS[table];
  const revision = useWorkbook((state) => state.revision);
  const unit = useWorkbook((state) => state.entryUnit);
  const isReadOnly = useIsReadOnly();
  const [view, setView] = useState<TableView | null>(null);

  useEffect(() => {
    let isCurrent = true;
    api
      .invoke('tables/get', { table })
      .then((next) => {
        if (isCurrent) setView(next);
      })
      .catch((error: unknown) => useWorkbook.getState().reportError(error));
    return () => {
      isCurrent = false;
    };
  }, [table, revision]);

  return (
    <section className="screen table-screen" aria-label={definition.shortName}>
      <header className="screen__header">
        <h2>
          {definition.shortName} {view?.title ?? ''}
        </h2>
        <span className="screen__subtitle">金额单位：万元</span>
        {view?.isEmpty && <span className="badge badge--info">本表无数据</span>}
        <div className="screen__header-tools">
          <EntryUnitSwitch />
        </div>
      </header>
      {view !== null && (
        <>
          {/* A disabled fieldset disables every control of the bar at once (已定稿). */}
          <fieldset className="table-screen__bar" disabled={isReadOnly}>
            <CellBar definition={definition} view={view} />
            <RowActions definition={definition} view={view} />
          </fieldset>
          <TableGrid definition={definition} view={view} unit={unit} isReadOnly={isReadOnly} />
        </>
      )}
    </section>
  );
}
