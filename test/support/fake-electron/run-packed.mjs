// Runs a packed app's main.js, extracted from its app.asar, against the stand-in Electron, launched
// as the deb's .desktop entry launches it for a double-clicked .ysgk (Exec=… %U: a file:// URL).
// Reads what it opened and its 表一, exports the draft PDF through the contract as the window
// would, then prints the answers and the native modules the process loaded, as JSON.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [mainScript, workbookFile, pdfFile] = process.argv.slice(2);
process.argv = [process.argv[0], pathToFileURL(workbookFile).href];
await import(pathToFileURL(mainScript).href);
const recorded = globalThis.fakeElectron;
while (recorded.loaded === null) await new Promise((resolve) => setTimeout(resolve, 10));

const contents = recorded.windows[0].webContents;
const invoke = (name, input) =>
  recorded.ipcHandlers.get(name)({ sender: contents, senderFrame: contents.mainFrame }, input);
const opened = await invoke('workbook/summary', {});
const table1 = await invoke('tables/get', { table: 't1' });
const pdf = await invoke('export/pdf', {
  jobId: 'packed',
  outputFile: pdfFile,
  kind: 'draft',
  figures: 'asEntered',
});
await invoke('workbook/close', {});

console.log(
  JSON.stringify({
    opened,
    errorBoxes: recorded.errorBoxes,
    table1,
    pdf,
    nativeModules: Object.keys(createRequire(import.meta.url).cache).filter((file) => file.endsWith('.node')),
  }),
);
process.exit(0);
