/**
 * `npm run bridge`: the app in a plain browser, for development. Serves the built renderer
 * (`npm run build:renderer` first) against the real services; prints the URL to open.
 *   npm run bridge -- [--data <folder>]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Session } from '../app/session';
import { DialogQueue } from './dialog-queue';
import { startBridge } from './server';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { data: { type: 'string' } } });
const dataFolder = values.data ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-bridge-'));
const rendererFolder = path.join(root, 'dist/renderer');
if (!fs.existsSync(path.join(rendererFolder, 'index.html'))) {
  console.error('找不到 dist/renderer/index.html：请先运行 npm run build:renderer');
  process.exit(2);
}
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
};
const dialogs = new DialogQueue();
const session = new Session({ mode: 'bridge', version, dataFolder, dialogs });
const bridge = await startBridge({ session, dialogs, rendererFolder });
console.log(`预算公开工作台（浏览器模式）：${bridge.url}`);
console.log(`数据文件夹：${dataFolder}`);
console.log(
  `文件对话框由队列应答：POST ${bridge.origin}/api/test/dialog {"answers": ["/路径/文件"]}（带 Bearer 令牌）`,
);

const stop = () => {
  session.dispose();
  void bridge.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
