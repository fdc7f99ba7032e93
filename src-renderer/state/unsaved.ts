/**
 * The drafts typed but not saved, in every form that saves with 保存 (grid edits are saved at
 * once): the one place that knows them, so that closing or switching the workbook and leaving
 * the window can ask first instead of losing them.
 */
import { create } from 'zustand';
import { type SheetSelection, useGoalSheets } from './goal-sheets';
import { isUnsavedRewrite, useNarrative, useNarrativeInputs } from './narrative';
import { useOverview } from './overview';
import { useWorkbook } from './workbook';
import type { FormState } from '../forms/form-store';

export interface UnsavedDraft {
  /** The form, as its screen names it: 绩效目标表, 概况, 情况说明 改写 … */
  readonly form: string;
  /** Which one of the form's: the project, the sentence; null for a form of its own. */
  readonly subject: string | null;
  /** Saves it as its own 保存 would; false when it was refused (see `problems`). */
  save(): Promise<boolean>;
  discard(): Promise<void>;
  /** Why its last save was refused, in Chinese. */
  problems(): readonly string[];
}

/** The goal sheets' drafts: an import writes the projects anew, so it drops them. */
export function goalSheetDrafts(): UnsavedDraft[] {
  const { projectDrafts, wholeUnitDraft } = useGoalSheets.getState();
  const projects = useWorkbook.getState().summary?.projects ?? [];
  const sheet = (selection: SheetSelection, form: string, subject: string | null): UnsavedDraft => ({
    form,
    subject,
    save: () => useGoalSheets.getState().saveSheet(selection),
    discard: async () => useGoalSheets.getState().discardSheet(selection),
    problems: () => useGoalSheets.getState().problems,
  });
  // A removed project's sheet went with it, after its own question (删除项目): no draft to keep.
  const projectSheets = projects
    .filter((project) => projectDrafts[project.id]?.isDirty === true)
    .map((project) => sheet({ kind: 'project', projectId: project.id }, '绩效目标表', project.name));
  return wholeUnitDraft?.isDirty === true
    ? [sheet({ kind: 'wholeUnit' }, '整体支出绩效目标申报表', null), ...projectSheets]
    : projectSheets;
}

function formDraft<TDraft>(store: { getState(): FormState<TDraft> }, form: string): UnsavedDraft[] {
  if (store.getState().entry?.isDirty !== true) return [];
  return [
    {
      form,
      subject: null,
      save: () => store.getState().save(),
      discard: () => store.getState().discard(),
      problems: () => store.getState().problems,
    },
  ];
}

function rewriteDrafts(): UnsavedDraft[] {
  const { rewrites, sections } = useNarrative.getState();
  const sentences = sections?.flatMap((section) => section.sentences) ?? [];
  return Object.entries(rewrites)
    .filter(([id, rewrite]) =>
      isUnsavedRewrite(
        rewrite.text,
        sentences.find((sentence) => sentence.id === id),
      ),
    )
    .map(([id, rewrite]) => ({
      form: '情况说明 改写',
      subject: rewrite.label,
      save: () => useNarrative.getState().editSentence(id, rewrite.text),
      discard: async () => useNarrative.getState().cancelRewrite(id),
      problems: () => {
        const problem = useNarrative.getState().sentenceProblem;
        return problem?.sentenceId === id ? [problem.message] : [];
      },
    }));
}

/** Every draft not saved yet, in the order of the document's parts. */
export function unsavedDrafts(): readonly UnsavedDraft[] {
  return [
    ...formDraft(useOverview, '概况'),
    ...goalSheetDrafts(),
    ...formDraft(useNarrativeInputs, '情况说明 填报内容'),
    ...rewriteDrafts(),
  ];
}

/** 绩效目标表“某项目”: how the question names a draft. */
export function draftName(draft: UnsavedDraft): string {
  return draft.subject === null ? draft.form : `${draft.form}“${draft.subject}”`;
}

interface DraftsQuestion {
  /** What would discard the drafts, e.g. 关闭工作簿. */
  readonly action: string;
  readonly drafts: readonly UnsavedDraft[];
  /** The refusals of the last 保存全部, each naming its draft. */
  readonly problems: readonly string[];
  readonly isSaving: boolean;
  readonly answer: (proceed: boolean) => void;
}

interface DraftsQuestionState {
  readonly question: DraftsQuestion | null;
  saveAll(): Promise<void>;
  discardAll(): Promise<void>;
  cancel(): void;
}

export const useDraftsQuestion = create<DraftsQuestionState>()((set, get) => {
  function settle(proceed: boolean): void {
    const question = get().question;
    set({ question: null });
    question?.answer(proceed);
  }

  return {
    question: null,

    async saveAll() {
      const question = get().question;
      if (question === null || question.isSaving) return;
      set({ question: { ...question, isSaving: true, problems: [] } });
      // Goal sheets share one list of refusals (as sentences share one), which the next save
      // clears: each draft's reasons are read right after its own save.
      const refused: UnsavedDraft[] = [];
      const problems: string[] = [];
      for (const draft of question.drafts) {
        if (await draft.save()) continue;
        refused.push(draft);
        problems.push(...draft.problems().map((problem) => `${draftName(draft)}：${problem}`));
      }
      if (refused.length === 0) {
        settle(true);
        return;
      }
      set({ question: { ...question, drafts: refused, problems, isSaving: false } });
    },

    async discardAll() {
      const question = get().question;
      if (question === null || question.isSaving) return;
      set({ question: { ...question, isSaving: true } });
      for (const draft of question.drafts) await draft.discard();
      settle(true);
    },

    cancel() {
      if (get().question?.isSaving !== true) settle(false);
    },
  };
});

/**
 * Before `action` would discard the drafts: asks whether to save them, discard them or stay.
 * Answers true when the action may go on (no drafts, all saved, or discarded on purpose).
 */
export function settleDrafts(action: string, drafts = unsavedDrafts()): Promise<boolean> {
  if (drafts.length === 0) return Promise.resolve(true);
  // A question already open (a second click) is answered as cancelled: one question at a time.
  useDraftsQuestion.getState().cancel();
  return new Promise((answer) =>
    useDraftsQuestion.setState({ question: { action, drafts, problems: [], isSaving: false, answer } }),
  );
}
