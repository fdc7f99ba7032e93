/**
 * The 情况说明 screen's state: the sections as the main process generates them (with the user's
 * rewrites; a rewrite is saved with 保存改写, one undoable edit per sentence), the rewrites being
 * typed (kept here, not in the sentence's view, so that moving to another part keeps them), and
 * the draft of the inputs form, saved as a whole.
 */
import { create } from 'zustand';
import type { NarrativeSection, NarrativeSentence } from '../../shared/narrative/document';
import { api } from '../api/client';
import { createFormStore, resetOnWorkbookSwitch } from '../forms/form-store';
import { inputsDraft, narrativeInputsOf } from '../screens/narrative/inputs-draft';
import { messageOf, useWorkbook } from './workbook';

interface NarrativeState {
  readonly sections: readonly NarrativeSection[] | null;
  readonly loadProblem: string | null;
  /** The sentence whose rewrite was refused, and why. */
  readonly sentenceProblem: { readonly sentenceId: string; readonly message: string } | null;
  /** The rewrites being typed, by sentence id, with the sentence's label (三、… 第2句). */
  readonly rewrites: Readonly<Record<string, SentenceRewrite>>;

  load(): Promise<void>;
  /** Saves a rewrite; an empty text goes back to the generated sentence. */
  editSentence(sentenceId: string, text: string): Promise<boolean>;
  typeRewrite(sentenceId: string, rewrite: SentenceRewrite): void;
  cancelRewrite(sentenceId: string): void;
}

export interface SentenceRewrite {
  readonly label: string;
  readonly text: string;
}

/** A rewrite being typed is unsaved once it differs from what the sentence prints. */
export function isUnsavedRewrite(text: string, sentence: NarrativeSentence | undefined): boolean {
  return sentence?.text !== text;
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([candidate]) => candidate !== key));
}

const EMPTY_NARRATIVE = { sections: null, loadProblem: null, sentenceProblem: null, rewrites: {} } as const;

export const useNarrative = create<NarrativeState>()((set) => ({
  ...EMPTY_NARRATIVE,

  async load() {
    try {
      set({ sections: await api.invoke('narrative/get', {}), loadProblem: null });
    } catch (error) {
      set({ loadProblem: messageOf(error) });
    }
  },

  async editSentence(sentenceId, text) {
    set({ sentenceProblem: null });
    try {
      const result = await api.invoke('narrative/editSentence', { sentenceId, text });
      set((state) => ({ rewrites: without(state.rewrites, sentenceId) }));
      // The revision this bumps makes the screen load the sections again.
      await useWorkbook.getState().notifyEdited(result);
      return true;
    } catch (error) {
      set({ sentenceProblem: { sentenceId, message: messageOf(error) } });
      return false;
    }
  },

  typeRewrite(sentenceId, rewrite) {
    set((state) => ({ rewrites: { ...state.rewrites, [sentenceId]: rewrite } }));
  },

  cancelRewrite(sentenceId) {
    set((state) => ({
      rewrites: without(state.rewrites, sentenceId),
      sentenceProblem: state.sentenceProblem?.sentenceId === sentenceId ? null : state.sentenceProblem,
    }));
  },
}));

export const useNarrativeInputs = createFormStore({
  fetch: () => api.invoke('narrative/getInputs', {}),
  toDraft: inputsDraft,
  fromDraft: narrativeInputsOf,
  send: (inputs) => api.invoke('narrative/setInputs', { inputs }),
  savedMessage: '填报内容已保存，情况说明已重新生成',
});

resetOnWorkbookSwitch(() => useNarrative.setState(EMPTY_NARRATIVE));
