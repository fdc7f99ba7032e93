/**
 * The open workbook as the renderer sees it. The main process owns the document; this store
 * holds what the screens show of it (summary, history, 审核 findings) and which part and cell
 * the user is at. Every edit answers with an EditResult; `notifyEdited` refetches what depends
 * on it and bumps `revision`, which the screens watch to refetch their own data.
 */
import { create } from 'zustand';
import type { Finding } from '../../shared/checks/engine';
import type { EditResult, HistoryState, WorkbookSummary } from '../../shared/contract/views';
import type { AmountUnit } from '../../shared/money';
import type { TableKey } from '../../shared/tables/types';
import type { CellAddress } from '../../shared/workbook/evaluate';
import { api, ContractCallError } from '../api/client';

/** A part of the document, as the navigation lists them. */
export type Part =
  'overview' | TableKey | 'goals' | 'narrative' | 'checks' | 'review' | 'lastYear' | 'consolidation';

/** A request to bring a cell into view and flash it; `serial` makes a repeated request new. */
export interface CellRequest {
  readonly address: CellAddress;
  /** Where to go instead when the table no longer has the cell (a row only the other side lists). */
  readonly alternatives: readonly CellAddress[];
  readonly serial: number;
}

interface WorkbookState {
  readonly summary: WorkbookSummary | null;
  readonly history: HistoryState | null;
  readonly findings: readonly Finding[];
  /** Bumped after every change of the document; screens refetch when it changes. */
  readonly revision: number;
  readonly part: Part;
  /** The cell the grid has focus on, for the cell bar and the 审核 panel. */
  readonly selectedCell: CellAddress | null;
  readonly cellRequest: CellRequest | null;
  /** The last refusal or failure, in Chinese, until dismissed or the next success. */
  readonly error: string | null;
  /** A short confirmation of the last undo/redo, e.g. 已撤销：修改 表二 … */
  readonly notice: string | null;
  /** What typed and pasted amounts are in; the tables always show 万元. */
  readonly entryUnit: AmountUnit;

  opened(summary: WorkbookSummary): Promise<void>;
  closed(): void;
  refresh(): Promise<void>;
  notifyEdited(result: EditResult): Promise<void>;
  showPart(part: Part): void;
  selectCell(address: CellAddress | null): void;
  goToCell(address: CellAddress, alternatives?: readonly CellAddress[]): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  reportError(error: unknown): void;
  dismissError(): void;
  setEntryUnit(unit: AmountUnit): void;
}

/** The Chinese message of a refused request, or a plain statement of an unexpected failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ContractCallError) return error.message || '请求未完成，主进程没有说明原因';
  if (error instanceof Error) return `操作失败：${error.message}`;
  return `操作失败：${String(error)}`;
}

export const useWorkbook = create<WorkbookState>()((set, get) => {
  const loadFindings = async () => {
    const findings = await api.invoke('checks/findings', {});
    set({ findings });
  };

  /** 撤销/重做: one step of the file's history, then what it changed is refetched. */
  const stepHistory = async (step: () => Promise<{ result: EditResult; notice: string | null }>) => {
    try {
      const { result, notice } = await step();
      await get().notifyEdited(result);
      set({ notice });
    } catch (error) {
      get().reportError(error);
    }
  };

  return {
    summary: null,
    history: null,
    findings: [],
    revision: 0,
    part: 'overview',
    selectedCell: null,
    cellRequest: null,
    error: null,
    notice: null,
    entryUnit: 'wanYuan',

    async opened(summary) {
      set({
        summary,
        history: summary.history,
        findings: [],
        part: 'overview',
        selectedCell: null,
        cellRequest: null,
        error: null,
        notice: null,
        revision: get().revision + 1,
      });
      try {
        await loadFindings();
      } catch (error) {
        get().reportError(error);
      }
    },

    closed() {
      set({
        summary: null,
        history: null,
        findings: [],
        selectedCell: null,
        cellRequest: null,
        notice: null,
      });
    },

    async refresh() {
      try {
        const summary = await api.invoke('workbook/summary', {});
        if (summary === null) {
          get().closed();
          return;
        }
        // Another file opened by the main process (a double-click on a .ysgk): start on it afresh.
        if (summary.path !== get().summary?.path) {
          await get().opened(summary);
          return;
        }
        set({ summary, history: summary.history, revision: get().revision + 1 });
        await loadFindings();
      } catch (error) {
        get().reportError(error);
      }
    },

    async notifyEdited(result) {
      set({ history: result.history, error: null, notice: null });
      // Units, projects and the profile live in the summary; any edit may have changed them.
      await get().refresh();
    },

    showPart(part) {
      set({ part, selectedCell: null });
    },

    selectCell(address) {
      set({ selectedCell: address });
    },

    goToCell(address, alternatives = []) {
      const serial = (get().cellRequest?.serial ?? 0) + 1;
      set({ part: address.table, cellRequest: { address, alternatives, serial } });
    },

    async undo() {
      await stepHistory(async () => {
        const result = await api.invoke('history/undo', {});
        return { result, notice: result.undone === null ? null : `已撤销：${result.undone}` };
      });
    },

    async redo() {
      await stepHistory(async () => {
        const result = await api.invoke('history/redo', {});
        return { result, notice: result.redone === null ? null : `已重做：${result.redone}` };
      });
    },

    reportError(error) {
      set({ error: messageOf(error) });
    },

    dismissError() {
      set({ error: null });
    },

    setEntryUnit(entryUnit) {
      set({ entryUnit });
    },
  };
});

/** Runs a request that edits the workbook; refetches after it, or shows its refusal. */
export async function runEdit(edit: () => Promise<EditResult>): Promise<boolean> {
  try {
    const result = await edit();
    await useWorkbook.getState().notifyEdited(result);
    return true;
  } catch (error) {
    useWorkbook.getState().reportError(error);
    return false;
  }
}
