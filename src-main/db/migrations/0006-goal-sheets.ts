import type { Database } from 'better-sqlite3';

/** One 项目支出绩效目标表 per project at most; it goes when its project goes. */
export const goalSheets = {
  version: 6,
  name: 'goal-sheets',
  up(db: Database): void {
    db.exec(`
      CREATE TABLE goal_sheets (
        project_id INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
        data_json TEXT NOT NULL CHECK (json_valid(data_json))
      ) STRICT;
    `);
  },
};
