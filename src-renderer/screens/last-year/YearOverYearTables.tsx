import { useState } from 'react';
import type { YearOverYearLine, YearOverYearTable } from '../../../shared/last-year/year-over-year';
import { CheckboxField } from '../../forms/fields';
import { amountText, changeText, percentText, trendClass } from './amounts';

/** The line that totals a table: 合计, or 表一's 支出总计 (its income half has its own). */
const TOTAL_ROWS = ['total', 'expenditureGrandTotal'];

function totalOf(table: YearOverYearTable): YearOverYearLine | undefined {
  return TOTAL_ROWS.map((key) => table.lines.find((line) => line.key === key)).find(Boolean);
}

const PRESENCE_NOTE = { both: '', thisYearOnly: '本年新增', lastYearOnly: '本年没有' } as const;

function ChangeCells({ line }: { line: YearOverYearLine }) {
  return (
    <>
      <td className="review-table__amount">{amountText(line.lastYear)}</td>
      <td className="review-table__amount">{amountText(line.thisYear)}</td>
      <td className={`review-table__amount ${trendClass(line)}`}>{changeText(line)}</td>
      <td className={`review-table__amount ${trendClass(line)}`}>{percentText(line)}</td>
    </>
  );
}

function AmountHeads() {
  return (
    <>
      <th className="review-table__amount">上年</th>
      <th className="review-table__amount">本年</th>
      <th className="review-table__amount">增减</th>
      <th className="review-table__amount">增减%</th>
    </>
  );
}

/** Each table's 合计 this year against last year; a click shows the table's rows. */
export function YearOverYearTables({ tables }: { tables: readonly YearOverYearTable[] }) {
  const [chosen, setChosen] = useState(tables[0]?.table ?? 't1');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const table = tables.find((candidate) => candidate.table === chosen) ?? tables[0];
  const lines = (table?.lines ?? []).filter(
    (line) => !onlyChanged || line.presence !== 'both' || (line.change !== null && line.change !== 0),
  );
  return (
    <div className="yoy">
      <table className="review-table" aria-label="各表合计同比">
        <thead>
          <tr>
            <th>表</th>
            <th>比较的列</th>
            <AmountHeads />
          </tr>
        </thead>
        <tbody>
          {tables.map((candidate) => {
            const total = totalOf(candidate);
            return (
              <tr key={candidate.table} aria-current={candidate.table === table?.table ? 'true' : undefined}>
                <td>
                  <button
                    type="button"
                    className="button button--quiet yoy__table"
                    aria-pressed={candidate.table === table?.table}
                    onClick={() => setChosen(candidate.table)}
                  >
                    {candidate.name} {candidate.title}
                  </button>
                </td>
                <td>{candidate.column}</td>
                {total === undefined ? <td colSpan={4} /> : <ChangeCells line={total} />}
              </tr>
            );
          })}
        </tbody>
      </table>
      {table !== undefined && (
        <section aria-label={`${table.name}同比`}>
          <div className="review-card__tools">
            <h4>
              {table.name} {table.title}（{table.column}，万元）
            </h4>
            <CheckboxField label="只看有增减的行" checked={onlyChanged} onChange={setOnlyChanged} />
          </div>
          <div className="review-table__scroll">
            <table className="review-table" aria-label={`${table.name}各行同比`}>
              <thead>
                <tr>
                  <th>行</th>
                  <AmountHeads />
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr
                    key={line.key}
                    className={TOTAL_ROWS.includes(line.key) ? 'review-table__total' : undefined}
                  >
                    <td className={`yoy__label yoy__label--${Math.min(line.level, 4)}`}>
                      {line.label}
                      {line.presence !== 'both' && (
                        <span className="badge badge--info">{PRESENCE_NOTE[line.presence]}</span>
                      )}
                    </td>
                    <ChangeCells line={line} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
