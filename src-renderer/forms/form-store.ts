/**
 * A store for a form that edits one saved value as a whole (概况, the 情况说明 inputs): the
 * draft made from the saved value, kept while dirty, read back and sent in one request (one
 * undoable edit), and the Chinese problems when it cannot be.
 */
import { create } from 'zustand';
import type { EditResult } from '../../shared/contract/views';
import { messageOf, useWorkbook } from '../state/workbook';
import { type DraftEntry, type DraftReading, cleanDraft } from './field-reader';

export interface FormState<TDraft> {
  readonly entry: DraftEntry<TDraft> | null;
  readonly loadProblem: string | null;
  readonly problems: readonly string[];
  readonly isSaving: boolean;
  readonly savedMessage: string | null;

  /** Fetches the saved value; a clean draft is made again from it, a dirty one kept. */
  load(): Promise<void>;
  edit(update: (draft: TDraft) => TDraft): void;
  discard(): Promise<void>;
  save(): Promise<boolean>;
}

/**
 * Calls `reset` whenever another workbook is opened or the open one is closed: a draft belongs
 * to the document it was made from and must never be saved into another.
 */
export function resetOnWorkbookSwitch(reset: () => void): void {
  useWorkbook.subscribe((state, previous) => {
    if (state.summary?.path !== previous.summary?.path) reset();
  });
}

export function createFormStore<TValue, TDraft>(form: {
  readonly fetch: () => Promise<TValue>;
  readonly toDraft: (value: TValue) => TDraft;
  readonly fromDraft: (draft: TDraft) => DraftReading<TValue>;
  readonly send: (value: TValue) => Promise<EditResult>;
  readonly savedMessage: string;
}) {
  const initial = { entry: null, loadProblem: null, problems: [], isSaving: false, savedMessage: null };
  const store = create<FormState<TDraft>>()((set, get) => ({
    ...initial,

    async load() {
      try {
        const value = await form.fetch();
        const current = get().entry;
        set({
          entry: current?.isDirty === true ? current : cleanDraft(form.toDraft(value)),
          loadProblem: null,
        });
      } catch (error) {
        set({ loadProblem: messageOf(error) });
      }
    },

    edit(update) {
      const current = get().entry;
      if (current === null) return;
      set({ entry: { draft: update(current.draft), isDirty: true }, savedMessage: null });
    },

    async discard() {
      set({ entry: null, problems: [], savedMessage: null });
      await get().load();
    },

    async save() {
      const entry = get().entry;
      if (!entry?.isDirty) return true;
      const reading = form.fromDraft(entry.draft);
      if (reading.value === null) {
        set({ problems: reading.problems, savedMessage: null });
        return false;
      }
      const value = reading.value;
      set({ isSaving: true, problems: [], savedMessage: null });
      try {
        const result = await form.send(value);
        set({ entry: cleanDraft(entry.draft), isSaving: false, savedMessage: form.savedMessage });
        // The revision this bumps makes the screen load the saved value again.
        await useWorkbook.getState().notifyEdited(result);
        return true;
      } catch (error) {
        set({ isSaving: false, problems: [messageOf(error)] });
        return false;
      }
    },
  }));
  resetOnWorkbookSwitch(() => store.setState(initial));
  return store;
}
