import { useEffect, useState } from 'react';
import type { VersionDiff } from '../../../shared/review/diff';
import { formatReviewTime, shortHash } from '../../../shared/review/format';
import type { VersionSummary } from '../../../shared/review/model';
import { api } from '../../api/client';
import { useIsReadOnly, useReview } from '../../state/review';
import { useWorkbook } from '../../state/workbook';
import { DiffView } from './DiffView';
import { RestoreDialog } from './RestoreDialog';
import { useAnswer } from './use-answer';

type Ref = number | 'current';

const refLabel = (ref: Ref) => (ref === 'current' ? '当前内容' : `第 ${ref} 版`);

function RefSelect(props: {
  label: string;
  value: Ref;
  versions: readonly VersionSummary[];
  onChange: (ref: Ref) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{props.label}</span>
      <select
        value={String(props.value)}
        onChange={(event) =>
          props.onChange(event.target.value === 'current' ? 'current' : Number(event.target.value))
        }
      >
        {props.versions.map((version) => (
          <option key={version.id} value={version.id}>
            {refLabel(version.id)}
          </option>
        ))}
        <option value="current">{refLabel('current')}</option>
      </select>
    </label>
  );
}

/** The versions frozen on each 提交审核, and the difference between any two (or one and now). */
export function VersionsPanel() {
  const revision = useWorkbook((state) => state.revision);
  const profile = useWorkbook((state) => state.summary?.profile);
  const reportError = useWorkbook((state) => state.reportError);
  // A stamp is no edit: the versions' stamp counts follow the status instead.
  const stampCount = useReview((state) => state.status?.stamps.length ?? 0);
  const versions = useAnswer(() => api.invoke('review/versions', {}), [revision, stampCount]) ?? [];
  const [chosenFrom, setFrom] = useState<Ref | null>(null);
  const from = chosenFrom ?? versions.at(-1)?.id ?? null;
  const [to, setTo] = useState<Ref>('current');
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const isReadOnly = useIsReadOnly();
  const currentSha256 = useReview((state) => state.status?.currentSha256);
  const restoreRefusal = (version: VersionSummary) =>
    isReadOnly
      ? '已定稿，不能修改；请先退回'
      : version.contentSha256 === currentSha256
        ? '当前内容与该版本相同'
        : undefined;

  // A shown difference that reaches the current content goes stale with every edit.
  useEffect(() => setDiff(null), [revision]);

  const compare = async () => {
    if (from === null) return;
    setExported(null);
    try {
      setDiff(await api.invoke('review/diff', { from, to }));
    } catch (error) {
      reportError(error);
    }
  };

  const exportDiff = async () => {
    if (from === null) return;
    try {
      const outputFile = await api.invoke('dialog/saveFile', {
        purpose: 'reviewDiff',
        suggestedName: `${profile?.name ?? ''}版本差异（${refLabel(from)}至${refLabel(to)}）.xlsx`,
      });
      if (outputFile === null) return;
      const result = await api.invoke('review/exportDiff', { from, to, outputFile });
      setExported(`已导出 ${result.changes} 处不同：${result.file}`);
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="form-section review-card review-card--wide" aria-label="版本与差异">
      <h3>
        版本与差异
        <span className="badge badge--info">{versions.length} 个版本</span>
      </h3>
      {versions.length === 0 ? (
        <p className="form-section__note">尚无版本。每次提交审核时冻结一个版本。</p>
      ) : (
        <>
          <table className="review-table" aria-label="版本列表">
            <thead>
              <tr>
                <th>版本</th>
                <th>提交时间</th>
                <th>提交人</th>
                <th>说明</th>
                <th>内容校验值</th>
                <th className="review-table__amount">大小</th>
                <th className="review-table__amount">印章</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.id} aria-label={`第 ${version.id} 版`}>
                  <td>第 {version.id} 版</td>
                  <td>{formatReviewTime(version.createdAt)}</td>
                  <td>{version.createdBy}</td>
                  <td>{version.note}</td>
                  <td className="review-hash">{shortHash(version.contentSha256)}</td>
                  <td className="review-table__amount">{Math.ceil(version.bytes / 1024)} KB</td>
                  <td className="review-table__amount">{version.stampCount} 枚</td>
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={restoreRefusal(version) !== undefined}
                      title={restoreRefusal(version)}
                      onClick={() => setRestoring(version.id)}
                    >
                      恢复到此版本…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="review-card__tools" role="group" aria-label="比较版本">
            <RefSelect label="从" value={from ?? 'current'} versions={versions} onChange={setFrom} />
            <RefSelect label="到" value={to} versions={versions} onChange={setTo} />
            <button type="button" className="button button--primary" onClick={() => void compare()}>
              比较差异
            </button>
            <button type="button" className="button" onClick={() => void exportDiff()}>
              导出差异…
            </button>
            {exported !== null && (
              <span className="form-section__note" role="status">
                {exported}
              </span>
            )}
          </div>
          {diff !== null && <DiffView diff={diff} />}
        </>
      )}
      {restoring !== null && <RestoreDialog versionId={restoring} onClose={() => setRestoring(null)} />}
    </section>
  );
}
