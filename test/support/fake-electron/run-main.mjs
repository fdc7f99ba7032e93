// Runs a compiled main.js against the stand-in Electron and prints what it set up, as JSON.
import { pathToFileURL } from 'node:url';

await import(pathToFileURL(process.argv[2]).href);
const recorded = globalThis.fakeElectron;
while (recorded.loaded === null) await new Promise((resolve) => setTimeout(resolve, 10));

const [window] = recorded.windows;
const contents = window.webContents;
const isPrevented = (event) => {
  let prevented = false;
  for (const listener of contents.listeners[event] ?? [])
    listener({ preventDefault: () => (prevented = true) });
  return prevented;
};
/** A prevented unload (the page has drafts) answered with the button `answer` (0 离开, 1 留下). */
const unloadWhenAnswered = (answer) => {
  recorded.messageBoxAnswer = answer;
  return { unloads: isPrevented('will-prevent-unload'), asked: recorded.messageBoxes.pop() };
};
const appInfo = recorded.ipcHandlers.get('app/info');
const refusal = async (event) => {
  try {
    await appInfo(event, {});
    return null;
  } catch (error) {
    return error.message;
  }
};
let permissionGranted = null;
recorded.permissionRequest(contents, 'media', (granted) => (permissionGranted = granted));
const headers = await new Promise((resolve) => recorded.headersReceived({ responseHeaders: {} }, resolve));
const fromPage = await appInfo({ sender: contents, senderFrame: contents.mainFrame }, {});
const fromFrame = await refusal({
  sender: contents,
  senderFrame: { url: contents.mainFrame.url, parent: contents.mainFrame },
});
const fromOtherContents = await refusal({ sender: {}, senderFrame: contents.mainFrame });
const pageUrl = contents.mainFrame.url;
contents.mainFrame.url = 'https://example.com/';
const afterNavigation = await refusal({ sender: contents, senderFrame: contents.mainFrame });
contents.mainFrame.url = pageUrl;

console.log(
  JSON.stringify({
    loaded: recorded.loaded,
    webPreferences: window.options.webPreferences,
    channels: [...recorded.ipcHandlers.keys()],
    navigationPrevented: isPrevented('will-navigate'),
    redirectPrevented: isPrevented('will-redirect'),
    webviewPrevented: isPrevented('will-attach-webview'),
    windowOpen: contents.windowOpenHandler({ url: 'https://example.com/' }),
    permissionGranted,
    permissionCheck: recorded.permissionCheck(contents, 'clipboard-read'),
    csp: headers.responseHeaders['Content-Security-Policy'],
    fromPage,
    fromFrame,
    fromOtherContents,
    afterNavigation,
    menu: recorded.menu.template.map((item) => item.label),
    unloadListeners: (contents.listeners['will-prevent-unload'] ?? []).length,
    unloadOnLeave: unloadWhenAnswered(0),
    unloadOnStay: unloadWhenAnswered(1),
  }),
);
process.exit(0);
