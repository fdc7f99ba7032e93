/**
 * Last year's disclosure in this year's workbook: the year-over-year report (refetched with the
 * workbook's revision), and the import of last year's file in three steps — choose the file,
 * look at what it would change (plan), import; another unit's file is imported only after the
 * user confirms it is the same unit (the main process answers NEEDS_CONFIRMATION until then).
 */
import { create } from 'zustand';
import type { LastYearPlanView } from '../../shared/contract/last-year-views';
import type { PreviousYearStatus } from '../../shared/last-year/figures';
import type { YearOverYearReport } from '../../shared/last-year/year-over-year';
import { ContractCallError, api } from '../api/client';
import { messageOf, useWorkbook } from './workbook';

export type LastYearImport =
  | { readonly step: 'idle' }
  | { readonly step: 'planning'; readonly file: string }
  | {
      readonly step: 'planned';
      readonly file: string;
      readonly plan: LastYearPlanView;
      /** The main process's question when the file is another unit's; set after it asked. */
      readonly question: string | null;
      readonly problem: string | null;
    }
  | { readonly step: 'importing'; readonly file: string; readonly plan: LastYearPlanView }
  | { readonly step: 'failed'; readonly file: string; readonly problem: string };

interface LastYearState {
  readonly report: YearOverYearReport | null;
  readonly status: PreviousYearStatus | null;
  readonly importing: LastYearImport;
  load(): Promise<void>;
  chooseFile(): Promise<void>;
  /** Imports the planned file; `confirmOtherUnit` once the user has answered the question. */
  importPlanned(confirmOtherUnit: boolean): Promise<void>;
  cancelImport(): void;
}

export const useLastYear = create<LastYearState>()((set, get) => ({
  report: null,
  status: null,
  importing: { step: 'idle' },

  async load() {
    try {
      const [report, status] = await Promise.all([
        api.invoke('yearOverYear/get', {}),
        api.invoke('lastYear/status', {}),
      ]);
      set({ report, status });
    } catch (error) {
      useWorkbook.getState().reportError(error);
    }
  },

  async chooseFile() {
    let file: string | null;
    try {
      file = await api.invoke('dialog/openFile', { purpose: 'lastYear' });
    } catch (error) {
      useWorkbook.getState().reportError(error);
      return;
    }
    if (file === null) return;
    set({ importing: { step: 'planning', file } });
    try {
      const plan = await api.invoke('lastYear/plan', { file });
      set({ importing: { step: 'planned', file, plan, question: null, problem: null } });
    } catch (error) {
      set({ importing: { step: 'failed', file, problem: messageOf(error) } });
    }
  },

  async importPlanned(confirmOtherUnit) {
    const current = get().importing;
    if (current.step !== 'planned') return;
    const { file, plan } = current;
    set({ importing: { step: 'importing', file, plan } });
    try {
      const result = await api.invoke('lastYear/import', { file, confirmOtherUnit });
      set({ importing: { step: 'idle' } });
      await useWorkbook.getState().notifyEdited(result);
    } catch (error) {
      const isQuestion = error instanceof ContractCallError && error.error.code === 'NEEDS_CONFIRMATION';
      set({
        importing: {
          step: 'planned',
          file,
          plan,
          question: isQuestion ? messageOf(error) : null,
          problem: isQuestion ? null : messageOf(error),
        },
      });
    }
  },

  cancelImport() {
    set({ importing: { step: 'idle' } });
  },
}));
