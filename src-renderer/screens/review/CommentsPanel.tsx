import { useCallback, useEffect, useState } from 'react';
import type { CommentTarget, ReviewComment } from '../../../shared/review/model';
import { formatReviewTime } from '../../../shared/review/format';
import { TABLE_KEYS } from '../../../shared/tables/types';
import { api } from '../../api/client';
import { CheckboxField, TextField } from '../../forms/fields';
import { useReview } from '../../state/review';
import { useWorkbook } from '../../state/workbook';
import { CommentTargetForm } from './CommentTargetForm';

function CommentItem(props: { comment: ReviewComment; onChanged: () => void }) {
  const { comment } = props;
  const operator = useReview((state) => state.operator);
  const { goToCell, reportError } = useWorkbook.getState();
  const isResolved = comment.resolvedAt !== null;
  const run = async (request: () => Promise<unknown>) => {
    try {
      await request();
      props.onChanged();
    } catch (error) {
      reportError(error);
    }
  };
  const { target } = comment;
  const cellTable = target.kind === 'cell' ? TABLE_KEYS.find((key) => key === target.table) : undefined;
  return (
    <li className={isResolved ? 'comment comment--resolved' : 'comment'} aria-label={`批注 ${comment.id}`}>
      <span className="comment__place">{comment.place}</span>
      <span>{comment.text}</span>
      <span className="comment__meta">
        {comment.author} {formatReviewTime(comment.createdAt)}
        {isResolved ? (
          <span className="badge badge--ok">
            已处理（{comment.resolvedBy} {formatReviewTime(comment.resolvedAt ?? '')}）
          </span>
        ) : (
          <span className="badge badge--warning">未处理</span>
        )}
        {target.kind === 'cell' && cellTable !== undefined && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => goToCell({ table: cellTable, row: target.row, column: target.column })}
          >
            转到
          </button>
        )}
        {isResolved ? (
          <button
            type="button"
            className="button"
            onClick={() => void run(() => api.invoke('review/reopenComment', { commentId: comment.id }))}
          >
            重新打开
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={operator.trim() === ''}
            title={operator.trim() === '' ? '请先填写您的姓名' : undefined}
            onClick={() =>
              void run(() => api.invoke('review/resolveComment', { commentId: comment.id, by: operator }))
            }
          >
            标记已处理
          </button>
        )}
      </span>
    </li>
  );
}

/** Reviewers' comments on cells, rows, goal sheets and 情况说明 sections; resolved or not. */
export function CommentsPanel() {
  const revision = useWorkbook((state) => state.revision);
  const operator = useReview((state) => state.operator);
  const [onlyUnresolved, setOnlyUnresolved] = useState(true);
  const [comments, setComments] = useState<readonly ReviewComment[]>([]);
  const [target, setTarget] = useState<CommentTarget | null>(null);
  const [text, setText] = useState('');

  const load = useCallback(async () => {
    try {
      setComments(await api.invoke('review/comments', { unresolvedOnly: onlyUnresolved }));
    } catch (error) {
      useWorkbook.getState().reportError(error);
    }
  }, [onlyUnresolved]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const changed = () => {
    void load();
    // The status counts the unresolved comments.
    void useReview.getState().load();
  };

  const add = async () => {
    if (target === null) return;
    try {
      await api.invoke('review/addComment', { target, author: operator, text: text.trim() });
      setText('');
      changed();
    } catch (error) {
      useWorkbook.getState().reportError(error);
    }
  };

  const missing =
    operator.trim() === ''
      ? '请先填写您的姓名'
      : target === null
        ? '请选择批注位置'
        : text.trim() === ''
          ? '请填写批注内容'
          : null;

  return (
    <section className="form-section review-card review-card--wide" aria-label="批注">
      <h3>
        批注
        <span className="badge badge--info">{comments.length} 条</span>
      </h3>
      <CheckboxField label="只看未处理的批注" checked={onlyUnresolved} onChange={setOnlyUnresolved} />
      {comments.length === 0 ? (
        <p className="form-section__note">{onlyUnresolved ? '没有未处理的批注。' : '没有批注。'}</p>
      ) : (
        <ul className="comment-list" aria-label="批注列表">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} onChanged={changed} />
          ))}
        </ul>
      )}
      <div className="comment-form" role="group" aria-label="添加批注">
        <CommentTargetForm onChange={setTarget} />
        <TextField label="批注内容" rows={2} value={text} maxLength={2000} onChange={setText} />
        <div className="review-card__tools">
          <button
            type="button"
            className="button button--primary"
            disabled={missing !== null}
            onClick={() => void add()}
          >
            添加批注
          </button>
          {missing !== null && <span className="form-section__note">{missing}</span>}
        </div>
      </div>
    </section>
  );
}
