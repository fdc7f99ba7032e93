import type { LastYearImport } from '../../state/last-year';
import { useLastYear } from '../../state/last-year';
import { Dialog } from '../../shell/Dialog';
import { amountText } from './amounts';

const KIND_LABEL = {
  workbook: '上年工作簿',
  tablesXlsx: '上年表格（Excel）',
  tablesJson: '上年表格（JSON）',
} as const;

/** The import of last year's file: what it would change, the question about another unit's file, 导入. */
export function LastYearImportDialog({
  importing,
}: {
  importing: Exclude<LastYearImport, { step: 'idle' }>;
}) {
  const { importPlanned, cancelImport } = useLastYear.getState();
  const fileName = importing.file.split(/[\\/]/).pop();
  const isBusy = importing.step === 'planning' || importing.step === 'importing';
  const plan = importing.step === 'planned' || importing.step === 'importing' ? importing.plan : null;
  return (
    <Dialog title="导入上年数据" onClose={() => (isBusy ? undefined : cancelImport())} wide>
      {importing.step === 'planning' && <p role="status">正在读取“{fileName}”…</p>}
      {importing.step === 'failed' && (
        <p className="notice notice--error" role="alert">
          {importing.problem}
        </p>
      )}
      {plan !== null && (
        <>
          <p>
            {KIND_LABEL[plan.source.kind]}“{plan.source.fileName}”：{plan.source.unitName}的{' '}
            {plan.source.year} 年{plan.source.scope}预算公开。导入后，情况说明的上年数取自这份文件（可撤销）。
          </p>
          {plan.warnings.map((warning) => (
            <p key={warning} className="notice" role="note">
              {warning}
            </p>
          ))}
          {plan.confirmation !== null && importing.step === 'planned' && importing.question === null && (
            <p className="notice" role="note">
              {plan.confirmation}
            </p>
          )}
          <table className="review-table" aria-label="上年数的变化">
            <thead>
              <tr>
                <th>上年数</th>
                <th>情况说明</th>
                <th className="review-table__amount">现在（万元）</th>
                <th className="review-table__amount">导入后（万元）</th>
              </tr>
            </thead>
            <tbody>
              {plan.figures.map((figure) => (
                <tr key={figure.key}>
                  <td>{figure.label}</td>
                  <td>第{figure.section}部分</td>
                  <td className="review-table__amount">{amountText(figure.before)}</td>
                  <td className="review-table__amount review-table__after">{amountText(figure.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {importing.step === 'planned' && importing.problem !== null && (
        <p className="notice notice--error" role="alert">
          {importing.problem}
        </p>
      )}
      {importing.step === 'planned' && importing.question !== null && (
        <div className="notice" role="alertdialog" aria-label="请确认">
          <p>{importing.question}</p>
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" disabled={isBusy} onClick={cancelImport}>
          {importing.step === 'failed' ? '关闭' : '取消'}
        </button>
        {importing.step === 'planned' &&
          (importing.question === null ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void importPlanned(false)}
            >
              导入
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => void importPlanned(true)}>
              确认是同一单位，导入
            </button>
          ))}
        {importing.step === 'importing' && (
          <button type="button" className="button button--primary" disabled>
            正在导入…
          </button>
        )}
      </div>
    </Dialog>
  );
}
