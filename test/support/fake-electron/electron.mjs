// A stand-in for the 'electron' module, recording what the compiled main process asks of it,
// so a test can run dist/main/electron/main.js where the Electron binary cannot be installed.
import { pathToFileURL } from 'node:url';

class Emitter {
  listeners = {};
  on(name, listener) {
    (this.listeners[name] ??= []).push(listener);
    return this;
  }
  once(name, listener) {
    return this.on(name, listener);
  }
  emit(name, ...args) {
    for (const listener of this.listeners[name] ?? []) listener(...args);
  }
}

export const recorded = {
  windows: [],
  ipcHandlers: new Map(),
  permissionRequest: null,
  permissionCheck: null,
  headersReceived: null,
  menu: null,
  loaded: null,
  errorBoxes: [],
  messageBoxes: [],
  /** The button index the next showMessageBoxSync answers, as if the user clicked it. */
  messageBoxAnswer: 0,
};
globalThis.fakeElectron = recorded;

class WebContents extends Emitter {
  mainFrame = { url: '', parent: null };
  sent = [];
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    this.sent.push([channel, payload]);
  }
}

// FAKE_ELECTRON_RESOURCES: run as a packaged app would, with that folder as resources/.
const packagedResources = process.env.FAKE_ELECTRON_RESOURCES;
if (packagedResources !== undefined) process.resourcesPath = packagedResources;

class App extends Emitter {
  isPackaged = packagedResources !== undefined;
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  getVersion() {
    return '9.9.9';
  }
  getPath() {
    return process.env.FAKE_ELECTRON_USER_DATA;
  }
  quit() {}
  exit(code) {
    process.exit(code);
  }
}
export const app = new App();

export class BrowserWindow extends Emitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    recorded.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadFile(file) {
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    recorded.loaded = file;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
}

export const ipcMain = {
  handle: (channel, handler) => recorded.ipcHandlers.set(channel, handler),
  removeHandler: (channel) => recorded.ipcHandlers.delete(channel),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (recorded.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (recorded.permissionCheck = handler),
    webRequest: { onHeadersReceived: (handler) => (recorded.headersReceived = handler) },
  },
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => (recorded.menu = menu),
};

export const dialog = {
  showErrorBox: (title, content) => recorded.errorBoxes.push({ title, content }),
  showMessageBoxSync: (window, options) => {
    recorded.messageBoxes.push({ isOverWindow: recorded.windows.includes(window), ...options });
    return recorded.messageBoxAnswer;
  },
};
