import { api } from '../api/client';
import { settleDrafts, unsavedDrafts } from '../state/unsaved';
import { useWorkbook } from '../state/workbook';

/**
 * Opens a workbook file; the current one, if any, is closed by the main process, so its
 * drafts are settled first (reopening the same file keeps them: they belong to it).
 */
export async function openWorkbookAt(path: string): Promise<void> {
  const { opened, reportError, summary } = useWorkbook.getState();
  if (summary?.path !== path && !(await settleDrafts('打开另一个工作簿'))) return;
  try {
    await opened(await api.invoke('workbook/open', { path }));
  } catch (error) {
    reportError(error);
  }
}

/** 打开: asks for a .ysgk file, then opens it; cancelling the dialog does nothing. */
export async function openWorkbookByDialog(): Promise<void> {
  try {
    const path = await api.invoke('dialog/openFile', { purpose: 'workbook' });
    if (path !== null) await openWorkbookAt(path);
  } catch (error) {
    useWorkbook.getState().reportError(error);
  }
}

/**
 * 'workbook/changed': the main process changed the workbook (an import job), or opened another
 * file (a double-click on a .ysgk) and closed the one shown. Then unsaved drafts of the shown
 * one are settled after the fact: it is opened again, to save them into or to stay on, and the
 * other file follows only once they are saved or discarded.
 */
export async function followMainProcess(): Promise<void> {
  const { summary: shown, refresh, reportError } = useWorkbook.getState();
  if (shown === null || unsavedDrafts().length === 0) return refresh();
  try {
    const current = await api.invoke('workbook/summary', {});
    if (current === null || current.path === shown.path) return await refresh();
    await api.invoke('workbook/open', { path: shown.path });
    const fileName = current.path.split(/[\\/]/).pop() ?? current.path;
    if (await settleDrafts(`打开“${fileName}”`)) await openWorkbookAt(current.path);
  } catch (error) {
    reportError(error);
    await refresh();
  }
}
