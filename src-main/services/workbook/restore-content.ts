import { type ReviewContent, canonicalJson } from '../../../shared/review/content';
import { replaceTables } from './replace-tables';
import { DOCUMENT_INPUT_KEYS, type WorkbookStore } from './workbook-store';

/**
 * Makes the stored content `target` (a review version's): the tables through replaceTables,
 * then the profile, the document inputs and the 情况说明 rewrites, writing only what differs so
 * the undo step holds just the changes. What a version does not hold (last year's document,
 * the consolidation records, the review records) is left as it is. Runs inside the caller's edit.
 */
export function writeReviewContent(store: WorkbookStore, before: ReviewContent, target: ReviewContent): void {
  const differs = (a: unknown, b: unknown) => canonicalJson(a) !== canonicalJson(b);
  replaceTables(
    store,
    { content: before, goalSheets: before.goalSheets },
    { content: target, goalSheets: target.goalSheets },
  );
  if (differs(before.profile, target.profile)) store.writeProfile(target.profile);
  const documentInputs = [
    [DOCUMENT_INPUT_KEYS.narrative, before.narrativeInputs, target.narrativeInputs],
    [DOCUMENT_INPUT_KEYS.overview, before.overview, target.overview],
    [DOCUMENT_INPUT_KEYS.wholeUnitGoalSheet, before.wholeUnitGoalSheet, target.wholeUnitGoalSheet],
  ] as const;
  for (const [key, was, next] of documentInputs) if (differs(was, next)) store.writeDocumentInput(key, next);
  const kept = new Set(target.narrativeEdits.map((edit) => edit.sentenceId));
  for (const edit of before.narrativeEdits) {
    if (!kept.has(edit.sentenceId)) store.writeNarrativeEdit(edit.sentenceId, null);
  }
  const previous = new Map(before.narrativeEdits.map((edit) => [edit.sentenceId, edit]));
  for (const { sentenceId, text, generatedText } of target.narrativeEdits) {
    if (differs(previous.get(sentenceId), { sentenceId, text, generatedText })) {
      store.writeNarrativeEdit(sentenceId, { text, generatedText });
    }
  }
}
