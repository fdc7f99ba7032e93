/**
 * What stands in the way of 定稿 (内部审核 → 已定稿), read from the review status: the
 * service refuses 定稿 with this reason, and the app disables the button beforehand with it.
 */
import type { ReviewStatus, Stamp } from './model';

type ApprovalFacts = Pick<ReviewStatus, 'latestVersion' | 'changedSinceLatestVersion'> & {
  readonly stamps: readonly Pick<Stamp, 'reviewer' | 'opinion' | 'status' | 'statusReason'>[];
};

/** Why the content as it is now cannot be approved, or null when it can. */
export function approvalBlocker(facts: ApprovalFacts): string | null {
  const version = facts.latestVersion;
  if (version === null) return '尚未提交审核，不能定稿';
  if (facts.changedSinceLatestVersion) {
    return `第 ${version.id} 版提交审核后内容已有改动，不能定稿；请退回编制中，再重新提交审核`;
  }
  const tampered = facts.stamps.filter((stamp) => stamp.status === '校验失败');
  if (tampered.length > 0) {
    const which = tampered.map((stamp) => `${stamp.reviewer}：${stamp.statusReason}`).join('；');
    return `有 ${tampered.length} 枚印章校验失败（${which}），不能定稿`;
  }
  const latestByReviewer = new Map<string, ApprovalFacts['stamps'][number]>();
  for (const stamp of facts.stamps) if (stamp.status === '有效') latestByReviewer.set(stamp.reviewer, stamp);
  const returned = [...latestByReviewer.values()].filter((stamp) => stamp.opinion === '退回修改');
  if (returned.length > 0) {
    return `${returned.map((stamp) => stamp.reviewer).join('、')}的意见为“退回修改”，不能定稿`;
  }
  if (latestByReviewer.size === 0) return `第 ${version.id} 版尚无有效的“通过”印章，不能定稿`;
  return null;
}
