import { useReview, useReviewSync } from '../../state/review';
import { useWorkbook } from '../../state/workbook';
import { STAMP_STATUS_BADGE } from './stamp-status';
import './review.css';

/**
 * The toolbar's view of 内部审核: the workbook's state and, when stamps no longer hold, how
 * many; a click opens 审核流程. It keeps the review status current for the whole window.
 */
export function ReviewBadge() {
  useReviewSync();
  const status = useReview((state) => state.status);
  const showPart = useWorkbook((state) => state.showPart);
  if (status === null) return null;
  const count = (wanted: string) => status.stamps.filter((stamp) => stamp.status === wanted).length;
  const stale = count('已失效');
  const failed = count('校验失败');
  return (
    <button
      type="button"
      className="review-badge"
      aria-label={`审核状态：${status.state}${stale > 0 ? `，${stale} 枚印章已失效` : ''}${failed > 0 ? `，${failed} 枚印章校验失败` : ''}`}
      title="打开审核流程"
      onClick={() => showPart('review')}
    >
      <span className={status.state === '已定稿' ? 'badge badge--ok' : 'badge badge--info'}>
        {status.state}
      </span>
      {stale > 0 && <span className={STAMP_STATUS_BADGE['已失效']}>{stale} 枚印章已失效</span>}
      {failed > 0 && <span className={STAMP_STATUS_BADGE['校验失败']}>{failed} 枚印章校验失败</span>}
    </button>
  );
}
