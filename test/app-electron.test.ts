import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src-main/app/content-security-policy';
import { REQUEST_NAMES } from '../shared/contract/names';
import { workbookInArguments } from '../src-main/app/launch-file';
import { buildMain } from '../scripts/build-main';
import { tempDir } from './support/temp-dir';
import { newWorkbook } from './support/workbooks';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FAKE_ELECTRON = fileURLToPath(new URL('./support/fake-electron/', import.meta.url));
const IMPORTS_ELECTRON = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]electron['"]/;

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mjs|cjs|js)$/.test(file))
    .map((file) => path.join(folder, file));
}

describe('Electron stays in src-main/electron', () => {
  it('no other source file imports electron', () => {
    const importing = ['shared', 'src-main', 'src-renderer', 'scripts', 'bench', 'bin']
      .flatMap(sourceFiles)
      .filter((file) => IMPORTS_ELECTRON.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(importing.length).toBeGreaterThan(3);
    expect(importing.filter((file) => !file.startsWith(`src-main${path.sep}electron${path.sep}`))).toEqual(
      [],
    );
  });
});

describe('the compiled main process (build:main), run against a stand-in for Electron', () => {
  // Inside the repository, so the bundles find node_modules as they do in dist/main.
  const outdir = path.join(ROOT, 'test-artifacts', `build-main-${process.pid}`);
  let files: string[] = [];

  beforeAll(async () => {
    files = await buildMain(outdir);
    return () => fs.rmSync(outdir, { recursive: true, force: true });
  });

  it('writes main.js, the PDF worker beside it and a one-file preload, and no bridge', () => {
    expect(files.filter((file) => !file.endsWith('.map')).sort()).toEqual([
      path.join('electron', 'main.js'),
      path.join('electron', 'preload.cjs'),
      path.join('electron', 'render-worker.js'),
    ]);
    const packageMain = (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string }
    ).main;
    expect(packageMain).toBe('dist/main/electron/main.js');
    for (const file of files.filter((name) => !name.endsWith('.map'))) {
      const code = fs.readFileSync(path.join(outdir, file), 'utf8');
      for (const bridgeOnly of ['startBridge', 'DialogQueue', '/api/test/dialog']) {
        expect(code).not.toContain(bridgeOnly);
      }
    }
  });

  it('opens one locked-down window, serves the contract only to its own page, denies the rest', () => {
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        path.join(FAKE_ELECTRON, 'register.mjs'),
        path.join(FAKE_ELECTRON, 'run-main.mjs'),
        path.join(outdir, 'electron', 'main.js'),
      ],
      { encoding: 'utf8', env: { ...process.env, FAKE_ELECTRON_USER_DATA: tempDir() } },
    );
    const setUp = JSON.parse(output) as Record<string, unknown>;
    // dist/main/electron/main.js loads dist/renderer/index.html.
    expect(setUp['loaded']).toBe(path.join(outdir, '..', 'renderer', 'index.html'));
    expect(setUp['webPreferences']).toMatchObject({
      preload: path.join(outdir, 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
    expect(setUp['channels']).toEqual([...REQUEST_NAMES]);
    expect(setUp).toMatchObject({
      navigationPrevented: true,
      redirectPrevented: true,
      webviewPrevented: true,
      windowOpen: { action: 'deny' },
      permissionGranted: false,
      permissionCheck: false,
      csp: [CONTENT_SECURITY_POLICY],
      fromPage: { ok: true, value: { version: '9.9.9', mode: 'electron' } },
      menu: ['文件', '编辑', '视图', '帮助'],
    });
    // The page prevents its unload only with unsaved drafts; the window then asks, over itself.
    const question = {
      isOverWindow: true,
      message: '有未保存的修改，离开将丢失这些修改。',
      buttons: ['离开', '留下'],
      cancelId: 1,
      defaultId: 1,
    };
    expect(setUp['unloadListeners']).toBe(1);
    // preventDefault on 'will-prevent-unload' ignores the page's beforeunload: the window goes.
    expect(setUp['unloadOnLeave']).toMatchObject({ unloads: true, asked: question });
    expect(setUp['unloadOnStay']).toMatchObject({ unloads: false, asked: question });
    for (const refused of ['fromFrame', 'fromOtherContents', 'afterNavigation']) {
      expect(setUp[refused]).toBe('拒绝了来自其他页面的请求“app/info”');
    }
  });

  describe('opening the .ysgk file a launch names (the file association)', () => {
    interface Launch {
      readonly opened: string | null;
      readonly errorBoxes: readonly { title: string; content: string }[];
      readonly sent: readonly [string, unknown][];
    }
    const launch = (first: string, second: string) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [
            '--import',
            path.join(FAKE_ELECTRON, 'register.mjs'),
            path.join(FAKE_ELECTRON, 'run-launch.mjs'),
            path.join(outdir, 'electron', 'main.js'),
            first,
            second,
          ],
          { encoding: 'utf8', env: { ...process.env, FAKE_ELECTRON_USER_DATA: tempDir() } },
        ),
      ) as { atStart: Launch; afterSecond: Launch };
    const workbookFile = (name: string) => {
      const folder = path.join(tempDir(), '预算 公开');
      fs.mkdirSync(folder);
      const workbook = newWorkbook();
      const file = path.join(folder, name);
      fs.copyFileSync(workbook.path, file);
      workbook.close();
      return file;
    };

    it('starts on the file of a file:// URL, and a second launch asks the page to open its file', () => {
      const first = workbookFile('医保局 2025.ysgk');
      const second = workbookFile('第二个.YSGK');
      const { atStart, afterSecond } = launch(pathToFileURL(first).href, second);
      expect(atStart).toEqual({
        opened: first,
        errorBoxes: [],
        sent: [['workbook/changed', { label: '打开 医保局 2025.ysgk' }]],
      });
      // The page opens it after settling its unsaved drafts (test/e2e/unsaved.e2e.test.ts).
      expect(afterSecond).toEqual({
        opened: first,
        errorBoxes: [],
        sent: [['workbook/openRequested', { path: second }]],
      });
    });

    it('reads a relative path against the launch’s folder and skips a file:// URL of another host', () => {
      const args = ['/opt/app/budget-disclosure-workbench', '--no-sandbox', 'file://host/x.ysgk'];
      expect(workbookInArguments(args, '/home/张三')).toBeNull();
      expect(workbookInArguments([...args, '预算/2025.ysgk'], '/home/张三')).toBe(
        '/home/张三/预算/2025.ysgk',
      );
    });

    it('names a file it cannot open in an error box and stays on the start page', () => {
      const missing = path.join(tempDir(), '不存在.ysgk');
      const notAWorkbook = path.join(tempDir(), '假的.ysgk');
      fs.writeFileSync(notAWorkbook, 'not sqlite');
      const { atStart, afterSecond } = launch(missing, notAWorkbook);
      expect(atStart).toEqual({
        opened: null,
        errorBoxes: [{ title: '无法打开工作簿', content: expect.stringContaining('不存在.ysgk') }],
        sent: [],
      });
      expect(afterSecond).toEqual({
        opened: null,
        errorBoxes: [{ title: '无法打开工作簿', content: '文件“假的.ysgk”不是预算公开工作簿。' }],
        sent: [],
      });
    });
  });

  it('the preload runs with only electron to require and exposes invoke/on for the contract’s names', async () => {
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const listening: string[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: null });
        },
        on: (channel: string) => listening.push(channel),
        removeListener: (channel: string) => listening.splice(listening.indexOf(channel), 1),
      },
    };
    // A sandboxed preload's require knows a few modules only; this one knows electron alone.
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`the sandbox has no module ${name}`);
      return fakeElectron;
    };
    const module = { exports: {} };
    const source = fs.readFileSync(path.join(outdir, 'electron', 'preload.cjs'), 'utf8');
    vm.runInNewContext(source, { require: sandboxRequire, module, exports: module.exports });

    expect([...exposed.keys()]).toEqual(['transport']);
    const transport = exposed.get('transport') as {
      invoke(name: string, input: unknown): Promise<unknown>;
      on(event: string, listener: () => void): () => void;
    };
    expect(await transport.invoke('tables/get', { table: 't1' })).toEqual({ ok: true, value: null });
    expect(await transport.invoke('shell/openExternal', {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(invoked).toEqual([['tables/get', { table: 't1' }]]);
    const stop = transport.on('export/progress', () => {});
    expect(listening).toEqual(['export/progress']);
    stop();
    expect(listening).toEqual([]);
    expect(() => transport.on('ipc-internal', () => {})).toThrow('没有名为“ipc-internal”的事件');
  });
});
