import type { Database } from 'better-sqlite3';

/** The tables whose rows a user edit changes; only these are recorded and replayed. */
const TRACKED_TABLES = [
  'profile',
  'units',
  'subjects',
  'table_rows',
  'economic_rows',
  'projects',
  'cells',
  'document_inputs',
  'narrative_edits',
  'goal_sheets',
  'previous_year',
  'consolidated_units',
] as const;
type TrackedTable = (typeof TRACKED_TABLES)[number];

/** Older steps are dropped beyond this many, so the file does not grow without bound. */
const MAX_UNDO_STEPS = 500;

interface ChangeRow {
  readonly table_name: string;
  readonly row_id: number;
  readonly before_json: string | null;
  readonly after_json: string | null;
}

function isTracked(name: string): name is TrackedTable {
  return (TRACKED_TABLES as readonly string[]).includes(name);
}

/**
 * Records every row change of the tracked tables while a step is open. The triggers are TEMP:
 * they live in this connection only, are rebuilt from the current columns at every open, and
 * never appear in the file's schema, so migrations need not know about them.
 */
export class EditHistory {
  private readonly columns = new Map<TrackedTable, readonly string[]>();

  constructor(private readonly db: Database) {
    db.exec('CREATE TEMP TABLE edit_recording (step_id INTEGER NOT NULL)');
    for (const table of TRACKED_TABLES) {
      const names = (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
      this.columns.set(table, names);
      const json = (alias: 'new' | 'old') =>
        `json_object(${names.map((name) => `'${name}', ${alias}.${name}`).join(', ')})`;
      const record = (kind: string, rowId: string, before: string, after: string) => `
        CREATE TEMP TRIGGER history_${table}_${kind} AFTER ${kind.toUpperCase()} ON main.${table}
        WHEN EXISTS (SELECT 1 FROM temp.edit_recording)
        BEGIN
          INSERT INTO main.edit_changes (step_id, table_name, row_id, before_json, after_json)
          VALUES ((SELECT step_id FROM temp.edit_recording), '${table}', ${rowId}, ${before}, ${after});
        END;`;
      db.exec(record('insert', 'new.rowid', 'NULL', json('new')));
      db.exec(record('update', 'old.rowid', json('old'), json('new')));
      db.exec(record('delete', 'old.rowid', json('old'), 'NULL'));
    }
  }

  /** Runs one user action as one transaction and one undo step; it clears the redo stack. */
  record<T>(label: string, action: () => T): T {
    return this.db.transaction(() => {
      const stepId = Number(
        this.db
          .prepare(
            `INSERT INTO edit_steps (stack, position, label, created_at)
             VALUES ('undo', (SELECT coalesce(max(position), 0) + 1 FROM edit_steps), ?, ?)`,
          )
          .run(label, new Date().toISOString()).lastInsertRowid,
      );
      this.db.prepare('INSERT INTO temp.edit_recording (step_id) VALUES (?)').run(stepId);
      try {
        return action();
      } finally {
        this.db.exec('DELETE FROM temp.edit_recording');
        this.discardRedoAndTrim(stepId);
      }
    })();
  }

  private discardRedoAndTrim(stepId: number): void {
    const changed = this.db.prepare('SELECT 1 FROM edit_changes WHERE step_id = ? LIMIT 1').get(stepId);
    if (!changed) {
      this.db.prepare('DELETE FROM edit_steps WHERE id = ?').run(stepId);
      return;
    }
    this.db.exec(`DELETE FROM edit_steps WHERE stack = 'redo'`);
    this.db
      .prepare(
        `DELETE FROM edit_steps WHERE stack = 'undo' AND id NOT IN
         (SELECT id FROM edit_steps WHERE stack = 'undo' ORDER BY position DESC LIMIT ?)`,
      )
      .run(MAX_UNDO_STEPS);
  }

  /** Forgets every step, undo and redo: a review state change closes the history (see review.ts). */
  clear(): void {
    this.db.exec('DELETE FROM edit_steps');
  }

  /** Reverts the latest step; returns its label, or null when there is nothing to undo. */
  undo(): string | null {
    return this.move('undo', 'redo');
  }

  redo(): string | null {
    return this.move('redo', 'undo');
  }

  /** What undo and redo would revert or replay next: their steps' labels. */
  nextLabels(): { readonly undo: string | null; readonly redo: string | null } {
    return { undo: this.topOf('undo')?.label ?? null, redo: this.topOf('redo')?.label ?? null };
  }

  private topOf(stack: 'undo' | 'redo') {
    return this.db
      .prepare(`SELECT id, label FROM edit_steps WHERE stack = ? ORDER BY position DESC LIMIT 1`)
      .get(stack) as { id: number; label: string } | undefined;
  }

  private move(from: 'undo' | 'redo', to: 'undo' | 'redo'): string | null {
    const step = this.topOf(from);
    if (!step) return null;
    this.db.transaction(() => {
      // Rows are restored one by one; references hold again once the whole step is replayed.
      this.db.pragma('defer_foreign_keys = ON');
      const changes = this.db
        .prepare(
          `SELECT table_name, row_id, before_json, after_json FROM edit_changes WHERE step_id = ?
           ORDER BY id ${from === 'undo' ? 'DESC' : 'ASC'}`,
        )
        .all(step.id) as ChangeRow[];
      for (const change of changes) {
        const target = from === 'undo' ? change.before_json : change.after_json;
        this.restore(change.table_name, change.row_id, target);
      }
      this.db
        .prepare(
          `UPDATE edit_steps SET stack = ?, position = (SELECT max(position) + 1 FROM edit_steps) WHERE id = ?`,
        )
        .run(to, step.id);
    })();
    return step.label;
  }

  /**
   * Puts one row back to a recorded state (null: the row did not exist). A row that is there
   * is updated in place: deleting it first would cascade to the rows that reference it (a
   * renamed project's 绩效目标表 would go with the undo).
   */
  private restore(tableName: string, rowId: number, stateJson: string | null): void {
    if (!isTracked(tableName)) throw new Error(`编辑历史中出现未知的表：${tableName}`);
    if (stateJson === null) {
      this.db.prepare(`DELETE FROM ${tableName} WHERE rowid = ?`).run(rowId);
      return;
    }
    const state = JSON.parse(stateJson) as Record<string, unknown>;
    // A step recorded before a migration added a column lacks it; its default applies.
    const columns = (this.columns.get(tableName) ?? []).filter((column) => column in state);
    const values = columns.map((column) => state[column] ?? null);
    const updated = this.db
      .prepare(
        `UPDATE ${tableName} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE rowid = ?`,
      )
      .run(...values, rowId);
    if (updated.changes > 0) return;
    this.db
      .prepare(
        `INSERT INTO ${tableName} (rowid, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
      )
      .run(rowId, ...values);
  }
}
