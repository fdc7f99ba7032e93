/**
 * The 绩效目标表 screen's state: the saved sheets as the main process answers them, which sheet
 * is open, and a draft per sheet the user has touched, so that moving between projects never
 * loses typing. A save sends the whole sheet (one undoable edit) and drops its draft.
 */
import { create } from 'zustand';
import type { ProjectGoalSheet, WholeUnitGoalSheet } from '../../shared/goal-sheets/model';
import { emptyGoalSheet } from '../../shared/goal-sheets/model';
import type { WholeUnitBudget } from '../../shared/goal-sheets/whole-unit-budget';
import type { EditResult, TableView } from '../../shared/contract/views';
import { api } from '../api/client';
import { type DraftEntry, cleanDraft } from '../forms/field-reader';
import { resetOnWorkbookSwitch } from '../forms/form-store';

import {
  EMPTY_WHOLE_UNIT_SHEET,
  type ProjectSheetDraft,
  type WholeUnitDraft,
  projectDraft,
  projectSheetOf,
  wholeUnitDraft,
  wholeUnitSheetOf,
} from '../screens/goals/sheet-draft';
import { messageOf, useWorkbook } from './workbook';

export type SheetSelection =
  { readonly kind: 'project'; readonly projectId: number } | { readonly kind: 'wholeUnit' };

interface GoalSheetsState {
  readonly sheets: readonly ProjectGoalSheet[] | null;
  readonly wholeUnit: WholeUnitGoalSheet | null;
  /** 表十二, for each project's 年度资金总额 and funds, which the sheet reads from its project. */
  readonly projectTable: TableView | null;
  /** The 整体 sheet's 年度预算情况, read from the tables (not entered). */
  readonly wholeUnitBudget: WholeUnitBudget | null;
  readonly loadProblem: string | null;
  readonly selection: SheetSelection | null;
  readonly projectDrafts: Readonly<Record<number, DraftEntry<ProjectSheetDraft>>>;
  readonly wholeUnitDraft: DraftEntry<WholeUnitDraft> | null;
  /** Why the last save did not happen: the form's problems or the main process's refusal. */
  readonly problems: readonly string[];
  readonly isSaving: boolean;
  readonly savedMessage: string | null;

  /** Fetches the saved sheets; clean drafts are made again from them (after an undo, an import). */
  load(): Promise<void>;
  select(selection: SheetSelection): void;
  editProject(projectId: number, update: (draft: ProjectSheetDraft) => ProjectSheetDraft): void;
  editWholeUnit(update: (draft: WholeUnitDraft) => WholeUnitDraft): void;
  discard(): void;
  /** Saves the open sheet. */
  save(): Promise<boolean>;
  /** Saves one sheet, open or not (保存全部 before closing the workbook). */
  saveSheet(selection: SheetSelection): Promise<boolean>;
  /** Drops one sheet's draft: the saved sheet shows again. */
  discardSheet(selection: SheetSelection): void;
  /** Forgets every draft and the selection: another workbook, or tables replaced by an import. */
  reset(): void;
}

function savedProjectDraft(sheets: readonly ProjectGoalSheet[] | null, projectId: number): ProjectSheetDraft {
  return projectDraft(sheets?.find((sheet) => sheet.projectId === projectId) ?? emptyGoalSheet(projectId));
}

const INITIAL = {
  sheets: null,
  wholeUnit: null,
  projectTable: null,
  wholeUnitBudget: null,
  loadProblem: null,
  selection: null,
  projectDrafts: {},
  wholeUnitDraft: null,
  problems: [],
  isSaving: false,
  savedMessage: null,
} as const satisfies Partial<GoalSheetsState>;

export const useGoalSheets = create<GoalSheetsState>()((set, get) => {
  function refuse(problems: readonly string[]): false {
    set({ problems, savedMessage: null });
    return false;
  }

  /** Sends one whole sheet; on success its draft is clean, and the reload makes it the saved one. */
  async function send(
    call: () => Promise<EditResult>,
    selection: SheetSelection,
    message: string,
  ): Promise<boolean> {
    set({ isSaving: true, problems: [], savedMessage: null });
    try {
      const result = await call();
      markClean(selection);
      set({ isSaving: false, savedMessage: message });
      // The revision this bumps makes the screen reload the saved sheets.
      await useWorkbook.getState().notifyEdited(result);
      return true;
    } catch (error) {
      set({ isSaving: false });
      return refuse([messageOf(error)]);
    }
  }

  function markClean(selection: SheetSelection): void {
    if (selection.kind === 'wholeUnit') {
      const entry = get().wholeUnitDraft;
      if (entry) set({ wholeUnitDraft: cleanDraft(entry.draft) });
      return;
    }
    const entry = get().projectDrafts[selection.projectId];
    if (entry)
      set({ projectDrafts: { ...get().projectDrafts, [selection.projectId]: cleanDraft(entry.draft) } });
  }

  return {
    ...INITIAL,

    async load() {
      try {
        const [sheets, wholeUnit, projectTable, wholeUnitBudget] = await Promise.all([
          api.invoke('goals/list', {}),
          api.invoke('goals/getWholeUnit', {}),
          api.invoke('tables/get', { table: 't12' }),
          api.invoke('goals/wholeUnitBudget', {}),
        ]);
        const drafts = Object.entries(get().projectDrafts).map(([id, entry]) =>
          entry.isDirty ? [id, entry] : [id, cleanDraft(savedProjectDraft(sheets, Number(id)))],
        );
        const wholeUnitEntry = get().wholeUnitDraft;
        set({
          sheets,
          wholeUnit,
          projectTable,
          wholeUnitBudget,
          loadProblem: null,
          projectDrafts: Object.fromEntries(drafts) as Record<number, DraftEntry<ProjectSheetDraft>>,
          wholeUnitDraft:
            wholeUnitEntry === null || wholeUnitEntry.isDirty
              ? wholeUnitEntry
              : cleanDraft(wholeUnitDraft(wholeUnit ?? EMPTY_WHOLE_UNIT_SHEET)),
        });
      } catch (error) {
        set({ loadProblem: messageOf(error) });
      }
    },

    select(selection) {
      const { sheets, wholeUnit, projectDrafts } = get();
      if (selection.kind === 'project' && !projectDrafts[selection.projectId]) {
        set({
          projectDrafts: {
            ...projectDrafts,
            [selection.projectId]: cleanDraft(savedProjectDraft(sheets, selection.projectId)),
          },
        });
      }
      if (selection.kind === 'wholeUnit' && get().wholeUnitDraft === null) {
        set({ wholeUnitDraft: cleanDraft(wholeUnitDraft(wholeUnit ?? EMPTY_WHOLE_UNIT_SHEET)) });
      }
      set({ selection, problems: [], savedMessage: null });
    },

    editProject(projectId, update) {
      const current = get().projectDrafts[projectId]?.draft ?? savedProjectDraft(get().sheets, projectId);
      set((state) => ({
        projectDrafts: { ...state.projectDrafts, [projectId]: { draft: update(current), isDirty: true } },
        savedMessage: null,
      }));
    },

    editWholeUnit(update) {
      const current =
        get().wholeUnitDraft?.draft ?? wholeUnitDraft(get().wholeUnit ?? EMPTY_WHOLE_UNIT_SHEET);
      set({ wholeUnitDraft: { draft: update(current), isDirty: true }, savedMessage: null });
    },

    discard() {
      const { selection } = get();
      if (selection !== null) get().discardSheet(selection);
    },

    discardSheet(selection) {
      const { sheets, wholeUnit } = get();
      if (selection.kind === 'wholeUnit') {
        set({
          wholeUnitDraft: cleanDraft(wholeUnitDraft(wholeUnit ?? EMPTY_WHOLE_UNIT_SHEET)),
          problems: [],
        });
        return;
      }
      set((state) => ({
        projectDrafts: {
          ...state.projectDrafts,
          [selection.projectId]: cleanDraft(savedProjectDraft(sheets, selection.projectId)),
        },
        problems: [],
      }));
    },

    async save() {
      const { selection } = get();
      return selection === null ? true : get().saveSheet(selection);
    },

    async saveSheet(selection) {
      if (selection.kind === 'wholeUnit') {
        const entry = get().wholeUnitDraft;
        if (!entry?.isDirty) return true;
        const reading = wholeUnitSheetOf(entry.draft);
        if (reading.value === null) return refuse(reading.problems);
        const sheet = reading.value;
        return send(() => api.invoke('goals/setWholeUnit', { sheet }), selection, '整体支出绩效目标表已保存');
      }
      const entry = get().projectDrafts[selection.projectId];
      if (!entry?.isDirty) return true;
      const reading = projectSheetOf(entry.draft);
      if (reading.value === null) return refuse(reading.problems);
      const sheet = reading.value;
      return send(() => api.invoke('goals/set', { sheet }), selection, '绩效目标表已保存');
    },

    reset() {
      set(INITIAL);
    },
  };
});

resetOnWorkbookSwitch(() => useGoalSheets.getState().reset());
