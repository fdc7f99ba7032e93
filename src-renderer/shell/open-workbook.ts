import { api } from '../api/client';
import { settleDrafts } from '../state/unsaved';
import { useWorkbook } from '../state/workbook';

/**
 * Opens a workbook file (打开, a recent file, a double-clicked .ysgk); the current one, if any,
 * is closed by the main process, so its drafts are settled first (reopening the same file keeps
 * them: they belong to it).
 */
export async function openWorkbookAt(path: string): Promise<void> {
  const { opened, reportError, summary } = useWorkbook.getState();
  const fileName = path.split(/[\\/]/).pop() ?? path;
  if (summary?.path !== path && !(await settleDrafts(`打开“${fileName}”`))) return;
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
