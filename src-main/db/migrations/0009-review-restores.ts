import type { Database } from 'better-sqlite3';

/**
 * 恢复到此版本: when the content was made a version's again, and why. A record like the state
 * log, not tracked by the edit history: undoing the restore leaves the record of it.
 */
export const reviewRestores = {
  version: 9,
  name: 'review-restores',
  up(db: Database): void {
    db.exec(`
      CREATE TABLE review_restores (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES review_versions (id),
        restored_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        -- The content replaced, so the record says what was given up.
        replaced_sha256 TEXT NOT NULL CHECK (length(replaced_sha256) = 64)
      ) STRICT;
    `);
  },
};
