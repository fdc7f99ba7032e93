import type { Database } from 'better-sqlite3';

/**
 * 内部审核: the state log (the state is its latest row; none means 编制中), the versions frozen
 * on entering 内部审核 (canonical content as JSON and its SHA-256), reviewers' stamps bound
 * to a version's hash and chained to each other, and comments. None of these tables is
 * tracked by the edit history: they are records, not undoable edits.
 */
export const review = {
  version: 7,
  name: 'review',
  up(db: Database): void {
    db.exec(`
      CREATE TABLE review_versions (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL CHECK (length(trim(created_by)) > 0),
        note TEXT NOT NULL,
        content_json TEXT NOT NULL CHECK (json_valid(content_json)),
        content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
        -- Kept so that listing versions never reads their content.
        content_bytes INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE review_state_changes (
        id INTEGER PRIMARY KEY,
        from_state TEXT NOT NULL CHECK (from_state IN ('编制中', '内部审核', '已定稿')),
        to_state TEXT NOT NULL CHECK (to_state IN ('编制中', '内部审核', '已定稿')),
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL CHECK (length(trim(changed_by)) > 0),
        reason TEXT NOT NULL,
        version_id INTEGER REFERENCES review_versions (id),
        -- Every step back carries its reason.
        CHECK (to_state = '内部审核' AND from_state = '编制中' OR to_state = '已定稿' OR length(trim(reason)) > 0)
      ) STRICT;

      CREATE TABLE review_stamps (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES review_versions (id),
        reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
        role TEXT NOT NULL CHECK (length(trim(role)) > 0),
        stamped_at TEXT NOT NULL,
        opinion TEXT NOT NULL CHECK (opinion IN ('通过', '退回修改')),
        opinion_text TEXT NOT NULL,
        seal_png BLOB,
        seal_sha256 TEXT,
        content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
        previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
        stamp_hash TEXT NOT NULL CHECK (length(stamp_hash) = 64)
      ) STRICT;

      CREATE TABLE review_comments (
        id INTEGER PRIMARY KEY,
        target_json TEXT NOT NULL CHECK (json_valid(target_json)),
        place TEXT NOT NULL,
        author TEXT NOT NULL CHECK (length(trim(author)) > 0),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        created_at TEXT NOT NULL,
        version_id INTEGER REFERENCES review_versions (id),
        resolved_at TEXT,
        resolved_by TEXT,
        CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
      ) STRICT;
    `);
  },
};
