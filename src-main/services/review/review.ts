/**
 * 内部审核 of one open workbook: its state (编制中 → 内部审核 → 已定稿, and back with a
 * reason), the versions frozen on entering 内部审核, reviewers' stamps and comments.
 *
 * Every action here is one transaction and none is an undoable edit: they are records of who
 * did what, and going back is itself a recorded step with a reason. A state change also
 * closes the edit history (undo never reaches behind it): Ctrl+Z after 提交审核 would
 * otherwise silently change the draft just handed to reviewers, or take back work from before
 * a 退回 that the reason refers to. An edit made after the change, undone, brings the content
 * back to what was stamped, and the stamp is 有效 again: validity is the content's hash, not
 * the path it took.
 *
 * In 已定稿 the workbook refuses every edit; a final export needs 已定稿 and the approved
 * content unchanged.
 */
import { AppError } from '../../../shared/errors';
import {
  REVIEW_CONTENT_FORMAT,
  type ReviewContent,
  canonicalJson,
  parseReviewContent,
  reviewContentOf,
} from '../../../shared/review/content';
import { approvalBlocker } from '../../../shared/review/approval';
import { type VersionDiff, diffVersions } from '../../../shared/review/diff';
import {
  type CommentTarget,
  type ReviewComment,
  type ReviewState,
  type ReviewStatus,
  STAMP_OPINIONS,
  STATE_MOVES,
  type Stamp,
  type StampRequest,
  type VersionSummary,
} from '../../../shared/review/model';
import { validateSealPng } from '../../../shared/review/seal-png';
import type { WorkbookContent } from '../../../shared/workbook/content';
import type { WorkbookFile } from '../../db/workbook-file';
import type { Workbook } from '../workbook/workbook';
import { describeCommentTarget } from './comment-target';
import { ReviewStore } from './review-store';
import {
  CHAIN_START,
  type ChainCheck,
  type StoredStamp,
  type VersionIntegrity,
  checkChain,
  sha256,
  stampHash,
} from './stamp-chain';

/** A version by its number, or the workbook's content as it is now. */
export type VersionRef = number | 'current';

interface HashedContent {
  readonly source: WorkbookContent;
  readonly review: ReviewContent;
  readonly json: string;
  readonly sha256: string;
}

function required(text: string | undefined, what: string): string {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') throw new AppError('INVALID_INPUT', `请填写${what}`);
  return trimmed;
}

function refused(message: string): AppError {
  return new AppError('REVIEW_STATE', message);
}

export class WorkbookReview {
  private readonly store: ReviewStore;
  private hashed: HashedContent | null = null;
  /** Versions never change once frozen (the file is locked while open): verified once a session. */
  private readonly versionIntegrity = new Map<number, VersionIntegrity>();

  constructor(
    private readonly file: WorkbookFile,
    private readonly workbook: Workbook,
  ) {
    this.store = new ReviewStore(file.db);
  }

  state(): ReviewState {
    return this.store.latestStateChange()?.to ?? '编制中';
  }

  /**
   * The canonical content as it is now and its SHA-256. Every change of the workbook goes
   * through an edit, undo or redo, each of which gives the workbook a new content object, so
   * the hash is recomputed exactly when something may have changed.
   */
  private current(): HashedContent {
    const source = this.workbook.content();
    if (this.hashed?.source !== source) {
      const review = reviewContentOf({
        ...source,
        goalSheets: this.workbook.goalSheets(),
        wholeUnitGoalSheet: this.workbook.wholeUnitGoalSheet(),
        narrativeInputs: this.workbook.narrativeInputs(),
        narrativeEdits: this.workbook.narrativeEdits(),
        overview: this.workbook.overview(),
      });
      const json = canonicalJson(review);
      this.hashed = { source, review, json, sha256: sha256(json) };
    }
    return this.hashed;
  }

  currentSha256(): string {
    return this.current().sha256;
  }

  /** 编制中 → 内部审核: freezes the whole content as a new version. */
  submit(request: { by: string; note?: string }): VersionSummary {
    const by = required(request.by, '提交人姓名');
    this.requireState('编制中', '提交审核');
    const { json, sha256: contentSha256 } = this.current();
    const at = new Date().toISOString();
    const note = request.note?.trim() ?? '';
    this.changeState(() => {
      const versionId = this.store.insertVersion({
        createdAt: at,
        createdBy: by,
        note,
        json,
        sha256: contentSha256,
      });
      this.store.insertStateChange({ from: '编制中', to: '内部审核', at, by, reason: note, versionId });
    });
    const latest = this.latestVersion();
    if (latest === null) throw new Error('提交审核后找不到新版本');
    return latest;
  }

  /**
   * 内部审核 → 已定稿: the content must still be the latest version, every stamp must verify,
   * and each reviewer's latest valid stamp must be 通过 (at least one).
   */
  approve(request: { by: string; note?: string }): void {
    const by = required(request.by, '定稿人姓名');
    this.requireState('内部审核', '定稿');
    const status = this.status();
    const blocker = approvalBlocker(status);
    if (blocker !== null) throw refused(blocker);
    const version = status.latestVersion;
    if (version === null) throw new Error('可以定稿却没有审核版本');
    const at = new Date().toISOString();
    this.changeState(() =>
      this.store.insertStateChange({
        from: '内部审核',
        to: '已定稿',
        at,
        by,
        reason: request.note?.trim() ?? '',
        versionId: version.id,
      }),
    );
  }

  /** A step back (内部审核 → 编制中, 已定稿 → 内部审核 or 编制中), with its reason. */
  reopen(request: { by: string; reason: string; to?: ReviewState }): void {
    const by = required(request.by, '退回人姓名');
    const reason = required(request.reason, '退回的理由');
    const from = this.state();
    const to = request.to ?? '编制中';
    const move = STATE_MOVES.find((candidate) => candidate.from === from && candidate.to === to);
    if (!move?.needsReason) throw refused(`当前状态为“${from}”，不能退回到“${to}”`);
    const at = new Date().toISOString();
    this.changeState(() =>
      this.store.insertStateChange({
        from,
        to,
        at,
        by,
        reason,
        versionId: this.latestVersion()?.id ?? null,
      }),
    );
  }

  /** One transaction that changes the state and closes the edit history. */
  private changeState(record: () => void): void {
    this.file.db.transaction(() => {
      record();
      this.file.history.clear();
    })();
  }

  /** A reviewer's stamp on the latest version, bound to its content hash and chained to the stamps before. */
  stamp(request: StampRequest): Stamp {
    const reviewer = required(request.reviewer, '审核人姓名');
    const role = required(request.role, '审核人职务或角色');
    if (!STAMP_OPINIONS.includes(request.opinion)) {
      throw new AppError(
        'INVALID_INPUT',
        `审核意见应为“通过”或“退回修改”，而不是“${String(request.opinion)}”`,
      );
    }
    const opinionText = request.opinionText.trim();
    if (request.opinion === '退回修改' && opinionText === '') {
      throw new AppError('INVALID_INPUT', '退回修改时请写明修改意见');
    }
    if (request.seal !== undefined) validateSealPng(request.seal, '印章图片');
    this.requireState('内部审核', '盖章');
    const version = this.requireUnchangedLatestVersion('盖章');
    const seal = request.seal ?? null;
    let id = 0;
    this.file.db.transaction(() => {
      id = this.store.nextStampId();
      const fields = {
        id,
        versionId: version.id,
        reviewer,
        role,
        stampedAt: new Date().toISOString(),
        opinion: request.opinion,
        opinionText,
        sealSha256: seal === null ? null : sha256(seal),
        contentSha256: version.contentSha256,
        previousHash: this.store.stamps().at(-1)?.stampHash ?? CHAIN_START,
      };
      const stored: StoredStamp = { ...fields, seal, stampHash: stampHash(fields) };
      this.store.insertStamp(stored);
    })();
    const stamp = this.stamps().find((candidate) => candidate.id === id);
    if (!stamp) throw new Error('盖章后找不到印章记录');
    return stamp;
  }

  private chain(stamps: readonly StoredStamp[] = this.store.stamps()): ChainCheck {
    for (const version of this.store.versionHashes()) {
      if (!this.versionIntegrity.has(version.id)) {
        this.versionIntegrity.set(version.id, {
          recordedSha256: version.sha256,
          actualSha256: sha256(this.store.versionJson(version.id) ?? ''),
        });
      }
    }
    return checkChain(stamps, this.versionIntegrity);
  }

  /** Every stamp, oldest first, with its status against the content as it is now. */
  stamps(): Stamp[] {
    return this.stampsChecked(this.store.stamps()).stamps;
  }

  /** The stamps with their status, and the chain check that gave it (read and hashed once). */
  private stampsChecked(records: readonly StoredStamp[]): { stamps: Stamp[]; chain: ChainCheck } {
    const chain = this.chain(records);
    const { problems } = chain;
    const currentSha256 = this.currentSha256();
    const stamps = records.map<Stamp>(
      ({ id, versionId, reviewer, role, stampedAt, opinion, opinionText, contentSha256, seal }) => {
        const problem = problems.get(id);
        const isCurrent = contentSha256 === currentSha256;
        return {
          id,
          versionId,
          reviewer,
          role,
          stampedAt,
          opinion,
          opinionText,
          contentSha256,
          seal,
          status: problem !== undefined ? '校验失败' : isCurrent ? '有效' : '已失效',
          statusReason: problem ?? (isCurrent ? '' : `盖章后内容有改动（当前内容与第 ${versionId} 版不同）`),
        };
      },
    );
    return { stamps, chain };
  }

  status(): ReviewStatus {
    const latestVersion = this.latestVersion();
    const currentSha256 = this.currentSha256();
    const { stamps, chain } = this.stampsChecked(this.store.stamps());
    return {
      state: this.state(),
      latestVersion,
      currentSha256,
      changedSinceLatestVersion: latestVersion !== null && latestVersion.contentSha256 !== currentSha256,
      stamps,
      unresolvedComments: this.comments({ unresolvedOnly: true }).length,
      history: this.store.stateHistory(),
      restores: this.store.restores(),
      chainHead: chain.head,
    };
  }

  versions(): VersionSummary[] {
    return this.store.versions();
  }

  private latestVersion(): VersionSummary | null {
    return this.store.versions().at(-1) ?? null;
  }

  versionContent(ref: VersionRef): ReviewContent {
    if (ref === 'current') return this.current().review;
    const json = this.store.versionJson(ref);
    if (json === null)
      throw new AppError('INVALID_INPUT', `没有第 ${ref} 版（已有 ${this.versions().length} 版）`);
    return parseReviewContent(json, ref);
  }

  /** What differs between two versions, or a version and the content as it is now. */
  diff(from: VersionRef, to: VersionRef): VersionDiff {
    const label = (ref: VersionRef) => (ref === 'current' ? '当前内容' : `第 ${ref} 版`);
    return diffVersions(this.versionContent(from), this.versionContent(to), {
      from: label(from),
      to: label(to),
    });
  }

  /**
   * 恢复到此版本: the whole content becomes version `versionId`'s again, as one undoable edit
   * labelled with the reason and recorded in the review log (refused in 已定稿 like every edit). The content's hash then equals
   * the version's, so the stamps on it are 有效 again; a restore that would not reproduce it
   * exactly is rolled back. A version in another content format, or altered outside the
   * program, is refused rather than guessed at.
   */
  restoreVersion(versionId: number, reason: string): void {
    this.assertEditable();
    const why = required(reason, '恢复到该版本的原因');
    const version = this.versions().find((candidate) => candidate.id === versionId);
    const json = this.store.versionJson(versionId);
    if (version === undefined || json === null) {
      throw new AppError('INVALID_INPUT', `没有第 ${versionId} 版（已有 ${this.versions().length} 版）`);
    }
    if (sha256(json) !== version.contentSha256) {
      throw refused(`第 ${versionId} 版的内容与记录的校验值不符（可能在程序之外被改动），不能恢复到该版本`);
    }
    const { format } = JSON.parse(json) as { format?: unknown };
    if (format !== REVIEW_CONTENT_FORMAT) {
      throw refused(
        `第 ${versionId} 版按第 ${String(format)} 版内容格式保存，本程序的内容格式为第 ${REVIEW_CONTENT_FORMAT} 版；为免恢复出错，不能恢复到该版本`,
      );
    }
    const target = parseReviewContent(json, versionId);
    const { review: before, sha256: replacedSha256 } = this.current();
    if (replacedSha256 === version.contentSha256) {
      throw new AppError('INVALID_INPUT', `当前内容与第 ${versionId} 版相同，无需恢复`);
    }
    this.file.db.transaction(() => {
      this.workbook.replaceContent(`恢复到第 ${versionId} 版（${why}）`, before, target, () => {
        if (this.currentSha256() !== version.contentSha256) {
          throw new Error(`恢复到第 ${versionId} 版后内容的校验值与该版本不符，已撤回恢复`);
        }
      });
      this.store.insertRestore({ versionId, at: new Date().toISOString(), reason: why, replacedSha256 });
    })();
  }

  addComment(request: { target: CommentTarget; author: string; text: string }): ReviewComment {
    const author = required(request.author, '批注人姓名');
    const text = required(request.text, '批注内容');
    const place = describeCommentTarget(this.workbook, request.target);
    const id = this.file.db.transaction(() =>
      this.store.insertComment({
        target: request.target,
        place,
        author,
        text,
        createdAt: new Date().toISOString(),
        versionId: this.latestVersion()?.id ?? null,
      }),
    )();
    return this.comment(id);
  }

  comments(filter: { unresolvedOnly?: boolean } = {}): ReviewComment[] {
    const all = this.store.comments();
    return filter.unresolvedOnly === true ? all.filter((comment) => comment.resolvedAt === null) : all;
  }

  resolveComment(id: number, by: string): ReviewComment {
    const resolver = required(by, '处理人姓名');
    this.setResolution(id, { by: resolver, at: new Date().toISOString() });
    return this.comment(id);
  }

  reopenComment(id: number): ReviewComment {
    this.setResolution(id, null);
    return this.comment(id);
  }

  private setResolution(id: number, resolution: { by: string; at: string } | null): void {
    const found = this.file.db.transaction(() => this.store.setCommentResolution(id, resolution))();
    if (!found) throw new AppError('INVALID_INPUT', `没有编号为 ${id} 的批注`);
  }

  private comment(id: number): ReviewComment {
    const comment = this.store.comments().find((candidate) => candidate.id === id);
    if (!comment) throw new AppError('INVALID_INPUT', `没有编号为 ${id} 的批注`);
    return comment;
  }

  /** Every edit, undo and redo asks first: a 已定稿 workbook is not changed. */
  assertEditable(): void {
    if (this.state() === '已定稿') {
      throw refused('工作簿已定稿，不能再修改；如需修改，请先退回编制中（需说明理由）');
    }
  }

  /** A final export: 已定稿, the approved content unchanged, every stamp verifying. */
  assertFinalExportAllowed(): void {
    const state = this.state();
    if (state !== '已定稿') throw refused(`工作簿当前为“${state}”，定稿后才能导出正式版`);
    const approval = this.store.latestStateChange();
    const approved = this.versions().find((version) => version.id === approval?.versionId);
    if (!approved || approved.contentSha256 !== this.currentSha256()) {
      throw refused('定稿后工作簿内容有改动（可能在程序之外），不能导出正式版；请退回后重新审核');
    }
    if (this.chain().problems.size > 0) throw refused('有印章校验失败，不能导出正式版');
  }

  private requireState(state: ReviewState, action: string): void {
    const current = this.state();
    if (current !== state) throw refused(`工作簿当前为“${current}”，只有在“${state}”时才能${action}`);
  }

  private requireUnchangedLatestVersion(action: string): VersionSummary {
    const version = this.latestVersion();
    if (version === null) throw refused(`尚未提交审核，不能${action}`);
    if (version.contentSha256 !== this.currentSha256()) {
      throw refused(`第 ${version.id} 版提交审核后内容已有改动，不能${action}；请退回编制中，再重新提交审核`);
    }
    return version;
  }
}
