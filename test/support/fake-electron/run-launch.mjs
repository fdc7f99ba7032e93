// Launches a compiled main.js against the stand-in Electron with the arguments a double-click on a
// .ysgk passes, then a second launch with other arguments, and prints what the page would see.
import { app } from './electron.mjs';
import { pathToFileURL } from 'node:url';

const [mainJs, firstArgument, secondArgument] = process.argv.slice(2);
process.argv = [process.argv[0], firstArgument];
await import(pathToFileURL(mainJs).href);
const recorded = globalThis.fakeElectron;
while (recorded.loaded === null) await new Promise((resolve) => setTimeout(resolve, 10));

const contents = recorded.windows[0].webContents;
const fromPage = { sender: contents, senderFrame: contents.mainFrame };
const openPath = async () =>
  (await recorded.ipcHandlers.get('workbook/summary')(fromPage, {})).value?.path ?? null;

const atStart = { opened: await openPath(), errorBoxes: [...recorded.errorBoxes], sent: [...contents.sent] };
app.emit('second-instance', {}, ['/opt/预算公开工作台/budget-disclosure-workbench', '--no-sandbox', secondArgument]);
const settled = () =>
  contents.sent.length > atStart.sent.length || recorded.errorBoxes.length > atStart.errorBoxes.length;
while (!settled()) {
  await new Promise((resolve) => setTimeout(resolve, 10));
}
const afterSecond = {
  opened: await openPath(),
  errorBoxes: recorded.errorBoxes.slice(atStart.errorBoxes.length),
  sent: contents.sent.slice(atStart.sent.length),
};
console.log(JSON.stringify({ atStart, afterSecond }));
process.exit(0);
