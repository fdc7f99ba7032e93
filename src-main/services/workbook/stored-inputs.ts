import { EMPTY_NARRATIVE_INPUTS, type NarrativeInputs } from '../../../shared/narrative/inputs';
import { DOCUMENT_INPUT_KEYS, type WorkbookStore } from './workbook-store';

/** Stored inputs over the defaults, key by key, so inputs saved by an older version stay readable. */
export function withDefaults(defaults: unknown, stored: unknown): unknown {
  if (stored === undefined || stored === null) return defaults;
  if (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults)) return stored;
  if (typeof stored !== 'object' || Array.isArray(stored)) return defaults;
  return Object.fromEntries(
    Object.entries(defaults).map(([key, value]) => [
      key,
      withDefaults(value, (stored as Record<string, unknown>)[key]),
    ]),
  );
}

/** The 情况说明 inputs a workbook holds. */
export function storedNarrativeInputs(store: WorkbookStore): NarrativeInputs {
  return withDefaults(
    EMPTY_NARRATIVE_INPUTS,
    store.readDocumentInput(DOCUMENT_INPUT_KEYS.narrative),
  ) as NarrativeInputs;
}
