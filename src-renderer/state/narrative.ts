/**
 * The 情况说明 screen's state: the sections as the main process generates them (with the user's
 * rewrites; a rewrite is saved at once, one undoable edit per sentence), and the draft of the
 * inputs form, saved as a whole.
 */
import { create } from 'zustand';
import type { NarrativeSection } from '../../shared/narrative/document';
import { api } from '../api/client';
import { createFormStore, resetOnWorkbookSwitch } from '../forms/form-store';
import { inputsDraft, narrativeInputsOf } from '../screens/narrative/inputs-draft';
import { messageOf, useWorkbook } from './workbook';

interface NarrativeState {
  readonly sections: readonly NarrativeSection[] | null;
  readonly loadProblem: string | null;
  /** The sentence whose rewrite was refused, and why. */
  readonly sentenceProblem: { readonly sentenceId: string; readonly message: string } | null;

  load(): Promise<void>;
  /** Saves a rewrite; an empty text goes back to the generated sentence. */
  editSentence(sentenceId: string, text: string): Promise<boolean>;
}

export const useNarrative = create<NarrativeState>()((set) => ({
  sections: null,
  loadProblem: null,
  sentenceProblem: null,

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
      // The revision this bumps makes the screen load the sections again.
      await useWorkbook.getState().notifyEdited(result);
      return true;
    } catch (error) {
      set({ sentenceProblem: { sentenceId, message: messageOf(error) } });
      return false;
    }
  },
}));

export const useNarrativeInputs = createFormStore({
  fetch: () => api.invoke('narrative/getInputs', {}),
  toDraft: inputsDraft,
  fromDraft: narrativeInputsOf,
  send: (inputs) => api.invoke('narrative/setInputs', { inputs }),
  savedMessage: '填报内容已保存，情况说明已重新生成',
});

resetOnWorkbookSwitch(() =>
  useNarrative.setState({ sections: null, loadProblem: null, sentenceProblem: null }),
);
