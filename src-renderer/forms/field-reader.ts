/**
 * Reads a form's typed texts into the contract's values, collecting every problem at once (in
 * Chinese, naming the field) instead of stopping at the first.
 */
import type { AmountUnit, Fen } from '../../shared/money';
import { readAmount, readCount } from './amount-text';

export type DraftReading<T> =
  | { readonly value: T; readonly problems: readonly [] }
  | { readonly value: null; readonly problems: readonly string[] };

export class FieldReader {
  readonly problems: string[] = [];

  amount(label: string, text: string, unit: AmountUnit): Fen | null {
    const reading = readAmount(label, text, unit);
    if (reading.problem !== null) this.problems.push(reading.problem);
    return reading.fen;
  }

  count(label: string, text: string, limits?: { min: number; max: number }): number | null {
    const reading = readCount(label, text, limits);
    if (reading.problem !== null) this.problems.push(reading.problem);
    return reading.count;
  }

  require(isMet: boolean, problem: string): void {
    if (!isMet) this.problems.push(problem);
  }

  result<T>(value: T): DraftReading<T> {
    return this.problems.length === 0 ? { value, problems: [] } : { value: null, problems: this.problems };
  }
}

/** A form's draft and whether the user changed it since it was made from the saved values. */
export interface DraftEntry<T> {
  readonly draft: T;
  /** A clean draft follows the saved values (after an undo, an import); a dirty one is kept. */
  readonly isDirty: boolean;
}

export function cleanDraft<T>(draft: T): DraftEntry<T> {
  return { draft, isDirty: false };
}
