import type { Database } from 'better-sqlite3';

/**
 * Last year's document, kept whole: the 情况说明's previous-year figures come from it and the
 * year-over-year comparison reads its tables. And the units a 部门 was consolidated from: the
 * file, when, a fingerprint of the unit's data, and what the unit gave to each figure the 部门
 * stores, which the consolidation rules (H1–H6) compare with the 部门's figures.
 */
export const lastYearAndConsolidation = {
  version: 8,
  name: 'last-year-and-consolidation',
  up(db: Database): void {
    db.exec(`
      CREATE TABLE previous_year (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        file_name TEXT NOT NULL,
        file_path TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('workbook', 'tablesXlsx', 'tablesJson')),
        imported_at TEXT NOT NULL,
        content_json TEXT NOT NULL CHECK (json_valid(content_json))
      ) STRICT;

      CREATE TABLE consolidated_units (
        unit_id INTEGER PRIMARY KEY REFERENCES units (id),
        name TEXT NOT NULL,
        file TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        consolidated_at TEXT NOT NULL,
        shares_json TEXT NOT NULL CHECK (json_valid(shares_json))
      ) STRICT;
    `);
  },
};
