import type { Database } from 'better-sqlite3';

/**
 * Whether a stored amount is exact (typed in 元/分) or a 万元 figure rounded to 0.01 (imported
 * from published tables or templates). The 审核 tolerates 尾差 only between rounded figures.
 * Cells of older files came from such imports or 万元 typing, so they count as rounded.
 */
export const cellPrecision = {
  version: 3,
  name: 'cell-precision',
  up(db: Database): void {
    db.exec(
      `ALTER TABLE cells ADD COLUMN is_rounded INTEGER NOT NULL DEFAULT 1 CHECK (is_rounded IN (0, 1))`,
    );
  },
};
