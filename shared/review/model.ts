/**
 * The review of a disclosure before it is published (内部审核): the workbook's state, the
 * versions frozen on entering 内部审核, reviewers' stamps bound to a version's content, and
 * comments. Plain data, shared by the services, the command line and the app.
 */

export const REVIEW_STATES = ['编制中', '内部审核', '已定稿'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** The forward path; every step back needs a reason (see STATE_MOVES). */
export const STATE_MOVES: readonly {
  readonly from: ReviewState;
  readonly to: ReviewState;
  readonly action: string;
  readonly needsReason: boolean;
}[] = [
  { from: '编制中', to: '内部审核', action: '提交审核', needsReason: false },
  { from: '内部审核', to: '已定稿', action: '定稿', needsReason: false },
  { from: '内部审核', to: '编制中', action: '退回编制', needsReason: true },
  { from: '已定稿', to: '内部审核', action: '退回审核', needsReason: true },
  { from: '已定稿', to: '编制中', action: '退回编制', needsReason: true },
];

export const STAMP_OPINIONS = ['通过', '退回修改'] as const;
export type StampOpinion = (typeof STAMP_OPINIONS)[number];

/**
 * 有效: the content is still what was stamped; 已失效: a figure or text changed since;
 * 校验失败: the stamp record (or its version) no longer matches its own hash chain, i.e. it
 * was altered outside the program.
 */
export type StampStatus = '有效' | '已失效' | '校验失败';

export interface StateChange {
  readonly id: number;
  readonly from: ReviewState;
  readonly to: ReviewState;
  readonly at: string;
  readonly by: string;
  readonly reason: string;
  /** The version frozen by (or approved with) this change. */
  readonly versionId: number | null;
}

export interface VersionSummary {
  /** 第 N 版. */
  readonly id: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly note: string;
  readonly contentSha256: string;
  /** Size of the stored canonical content, in bytes of UTF-8. */
  readonly bytes: number;
  readonly stampCount: number;
}

/** 恢复到此版本: the content made a version's again (one undoable edit), with the reason. */
export interface VersionRestore {
  readonly id: number;
  readonly versionId: number;
  readonly at: string;
  readonly reason: string;
  /** SHA-256 of the content the restore replaced. */
  readonly replacedSha256: string;
}

export interface StampRequest {
  readonly reviewer: string;
  readonly role: string;
  readonly opinion: StampOpinion;
  /** The reviewer's words; required with 退回修改. */
  readonly opinionText: string;
  /** A seal image: PNG bytes. */
  readonly seal?: Uint8Array;
}

/** What a stamp records, as stored. */
export interface StampRecord {
  readonly id: number;
  readonly versionId: number;
  readonly reviewer: string;
  readonly role: string;
  readonly stampedAt: string;
  readonly opinion: StampOpinion;
  readonly opinionText: string;
  /** SHA-256 of the stamped version's canonical content. */
  readonly contentSha256: string;
}

export interface Stamp extends StampRecord {
  readonly seal: Uint8Array | null;
  readonly status: StampStatus;
  /** Why the status is not 有效, in the user's words. */
  readonly statusReason: string;
}

/** What a comment is about, as a reviewer points at it. */
export type CommentTarget =
  | { readonly kind: 'cell'; readonly table: string; readonly row: string; readonly column: string }
  | { readonly kind: 'row'; readonly table: string; readonly row: string }
  /** A project's 绩效目标表, or (projectId null) the 整体支出绩效目标表. */
  | { readonly kind: 'goalSheet'; readonly projectId: number | null }
  /** A section of 第三部分 情况说明, by its number (一、二 …). */
  | { readonly kind: 'section'; readonly sectionNo: string };

export interface ReviewComment {
  readonly id: number;
  readonly target: CommentTarget;
  /** Where the comment points, as printed when it was made (e.g. 表二 第5行（…）“合计”列). */
  readonly place: string;
  readonly author: string;
  readonly text: string;
  readonly createdAt: string;
  /** The latest version when the comment was made. */
  readonly versionId: number | null;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
}

/** Everything a review panel shows at once. */
export interface ReviewStatus {
  readonly state: ReviewState;
  readonly latestVersion: VersionSummary | null;
  /** SHA-256 of the workbook's content as it is now. */
  readonly currentSha256: string;
  /** The content has changed since the latest version was frozen. */
  readonly changedSinceLatestVersion: boolean;
  readonly stamps: readonly Stamp[];
  readonly unresolvedComments: number;
  readonly history: readonly StateChange[];
  /** Every 恢复到此版本, oldest first (an undone restore stays listed: it happened). */
  readonly restores: readonly VersionRestore[];
  /** The hash at the head of the stamp chain, printed on the stamp page (see stamp-chain.ts). */
  readonly chainHead: string;
}
