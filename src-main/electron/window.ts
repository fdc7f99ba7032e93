import { BrowserWindow, app, dialog, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';

/**
 * Locks down every web contents the app has or could get: no navigation away from our page,
 * no new windows, no webviews, no permissions (camera, notifications …), and the CSP on
 * every response besides the index.html meta tag.
 */
export function hardenWebContents(): void {
  const browserSession = session.defaultSession;
  browserSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  browserSession.setPermissionCheckHandler(() => false);
  browserSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    }),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** The one window: the renderer sees only the preload's `transport`. */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '预算公开工作台',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  askBeforeLosingDrafts(window);
  return window;
}

const LEAVE = 0;
const STAY = 1;

/**
 * The page prevents its unload (beforeunload) only while it holds unsaved drafts; Electron then
 * shows no prompt of its own but emits 'will-prevent-unload'. Here the user decides: calling
 * preventDefault on that event ignores the page's beforeunload, so the window closes or
 * reloads; leaving it alone keeps the page and its drafts.
 */
function askBeforeLosingDrafts(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: '有未保存的修改',
      message: '有未保存的修改，离开将丢失这些修改。',
      detail: '选择“留下”回到工作簿，保存后再关闭。',
      buttons: ['离开', '留下'],
      defaultId: STAY,
      cancelId: STAY,
      noLink: true,
    });
    if (choice === LEAVE) event.preventDefault();
  });
}
