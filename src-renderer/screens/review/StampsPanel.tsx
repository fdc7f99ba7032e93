import { useState } from 'react';
import type { ReviewStatusView } from '../../../shared/contract/review-views';
import { formatReviewTime } from '../../../shared/review/format';
import { StampDialog } from './StampDialog';
import { sealDataUrl } from './seal-file';
import { STAMP_STATUS_BADGE } from './stamp-status';

/** Every stamp with its validity now; 签章 on the latest version while it is in 内部审核. */
export function StampsPanel({ status }: { status: ReviewStatusView }) {
  const [isStamping, setStamping] = useState(false);
  const version = status.latestVersion;
  const canStamp = status.state === '内部审核' && version !== null && !status.changedSinceLatestVersion;
  return (
    <section className="form-section review-card" aria-label="审核印章">
      <h3>
        审核印章
        <span className="badge badge--info">{status.stamps.length} 枚</span>
      </h3>
      {status.stamps.length === 0 ? (
        <p className="form-section__note">尚无印章。提交审核后，审核人可在这里签章。</p>
      ) : (
        <table className="review-table" aria-label="印章列表">
          <thead>
            <tr>
              <th>审核人</th>
              <th>职务</th>
              <th>盖章时间</th>
              <th>版本</th>
              <th>审核意见</th>
              <th>印章</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {status.stamps.map((stamp) => (
              <tr key={stamp.id} aria-label={`${stamp.reviewer}的印章`}>
                <td>{stamp.reviewer}</td>
                <td>{stamp.role}</td>
                <td className="review-table__nowrap">{formatReviewTime(stamp.stampedAt)}</td>
                <td className="review-table__nowrap">第 {stamp.versionId} 版</td>
                <td>{stamp.opinionText === '' ? stamp.opinion : `${stamp.opinion}：${stamp.opinionText}`}</td>
                <td>
                  {stamp.sealPngBase64 === null ? (
                    '—'
                  ) : (
                    <img
                      className="review-seal"
                      src={sealDataUrl(stamp.sealPngBase64)}
                      alt={`${stamp.reviewer}的印章图片`}
                    />
                  )}
                </td>
                <td>
                  <span className="stamp-status">
                    <span className={STAMP_STATUS_BADGE[stamp.status]}>{stamp.status}</span>
                    {stamp.statusReason !== '' && (
                      <span className="stamp-status__reason">{stamp.statusReason}</span>
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="review-card__tools">
        <button
          type="button"
          className="button button--primary"
          disabled={!canStamp}
          onClick={() => setStamping(true)}
        >
          签章…
        </button>
        {!canStamp && (
          <span className="form-section__note">
            {status.state !== '内部审核'
              ? '只有在“内部审核”时才能签章。'
              : '提交审核后内容已有改动，不能签章；请退回编制中，再重新提交审核。'}
          </span>
        )}
      </div>
      {isStamping && version !== null && (
        <StampDialog versionId={version.id} onClose={() => setStamping(false)} />
      )}
    </section>
  );
}
