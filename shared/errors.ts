/**
 * Errors that reach a user carry a stable code (for the UI and tests) and a Chinese message
 * that names the file, table, row and column involved. They cross the IPC boundary as plain
 * `{ code, message, details }`.
 */
export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_EXISTS'
  | 'NOT_A_WORKBOOK'
  | 'WORKBOOK_FROM_NEWER_VERSION'
  | 'WORKBOOK_LOCKED'
  | 'WORKBOOK_CLOSED'
  /** A long job (PDF export) holds the workbook; edits wait until it ends or is cancelled. */
  | 'WORKBOOK_BUSY'
  | 'INVALID_PROFILE'
  | 'INVALID_AMOUNT'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'COMPUTED_CELL'
  | 'UNKNOWN_CELL'
  | 'INVALID_ROW'
  | 'INVALID_INPUT'
  | 'FINAL_EXPORT_BLOCKED'
  /** An action the review state does not allow (an edit after 定稿, a final export before it …). */
  | 'REVIEW_STATE'
  | 'INVALID_SEAL'
  /** Last year's document is not of the year before the workbook's. */
  | 'WRONG_YEAR'
  /** The action is allowed but needs the user's explicit confirmation (message says why). */
  | 'NEEDS_CONFIRMATION'
  /** Consolidation of a 部门: the workbook is not a 部门, or units that cannot be summed. */
  | 'CONSOLIDATION_REFUSED';

export interface ErrorDetails {
  readonly file?: string;
  readonly table?: string;
  readonly row?: string;
  readonly column?: string;
  readonly problems?: readonly string[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Every problem of an import or paste at once, nothing done: `导入未执行，共 N 处问题：…`. */
export function refusedWithProblems(
  action: string,
  problems: readonly string[],
  details: ErrorDetails = {},
  code: ErrorCode = 'INVALID_INPUT',
): AppError {
  return new AppError(code, `${action}未执行，共 ${problems.length} 处问题：\n${problems.join('\n')}`, {
    ...details,
    problems,
  });
}
