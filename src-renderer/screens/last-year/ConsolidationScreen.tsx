import { useState } from 'react';
import { contributionsText } from '../../../shared/consolidation/narrative-inputs';
import type { ConsolidationPlanView } from '../../../shared/contract/last-year-views';
import { api } from '../../api/client';
import { FINALISED_NOTICE, useIsReadOnly } from '../../state/review';
import { runEdit, useWorkbook } from '../../state/workbook';
import '../../forms/forms.css';
import '../review/review.css';
import './last-year.css';

/** How many units' parts of a 情况说明 figure a row names (its title lists them all). */
const PARTS_LISTED = 4;
const STATUS_TEXT = { new: '新加入', changed: '有改动', unchanged: '与上次汇总相同' } as const;

function countByTable(items: readonly { readonly table: string }[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.table, (counts.get(item.table) ?? 0) + 1);
  return [...counts].map(([table, count]) => `${table} ${count}`).join('，');
}

function PlanView({ plan }: { plan: ConsolidationPlanView }) {
  const { changes } = plan;
  return (
    <div className="yoy" aria-label="汇总预览">
      <table className="review-table" aria-label="下属单位">
        <thead>
          <tr>
            <th>单位</th>
            <th>文件</th>
            <th className="review-table__amount">项目</th>
            <th className="review-table__amount">审核错误</th>
            <th>与上次汇总相比</th>
          </tr>
        </thead>
        <tbody>
          {plan.units.map((unit) => (
            <tr key={unit.file}>
              <td>{unit.name}</td>
              <td className="review-table__muted" title={unit.file}>
                {unit.file.split(/[\\/]/).pop()}
              </td>
              <td className="review-table__amount">{unit.projects}</td>
              <td className="review-table__amount">
                {unit.errors === null ? (
                  '—'
                ) : unit.errors === 0 ? (
                  '0'
                ) : (
                  <span className="badge badge--error">{unit.errors}</span>
                )}
              </td>
              <td>{STATUS_TEXT[unit.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="diff-summary">
        汇总后：新增行 {changes.newRows.length}，删除行 {changes.removedRows.length}，金额变动{' '}
        {changes.changedCells.length} 处
        {changes.changedCells.length > 0 && `（${countByTable(changes.changedCells)}）`}
        ；情况说明填报内容变动 {plan.narrativeInputs.length} 项
      </p>
      {plan.narrativeInputs.length > 0 && (
        <table className="review-table" aria-label="情况说明填报内容">
          <thead>
            <tr>
              <th>情况说明填报内容</th>
              <th className="review-table__amount">汇总前</th>
              <th className="review-table__amount">汇总后</th>
              <th>各单位</th>
            </tr>
          </thead>
          <tbody>
            {plan.narrativeInputs.map((change) => (
              <tr key={change.label}>
                <td>{change.label}</td>
                <td className="review-table__amount">{change.before || '—'}</td>
                <td className="review-table__amount">{change.after || '—'}</td>
                <td
                  className="review-table__muted"
                  title={contributionsText(change.units, change.units.length)}
                >
                  {contributionsText(change.units, PARTS_LISTED)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.removedUnits.length > 0 && (
        <p className="notice">部门表格中将移除：{plan.removedUnits.join('、')}</p>
      )}
      {plan.notes.map((note) => (
        <p key={note} className="notice notice--info">
          {note}
        </p>
      ))}
    </div>
  );
}

/** 汇总下属单位: a 部门 takes in its units' workbooks, chosen one by one, after a preview. */
export function ConsolidationScreen() {
  const scope = useWorkbook((state) => state.summary?.profile.scope);
  const isReadOnly = useIsReadOnly();
  const reportError = useWorkbook((state) => state.reportError);
  const [files, setFiles] = useState<readonly string[]>([]);
  const [plan, setPlan] = useState<ConsolidationPlanView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const changeFiles = (next: readonly string[]) => {
    setFiles(next);
    setPlan(null);
    setDone(null);
  };

  const addFile = async () => {
    try {
      const file = await api.invoke('dialog/openFile', { purpose: 'unitWorkbook' });
      if (file !== null && !files.includes(file)) changeFiles([...files, file]);
    } catch (error) {
      reportError(error);
    }
  };

  const preview = async () => {
    setBusy(true);
    try {
      setPlan(await api.invoke('consolidation/preview', { files: [...files] }));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    setBusy(true);
    const isDone = await runEdit(async () => {
      const result = await api.invoke('consolidation/apply', { files: [...files] });
      setDone(`已汇总 ${result.plan.units.length} 个单位的工作簿；可以撤销。`);
      return result;
    });
    if (isDone) setPlan(null);
    setBusy(false);
  };

  return (
    <section className="screen last-year-screen" aria-label="汇总下属单位">
      <header className="screen__header">
        <h2>汇总下属单位</h2>
        <span className="screen__subtitle">
          部门的表格由下属单位（含本级）的工作簿汇总而成；汇总会替换部门的全部表格和情况说明中的上年数、政府采购、资产数（取各单位之和），部门自己填写的文字保留。
        </span>
      </header>
      {scope !== '部门' ? (
        <p className="notice notice--info">本工作簿是单位预算公开，只有部门工作簿可以汇总下属单位。</p>
      ) : (
        <div className="review-grid">
          <section className="form-section review-card review-card--wide" aria-label="单位工作簿">
            <h3>
              单位工作簿
              <span className="badge badge--info">{files.length} 个</span>
            </h3>
            {files.length === 0 ? (
              <p className="form-section__note">逐个添加下属单位的工作簿（.ysgk），再预览汇总的结果。</p>
            ) : (
              <ul className="consolidation-files" aria-label="已选的单位工作簿">
                {files.map((file) => (
                  <li key={file}>
                    <span>{file.split(/[\\/]/).pop()}</span>
                    <span className="consolidation-files__path">{file}</span>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`移除 ${file.split(/[\\/]/).pop()}`}
                      disabled={isBusy}
                      onClick={() => changeFiles(files.filter((candidate) => candidate !== file))}
                    >
                      移除
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className="review-card__tools">
              <button type="button" className="button" disabled={isBusy} onClick={() => void addFile()}>
                添加单位工作簿…
              </button>
              <button
                type="button"
                className="button"
                disabled={isBusy || files.length === 0}
                onClick={() => void preview()}
              >
                预览汇总
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={isBusy || plan === null || isReadOnly}
                title={isReadOnly ? FINALISED_NOTICE : plan === null ? '请先预览汇总' : undefined}
                onClick={() => void apply()}
              >
                汇总
              </button>
              {done !== null && (
                <span className="form-section__note" role="status">
                  {done}
                </span>
              )}
            </div>
            {plan !== null && <PlanView plan={plan} />}
          </section>
        </div>
      )}
    </section>
  );
}
