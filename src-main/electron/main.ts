/**
 * The Electron main process: one window on the renderer in dist/renderer, the contract served
 * to it over IPC by a Session (src-main/app), nothing else. Built by scripts/build-main.ts to
 * dist/main/electron/main.js (package.json "main").
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Menu, app, dialog } from 'electron';
import { openLaunchFile, workbookInArguments } from '../app/launch-file';
import { Session } from '../app/session';
import { nativeDialogs } from './dialogs';
import { serveContract } from './ipc';
import { applicationMenu } from './menu';
import { createMainWindow, hardenWebContents } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const INDEX_HTML = path.join(here, '../../renderer/index.html');
const PRELOAD = path.join(here, 'preload.cjs');

async function start(): Promise<void> {
  await app.whenReady();
  hardenWebContents();
  const window = createMainWindow(PRELOAD);
  const session = new Session({
    mode: 'electron',
    version: app.getVersion(),
    dataFolder: app.getPath('userData'),
    dialogs: nativeDialogs(window),
    // electron-builder copies the PDF fonts to resources/fonts (electron-builder.yml).
    ...(app.isPackaged ? { fontFolder: path.join(process.resourcesPath, 'fonts') } : {}),
  });
  const stopServing = serveContract(session, window, pathToFileURL(INDEX_HTML).href);
  const openFromArguments = async (args: readonly string[], workingDirectory?: string) => {
    const file = workbookInArguments(args, workingDirectory);
    const problem = file === null ? null : await openLaunchFile(session, file);
    if (problem !== null) dialog.showErrorBox('无法打开工作簿', problem);
  };
  Menu.setApplicationMenu(applicationMenu(window, app.getVersion(), app.isPackaged));
  window.on('closed', () => {
    stopServing();
    session.dispose();
  });
  // A second launch's relative path is relative to where that launch was started.
  app.on('second-instance', (_event, args: string[], workingDirectory: string) => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
    void openFromArguments(args, workingDirectory);
  });
  app.on('window-all-closed', () => app.quit());
  // Opened before the page loads, so the page starts on it (workbook/summary).
  await openFromArguments(process.argv.slice(1));
  await window.loadFile(INDEX_HTML);
}

// A second launch (a double-click on another .ysgk) hands its arguments to the running app.
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });
} else {
  app.quit();
}
