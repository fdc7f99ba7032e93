import { api } from '../api/client';
import { useWorkbook } from '../state/workbook';

/** Opens a workbook file; the current one, if any, is closed by the main process. */
export async function openWorkbookAt(path: string): Promise<void> {
  const { opened, reportError } = useWorkbook.getState();
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
