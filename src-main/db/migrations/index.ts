import { initialSchema } from './0001-initial';
import { editHistory } from './0002-edit-history';
import { cellPrecision } from './0003-cell-precision';
import { exportLog } from './0004-export-log';
import { narrative } from './0005-narrative';
import { goalSheets } from './0006-goal-sheets';
import { review } from './0007-review';
import { lastYearAndConsolidation } from './0008-last-year-and-consolidation';
import { reviewRestores } from './0009-review-restores';

/** Every schema change, in ascending version order; a file at version N gets those after N. */
export const MIGRATIONS = [
  initialSchema,
  editHistory,
  cellPrecision,
  exportLog,
  narrative,
  goalSheets,
  review,
  lastYearAndConsolidation,
  reviewRestores,
] as const;
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
