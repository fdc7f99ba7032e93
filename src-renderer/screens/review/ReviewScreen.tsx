import { TextField } from '../../forms/fields';
import { useReview } from '../../state/review';
import { CommentsPanel } from './CommentsPanel';
import { ReviewStatePanel } from './ReviewStatePanel';
import { StampsPanel } from './StampsPanel';
import { VersionsPanel } from './VersionsPanel';
import '../../forms/forms.css';
import './review.css';

/** 审核流程: the state with its actions, the stamps, the versions and their differences, the comments. */
export function ReviewScreen() {
  const status = useReview((state) => state.status);
  const operator = useReview((state) => state.operator);
  const setOperator = useReview((state) => state.setOperator);
  return (
    <section className="screen review-screen" aria-label="审核流程">
      <header className="screen__header">
        <h2>审核流程</h2>
        <span className="screen__subtitle">编制中 → 内部审核 → 已定稿；印章绑定所审版本的全部内容。</span>
        <div className="review-operator">
          <TextField
            label="您的姓名"
            value={operator}
            maxLength={200}
            hint="记入提交、定稿、退回和批注"
            onChange={setOperator}
          />
        </div>
      </header>
      {status === null ? (
        <p className="form-section__note">正在读取审核状态…</p>
      ) : (
        <div className="review-grid">
          <ReviewStatePanel status={status} />
          <StampsPanel status={status} />
          <VersionsPanel />
          <CommentsPanel />
        </div>
      )}
    </section>
  );
}
