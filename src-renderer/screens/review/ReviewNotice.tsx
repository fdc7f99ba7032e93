import { FINALISED_NOTICE, IN_REVIEW_NOTICE, useReview } from '../../state/review';

/**
 * The one notice above every screen that says what the review state means for editing: in
 * 已定稿 nothing can be changed, in 内部审核 a change voids the stamps already given.
 */
export function ReviewNotice() {
  const state = useReview((current) => current.status?.state);
  if (state === '已定稿') {
    return (
      <p className="review-notice review-notice--final" role="note">
        {FINALISED_NOTICE}
      </p>
    );
  }
  if (state === '内部审核') {
    return (
      <p className="review-notice" role="note">
        {IN_REVIEW_NOTICE}
      </p>
    );
  }
  return null;
}
