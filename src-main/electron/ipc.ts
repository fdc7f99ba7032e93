import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { REQUEST_INPUTS, type RequestName } from '../../shared/contract/requests';
import type { Session } from '../app/session';

/** A URL without its fragment: the renderer may keep its own state there. */
function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * Serves every request of the contract over IPC to one window, and forwards the session's
 * events to it. A request is answered only when it comes from that window's main frame
 * showing our own index.html: nothing else (another page it was navigated to, a frame) may
 * call the main process. Returns the function that unregisters it all.
 */
export function serveContract(session: Session, window: BrowserWindow, indexUrl: string): () => void {
  const expectedUrl = withoutHash(indexUrl);
  // The top frame is the one without a parent (a WebFrameMain is compared by what it is, not
  // by object identity).
  const isOurPage = (event: IpcMainInvokeEvent) =>
    event.sender === window.webContents &&
    event.senderFrame !== null &&
    event.senderFrame.parent === null &&
    withoutHash(event.senderFrame.url) === expectedUrl;

  const names = Object.keys(REQUEST_INPUTS) as RequestName[];
  for (const name of names) {
    ipcMain.handle(name, (event, input: unknown) => {
      if (!isOurPage(event)) throw new Error(`拒绝了来自其他页面的请求“${name}”`);
      return session.handleRequest(name, input);
    });
  }
  const unsubscribe = session.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(event.name, event.payload);
  });
  return () => {
    unsubscribe();
    for (const name of names) ipcMain.removeHandler(name);
  };
}
