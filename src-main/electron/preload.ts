/**
 * The sandboxed preload: the page gets `window.transport` (invoke and on, for the contract's
 * names only) and nothing else of Electron or Node. Built as one CommonJS file
 * (scripts/build-main.ts): a sandboxed preload cannot import modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, isRequestName } from '../../shared/contract/names';
import type { EventName } from '../../shared/contract/requests';
import type { RawTransport } from '../../shared/contract/transport';

const transport: RawTransport = {
  invoke(name, input) {
    if (!isRequestName(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'BAD_REQUEST', message: `没有名为“${String(name)}”的请求。`, details: {} },
      });
    }
    return ipcRenderer.invoke(name, input);
  },
  on(event, listener) {
    if (!EVENT_NAMES.includes(event as EventName)) throw new Error(`没有名为“${String(event)}”的事件`);
    // The IPC event object carries the sender; only the payload reaches the page.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.removeListener(event, forward);
  },
};

contextBridge.exposeInMainWorld('transport', transport);
