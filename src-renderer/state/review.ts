/**
 * 内部审核 as the renderer sees it: the review status (state, stamps with their validity, the
 * latest version), refetched whenever the workbook's revision moves (every edit, undo, import)
 * and when the window regains focus, so a stamp shows 已失效 as soon as the content changes.
 * Also who is working (their name signs submissions, stamps and comments; kept on this
 * computer) and the last amount cell chosen in a table, which a comment can point at.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ReviewStateResult, ReviewStatusView } from '../../shared/contract/review-views';
import type { CellAddress } from '../../shared/workbook/evaluate';
import { api } from '../api/client';
import { useWorkbook } from './workbook';

const OPERATOR_KEY = 'ysgk.review.operator';

function storedOperator(): string {
  try {
    return window.localStorage.getItem(OPERATOR_KEY) ?? '';
  } catch {
    return '';
  }
}

interface ReviewState {
  readonly status: ReviewStatusView | null;
  readonly operator: string;
  /** The last amount cell selected in a table of the open workbook. */
  readonly lastCell: CellAddress | null;

  load(): Promise<void>;
  setOperator(name: string): void;
  /** Runs a state change (提交审核, 定稿, 退回): it closes the edit history, so the workbook refetches. */
  changeState(request: () => Promise<ReviewStateResult>): Promise<boolean>;
  /** Runs a request answering with the status (签章). */
  update(request: () => Promise<ReviewStatusView>): Promise<boolean>;
}

/** Answers can cross: only the latest request's answer is shown. */
let latestLoad = 0;

export const useReview = create<ReviewState>()((set) => ({
  status: null,
  operator: storedOperator(),
  lastCell: null,

  async load() {
    if (useWorkbook.getState().summary === null) {
      set({ status: null });
      return;
    }
    const serial = ++latestLoad;
    try {
      const status = await api.invoke('review/status', {});
      if (serial === latestLoad) set({ status });
    } catch (error) {
      if (serial === latestLoad) useWorkbook.getState().reportError(error);
    }
  },

  setOperator(operator) {
    set({ operator });
    try {
      window.localStorage.setItem(OPERATOR_KEY, operator);
    } catch {
      // Without storage the name is asked again next time; nothing is lost.
    }
  },

  async changeState(request) {
    try {
      const result = await request();
      latestLoad++;
      set({ status: result.status });
      await useWorkbook.getState().notifyEdited(result);
      return true;
    } catch (error) {
      useWorkbook.getState().reportError(error);
      return false;
    }
  },

  async update(request) {
    try {
      const status = await request();
      latestLoad++;
      set({ status });
      useWorkbook.getState().dismissError();
      return true;
    } catch (error) {
      useWorkbook.getState().reportError(error);
      return false;
    }
  },
}));

/** Shown once, above every screen, while the workbook is 已定稿. */
export const FINALISED_NOTICE = '已定稿：如需修改，请在审核流程中退回编制中';
/** Shown during 内部审核, when edits are still accepted but no longer match what was stamped. */
export const IN_REVIEW_NOTICE = '内部审核中：此时修改内容，已盖的印章将显示为“已失效”，需重新盖章';

/**
 * Whether the workbook takes edits: in 已定稿 the service refuses every one, so the screens
 * show themselves read-only instead of letting the user type into a refusal.
 */
export function useIsReadOnly(): boolean {
  return useReview((state) => state.status?.state === '已定稿');
}

/**
 * Keeps the review status current while a workbook is open: mounted once, by the toolbar's
 * badge. Remembers the last cell chosen in a table (the selection is cleared on leaving it).
 */
export function useReviewSync(): void {
  const revision = useWorkbook((state) => state.revision);
  const path = useWorkbook((state) => state.summary?.path ?? null);

  // Another workbook: nothing of the last one's review is shown meanwhile.
  useEffect(() => {
    useReview.setState({ status: null, lastCell: null });
    return useWorkbook.subscribe((state, previous) => {
      if (state.selectedCell !== null && state.selectedCell !== previous.selectedCell) {
        useReview.setState({ lastCell: state.selectedCell });
      }
    });
  }, [path]);

  useEffect(() => {
    void useReview.getState().load();
  }, [revision, path]);

  useEffect(() => {
    const reload = () => void useReview.getState().load();
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, []);
}
