import { AppError } from '../errors';

/**
 * The longest name of a unit or project, in characters: the contract's limit on a short text,
 * which the 单位名称 of the profile has too.
 */
export const MAX_RECORD_NAME_LENGTH = 200;

/** A unit's or project's name as typed, trimmed; refused when empty or too long. */
export function checkedRecordName(text: string, what: '单位' | '项目'): string {
  const name = text.trim();
  if (name === '') throw new AppError('INVALID_ROW', `${what}名称不能为空`);
  const length = [...name].length;
  if (length > MAX_RECORD_NAME_LENGTH) {
    throw new AppError(
      'INVALID_ROW',
      `${what}名称不能超过 ${MAX_RECORD_NAME_LENGTH} 个字（现为 ${length} 个字）`,
    );
  }
  return name;
}
