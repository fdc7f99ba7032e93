import type { Database } from 'better-sqlite3';

/**
 * Undo and redo are data in the file: each user action is a step, each step the list of row
 * changes it made (before and after, as JSON), so history survives closing the workbook.
 */
export const editHistory = {
  version: 2,
  name: 'edit-history',
  up(db: Database): void {
    db.exec(`
      CREATE TABLE edit_steps (
        id INTEGER PRIMARY KEY,
        stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX edit_steps_by_stack ON edit_steps (stack, position);

      CREATE TABLE edit_changes (
        id INTEGER PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES edit_steps (id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        before_json TEXT,
        after_json TEXT
      ) STRICT;
      CREATE INDEX edit_changes_by_step ON edit_changes (step_id, id);
    `);
  },
};
