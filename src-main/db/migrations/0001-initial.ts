import type { Database } from 'better-sqlite3';

/** The first schema: the workbook's profile, its units, rows and cells. */
export const initialSchema = {
  version: 1,
  name: 'initial',
  up(db: Database): void {
    db.exec(`
      CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        code TEXT,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        scope TEXT NOT NULL CHECK (scope IN ('部门', '单位')),
        unit_type TEXT CHECK (unit_type IN ('行政', '参公', '事业')),
        supervising_department TEXT
      ) STRICT;

      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        code TEXT,
        unit_type TEXT CHECK (unit_type IN ('行政', '参公', '事业')),
        position INTEGER NOT NULL
      ) STRICT;

      -- The name this workbook prints for each 科目编码 it uses; user-added codes are flagged.
      CREATE TABLE subjects (
        code TEXT PRIMARY KEY CHECK (code GLOB '[0-9][0-9][0-9]*'),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        is_user_added INTEGER NOT NULL CHECK (is_user_added IN (0, 1))
      ) STRICT;

      -- Which 科目 rows (表二/三/五/七/八/九) and unit rows (表十一) a table lists.
      CREATE TABLE table_rows (
        table_key TEXT NOT NULL,
        row_key TEXT NOT NULL,
        PRIMARY KEY (table_key, row_key)
      ) STRICT;

      CREATE TABLE economic_rows (
        id INTEGER PRIMARY KEY,
        class_code TEXT NOT NULL,
        dept_name TEXT NOT NULL,
        gov_name TEXT,
        position INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units (id),
        kind TEXT NOT NULL CHECK (kind IN ('current', 'carryover')),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        position INTEGER NOT NULL
      ) STRICT;

      -- Amounts in integer 分. A blank cell has no row here; zero is stored as 0.
      CREATE TABLE cells (
        table_key TEXT NOT NULL,
        row_key TEXT NOT NULL,
        column_key TEXT NOT NULL,
        fen INTEGER NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('input', 'override')),
        PRIMARY KEY (table_key, row_key, column_key)
      ) STRICT;
    `);
  },
};
