import type { Database } from 'better-sqlite3';
import type {
  CommentTarget,
  ReviewComment,
  StampOpinion,
  StateChange,
  VersionRestore,
  VersionSummary,
} from '../../../shared/review/model';
import type { StoredStamp } from './stamp-chain';

interface StampRow {
  id: number;
  version_id: number;
  reviewer: string;
  role: string;
  stamped_at: string;
  opinion: StampOpinion;
  opinion_text: string;
  seal_png: Buffer | null;
  seal_sha256: string | null;
  content_sha256: string;
  previous_hash: string;
  stamp_hash: string;
}

interface CommentRow {
  id: number;
  target_json: string;
  place: string;
  author: string;
  text: string;
  created_at: string;
  version_id: number | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** Row-level reads and writes of the review tables (migration 0007). */
export class ReviewStore {
  constructor(private readonly db: Database) {}

  latestStateChange(): StateChange | null {
    return this.stateChanges('ORDER BY id DESC LIMIT 1')[0] ?? null;
  }

  stateHistory(): StateChange[] {
    return this.stateChanges('ORDER BY id');
  }

  private stateChanges(order: string): StateChange[] {
    return this.db
      .prepare(
        `SELECT id, from_state AS "from", to_state AS "to", changed_at AS at, changed_by AS by, reason,
                version_id AS versionId FROM review_state_changes ${order}`,
      )
      .all() as StateChange[];
  }

  insertStateChange(change: Omit<StateChange, 'id'>): void {
    this.db
      .prepare(
        `INSERT INTO review_state_changes (from_state, to_state, changed_at, changed_by, reason, version_id)
         VALUES (@from, @to, @at, @by, @reason, @versionId)`,
      )
      .run(change);
  }

  insertVersion(version: {
    createdAt: string;
    createdBy: string;
    note: string;
    json: string;
    sha256: string;
  }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO review_versions (created_at, created_by, note, content_json, content_sha256, content_bytes)
           VALUES (@createdAt, @createdBy, @note, @json, @sha256, @bytes)`,
        )
        .run({ ...version, bytes: Buffer.byteLength(version.json) }).lastInsertRowid,
    );
  }

  versions(): VersionSummary[] {
    return this.db
      .prepare(
        `SELECT v.id, v.created_at AS createdAt, v.created_by AS createdBy, v.note,
                v.content_sha256 AS contentSha256, v.content_bytes AS bytes,
                (SELECT count(*) FROM review_stamps s WHERE s.version_id = v.id) AS stampCount
         FROM review_versions v ORDER BY v.id`,
      )
      .all() as VersionSummary[];
  }

  versionJson(id: number): string | null {
    const row = this.db.prepare('SELECT content_json FROM review_versions WHERE id = ?').get(id) as
      { content_json: string } | undefined;
    return row?.content_json ?? null;
  }

  insertRestore(restore: Omit<VersionRestore, 'id'>): void {
    this.db
      .prepare(
        `INSERT INTO review_restores (version_id, restored_at, reason, replaced_sha256)
         VALUES (@versionId, @at, @reason, @replacedSha256)`,
      )
      .run(restore);
  }

  restores(): VersionRestore[] {
    return this.db
      .prepare(
        `SELECT id, version_id AS versionId, restored_at AS at, reason, replaced_sha256 AS replacedSha256
         FROM review_restores ORDER BY id`,
      )
      .all() as VersionRestore[];
  }

  /** Every version's recorded hash, without its content. */
  versionHashes(): { id: number; sha256: string }[] {
    return this.db.prepare('SELECT id, content_sha256 AS sha256 FROM review_versions ORDER BY id').all() as {
      id: number;
      sha256: string;
    }[];
  }

  stamps(): StoredStamp[] {
    const rows = this.db.prepare('SELECT * FROM review_stamps ORDER BY id').all() as StampRow[];
    return rows.map((row) => ({
      id: row.id,
      versionId: row.version_id,
      reviewer: row.reviewer,
      role: row.role,
      stampedAt: row.stamped_at,
      opinion: row.opinion,
      opinionText: row.opinion_text,
      seal: row.seal_png === null ? null : new Uint8Array(row.seal_png),
      sealSha256: row.seal_sha256,
      contentSha256: row.content_sha256,
      previousHash: row.previous_hash,
      stampHash: row.stamp_hash,
    }));
  }

  nextStampId(): number {
    return (
      this.db.prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM review_stamps').get() as { next: number }
    ).next;
  }

  insertStamp(stamp: StoredStamp): void {
    this.db
      .prepare(
        `INSERT INTO review_stamps (id, version_id, reviewer, role, stamped_at, opinion, opinion_text, seal_png,
           seal_sha256, content_sha256, previous_hash, stamp_hash)
         VALUES (@id, @versionId, @reviewer, @role, @stampedAt, @opinion, @opinionText, @seal,
           @sealSha256, @contentSha256, @previousHash, @stampHash)`,
      )
      .run({ ...stamp, seal: stamp.seal === null ? null : Buffer.from(stamp.seal) });
  }

  insertComment(comment: Omit<ReviewComment, 'id' | 'resolvedAt' | 'resolvedBy'>): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO review_comments (target_json, place, author, text, created_at, version_id)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          JSON.stringify(comment.target),
          comment.place,
          comment.author,
          comment.text,
          comment.createdAt,
          comment.versionId,
        ).lastInsertRowid,
    );
  }

  comments(): ReviewComment[] {
    const rows = this.db.prepare('SELECT * FROM review_comments ORDER BY id').all() as CommentRow[];
    return rows.map((row) => ({
      id: row.id,
      target: JSON.parse(row.target_json) as CommentTarget,
      place: row.place,
      author: row.author,
      text: row.text,
      createdAt: row.created_at,
      versionId: row.version_id,
      resolvedAt: row.resolved_at,
      resolvedBy: row.resolved_by,
    }));
  }

  /** Marks a comment resolved (by, at) or, with null, unresolved again; false if there is no such comment. */
  setCommentResolution(id: number, resolution: { by: string; at: string } | null): boolean {
    return (
      this.db
        .prepare('UPDATE review_comments SET resolved_by = ?, resolved_at = ? WHERE id = ?')
        .run(resolution?.by ?? null, resolution?.at ?? null, id).changes === 1
    );
  }
}
