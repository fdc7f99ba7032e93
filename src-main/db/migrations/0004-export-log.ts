import type { Database } from 'better-sqlite3';

/**
 * Every export of the disclosure, kept in the workbook: a final export despite 错误 findings
 * must carry the reason the user gave, and reviewers need to see what was sent out when.
 */
export const exportLog = {
  version: 4,
  name: 'export-log',
  up(db: Database): void {
    db.exec(`
      CREATE TABLE exports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('draft', 'final')),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'xlsx')),
        file TEXT NOT NULL,
        exported_at TEXT NOT NULL,
        error_count INTEGER NOT NULL CHECK (error_count >= 0),
        override_reason TEXT,
        CHECK (kind = 'draft' OR error_count = 0 OR length(trim(override_reason)) > 0)
      ) STRICT;
    `);
  },
};
