import { AppError } from '../../shared/errors';

/** The AppError an action throws; fails the test if it throws nothing or something else. */
export function errorOf(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** The AppError an async action rejects with; fails the test otherwise. */
export async function rejectionOf(action: () => Promise<unknown>): Promise<AppError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
