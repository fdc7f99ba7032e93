import type { Database } from 'better-sqlite3';

/**
 * 情况说明: the user's inputs (last year's figures, reasons, procurement, assets, free texts)
 * and the sentences the user rewrote, each with the generated text it replaced, so that a
 * rewrite can be flagged when the figures change under it.
 */
export const narrative = {
  version: 5,
  name: 'narrative',
  up(db: Database): void {
    db.exec(`
      CREATE TABLE document_inputs (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL CHECK (json_valid(value_json))
      ) STRICT;

      CREATE TABLE narrative_edits (
        sentence_id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        generated_text TEXT NOT NULL
      ) STRICT;
    `);
  },
};
