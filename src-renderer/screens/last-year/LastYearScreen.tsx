import { useEffect } from 'react';
import type { PreviousYearFigureStatus } from '../../../shared/last-year/figures';
import { formatReviewTime } from '../../../shared/review/format';
import { useLastYear } from '../../state/last-year';
import { FINALISED_NOTICE, useIsReadOnly } from '../../state/review';
import { useWorkbook } from '../../state/workbook';
import { LastYearImportDialog } from './LastYearImportDialog';
import { YearOverYearTables } from './YearOverYearTables';
import { amountText, changeText, percentText, trendClass } from './amounts';
import '../../forms/forms.css';
import '../review/review.css';
import './last-year.css';

const ORIGIN_TEXT = { file: '取自上年文件', typed: '手工填写', none: '未填' } as const;

function originText(
  origin: PreviousYearFigureStatus['origin'],
  status: PreviousYearFigureStatus | undefined,
) {
  if (
    origin === 'typed' &&
    status !== undefined &&
    status.fileValue !== null &&
    status.fileValue !== status.value
  ) {
    return `手工填写（上年文件为 ${amountText(status.fileValue)}）`;
  }
  return ORIGIN_TEXT[origin];
}

/** 上年数据: last year's file, where each previous-year figure came from, and the year-over-year changes. */
export function LastYearScreen() {
  const revision = useWorkbook((state) => state.revision);
  const isReadOnly = useIsReadOnly();
  const year = useWorkbook((state) => state.summary?.profile.year ?? 0);
  const report = useLastYear((state) => state.report);
  const status = useLastYear((state) => state.status);
  const importing = useLastYear((state) => state.importing);
  const { load, chooseFile } = useLastYear.getState();

  const path = useWorkbook((state) => state.summary?.path);

  // Nothing of another workbook's last year is shown meanwhile.
  useEffect(() => {
    useLastYear.setState({ report: null, status: null, importing: { step: 'idle' } });
  }, [path]);

  useEffect(() => {
    void load();
  }, [load, revision, path]);

  const source = report?.source ?? null;
  return (
    <section className="screen last-year-screen" aria-label="上年数据">
      <header className="screen__header">
        <h2>上年数据</h2>
        <span className="screen__subtitle">
          导入 {year - 1} 年的工作簿或表格，填入情况说明需要的上年数，并查看各表的同比增减。金额单位：万元。
        </span>
      </header>
      <div className="review-grid">
        <section className="form-section review-card review-card--wide" aria-label="上年文件">
          <h3>上年文件</h3>
          {report === null ? (
            <p className="form-section__note">正在读取…</p>
          ) : source === null ? (
            <p className="form-section__note">
              尚未导入上年数据。情况说明的上年数可以手工填写，也可以从上年文件导入。
            </p>
          ) : (
            <dl className="review-facts">
              <dt>文件</dt>
              <dd title={source.filePath}>{source.fileName}</dd>
              <dt>公开主体</dt>
              <dd>
                {source.unitName}（{source.year} 年{source.scope}预算公开）
              </dd>
              <dt>导入时间</dt>
              <dd>{formatReviewTime(source.importedAt)}</dd>
            </dl>
          )}
          <div className="review-card__tools">
            <button
              type="button"
              className="button button--primary"
              disabled={isReadOnly}
              title={isReadOnly ? FINALISED_NOTICE : undefined}
              onClick={() => void chooseFile()}
            >
              {source === null ? '导入上年数据…' : '重新导入上年数据…'}
            </button>
          </div>
        </section>

        <section className="form-section review-card review-card--wide" aria-label="情况说明的上年数">
          <h3>情况说明的上年数</h3>
          <table className="review-table">
            <thead>
              <tr>
                <th>项目</th>
                <th>情况说明</th>
                <th>来源</th>
                <th className="review-table__amount">上年</th>
                <th className="review-table__amount">本年</th>
                <th className="review-table__amount">增减</th>
                <th className="review-table__amount">增减%</th>
              </tr>
            </thead>
            <tbody>
              {(report?.figures ?? []).map((figure) => {
                const figureStatus = status?.figures.find((candidate) => candidate.key === figure.key);
                return (
                  <tr key={figure.key}>
                    <td>{figure.label}</td>
                    <td>第{figureStatus?.section ?? ''}部分</td>
                    <td className={figure.origin === 'file' ? undefined : 'review-table__muted'}>
                      {originText(figure.origin, figureStatus)}
                    </td>
                    <td className="review-table__amount">{amountText(figure.lastYear)}</td>
                    <td className="review-table__amount">{amountText(figure.thisYear)}</td>
                    <td className={`review-table__amount ${trendClass(figure)}`}>{changeText(figure)}</td>
                    <td className={`review-table__amount ${trendClass(figure)}`}>{percentText(figure)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <section className="form-section review-card review-card--wide" aria-label="各表同比">
          <h3>各表同比</h3>
          {report === null || report.tables.length === 0 ? (
            <p className="form-section__note">导入上年文件后，这里按表列出每一行的上年、本年与增减。</p>
          ) : (
            <YearOverYearTables tables={report.tables} />
          )}
        </section>
      </div>
      {importing.step !== 'idle' && <LastYearImportDialog importing={importing} />}
    </section>
  );
}
