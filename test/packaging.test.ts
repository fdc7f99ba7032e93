/**
 * electron-builder.yml, as far as it can be checked without the downloads packaging needs
 * (Electron's zip and headers, NSIS, fpm, appimagetool): electron-builder's own schema, the
 * files the configuration names, and the offline dry run of `npm run package:check`, whose
 * app.asar is then run against the stand-in Electron.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import asar from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { Data } from 'resedit';
import type { Configuration, FileSet, LinuxConfiguration, WindowsConfiguration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMain } from '../scripts/build-main';
import { ICO_SIZES, LINUX_ICON_SIZES, iconFiles } from '../scripts/generate-icons';
import { PACKED_SQLITE_MODULE } from '../scripts/native-module';
import { type DryRun, type PackedLayout, packageDryRun } from '../scripts/package-check';
import { ensureRendererBuilt } from './e2e/support/renderer-build';
import { disclosure } from './support/in-process-cli';
import { testSession } from './support/app-session';
import { fixturePath } from './support/fixtures';
import { embeddedFonts } from './support/pdf';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ASSETS = path.join(ROOT, 'assets');
const FAKE_ELECTRON = fileURLToPath(new URL('./support/fake-electron/', import.meta.url));

/** electron-builder.yml as electron-builder reads it (with package.json's "build", if any). */
function builderConfig(): Promise<Configuration> {
  return getConfig(ROOT, null, null);
}

/** The Electron in node_modules, whose zip a real build downloads; its NODE_MODULE_VERSION. */
const ELECTRON_VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const ELECTRON_ABI = fs.readFileSync(path.join(ROOT, 'node_modules/electron/abi_version'), 'utf8').trim();

/**
 * Runs scripts/after-pack.mjs, electron-builder's afterPack hook, on a packed layout in a child
 * process (the hook registers tsx, which a test worker must not): its output, or its error.
 */
function afterPack(layout: PackedLayout): string {
  const script = `
    import electronBuilder from 'electron-builder';
    import afterPack from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts/after-pack.mjs')).href)};
    const [platform, arch, resourcesDir, electronVersion] = process.argv.slice(1);
    await afterPack({
      electronPlatformName: platform,
      arch: electronBuilder.Arch[arch],
      packager: { getResourcesDir: () => resourcesDir, config: { electronVersion } },
    });`;
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      script,
      layout.platform,
      layout.arch,
      layout.resourcesDir,
      ELECTRON_VERSION,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return result.status === 0 ? result.stdout : result.stderr;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.toString('latin1', 1, 4)).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The sizes of an ICO file as resedit reads it, the library electron-builder writes the icon into
 * the Windows executable with (0 in the one-byte width stands for 256).
 */
function icoSizes(file: string): number[] {
  return Data.IconFile.from(fs.readFileSync(file)).icons.map(({ width = Number.NaN, height }) => {
    expect(height).toBe(width);
    return width === 0 ? 256 : width;
  });
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, which refuses a misspelt option', async () => {
    const config = await builderConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, nsis: { ...config.nsis, oneClik: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /does not match the API schema[\s\S]*configuration\.nsis/,
    );
  });

  it('targets Windows NSIS x64 and Linux AppImage and deb for x64 and arm64', async () => {
    const config = await builderConfig();
    expect((config.win as WindowsConfiguration).target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect((config.linux as LinuxConfiguration).target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'ysgk', mimeType: 'application/x-ysgk', icon: 'ysgk.ico' }),
    ]);
  });

  it('names icons that exist at the sizes each target takes, and that the generator still draws', async () => {
    const config = await builderConfig();
    expect(config.directories?.buildResources).toBe('assets');
    // Windows: the app's and the installer's icon, and the .ysgk document icon; 256 px is the
    // largest Explorer shows and the smallest electron-builder accepts for the app.
    expect((config.win as WindowsConfiguration).icon).toBe('icon.ico');
    expect(icoSizes(path.join(ASSETS, 'icon.ico'))).toEqual([...ICO_SIZES]);
    expect(icoSizes(path.join(ASSETS, 'ysgk.ico'))).toEqual([...ICO_SIZES]);
    // Linux: a folder of NxN.png, installed as the hicolor theme's sizes.
    expect((config.linux as LinuxConfiguration).icon).toBe('icons');
    const linuxIcons = fs.readdirSync(path.join(ASSETS, 'icons')).sort((a, b) => parseInt(a) - parseInt(b));
    expect(linuxIcons).toEqual(LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`));
    for (const size of LINUX_ICON_SIZES) {
      expect(pngSize(path.join(ASSETS, 'icons', `${size}x${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(pngSize(path.join(ASSETS, 'icon.png'))).toEqual({ width: 1024, height: 1024 });
    // The committed files are what `npm run icons` writes: nobody changed the marks and forgot.
    for (const [file, bytes] of iconFiles()) {
      expect(fs.readFileSync(path.join(ASSETS, file)).equals(bytes), `assets/${file}`).toBe(true);
    }
  });

  it('copies the PDF fonts from files that exist, with their licence', async () => {
    const extraResources = (await builderConfig()).extraResources as FileSet[];
    for (const { from } of extraResources)
      expect(fs.existsSync(path.join(ROOT, from as string)), from).toBe(true);
    expect(extraResources.map(({ to }) => to)).toEqual([
      'fonts/NotoSerifSC_400Regular.ttf',
      'fonts/NotoSerifSC_700Bold.ttf',
      'fonts/NotoSansSC_400Regular.ttf',
      'fonts/NotoSansSC_700Bold.ttf',
      'fonts/OFL.txt',
    ]);
    expect(fs.readFileSync(path.join(ASSETS, 'fonts/OFL.txt'), 'utf8')).toContain(
      'SIL OPEN FONT LICENSE Version 1.1',
    );
  });
});

describe('the offline dry run (npm run package:check)', () => {
  let run: DryRun;
  let outputDir: string;
  let linuxX64: PackedLayout;

  beforeAll(async () => {
    // What package:check's npm script builds first: the dry run packs dist/ as it is.
    await buildMain(path.join(ROOT, 'dist/main'));
    await ensureRendererBuilt();
    outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packaging-test-'));
    run = await packageDryRun(outputDir);
    linuxX64 = run.packed.find(
      (layout) => layout.platform === 'linux' && layout.arch === 'x64',
    ) as PackedLayout;
    return () => fs.rmSync(outputDir, { recursive: true, force: true });
    // Three packs of ≈ 95 MB each on two shared cores.
  }, 300_000);

  it('packs Linux x64 and arm64 and Windows x64, each with the same app', () => {
    expect(run.packed.map(({ platform, arch }) => `${platform}-${arch}`).sort()).toEqual([
      'linux-arm64',
      'linux-x64',
      'win32-x64',
    ]);
    const [first, ...others] = run.packed.map((layout) =>
      asar.listPackage(path.join(layout.resourcesDir, 'app.asar'), { isPack: false }),
    );
    for (const listing of others) expect(listing).toEqual(first);
    expect(fs.existsSync(path.join(outputDir, 'win-unpacked', 'budget-disclosure-workbench.exe'))).toBe(true);
    expect(fs.existsSync(path.join(outputDir, 'linux-unpacked', 'budget-disclosure-workbench'))).toBe(true);
  });

  it('app.asar holds the built app and the run-time dependencies, nothing from development', () => {
    const archive = path.join(linuxX64.resourcesDir, 'app.asar');
    const files = asar
      .listPackage(archive, { isPack: false })
      .map((entry) => entry.slice(1))
      .filter((entry) => 'size' in asar.statFile(archive, entry, false));
    const app = files.filter((file) => !file.startsWith('node_modules/'));
    expect(app.filter((file) => !file.startsWith('dist/renderer/assets/')).sort()).toEqual([
      'dist/main/electron/main.js',
      'dist/main/electron/preload.cjs',
      'dist/main/electron/render-worker.js',
      'dist/renderer/index.html',
      'package.json',
    ]);
    expect(app.some((file) => /^dist\/renderer\/assets\/index-.*\.js$/.test(file))).toBe(true);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /^(src-|test\/|bench\/|scripts\/|shared\/)/.test(file))).toEqual([]);
    for (const bundle of ['main.js', 'render-worker.js']) {
      const code = asar.extractFile(archive, `dist/main/electron/${bundle}`).toString('utf8');
      for (const bridgeOnly of ['startBridge', 'DialogQueue', '/api/test/dialog']) {
        expect(code).not.toContain(bridgeOnly);
      }
    }
    const packages = new Set(files.map((file) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]));
    for (const needed of ['better-sqlite3', 'exceljs', 'pdfmake', 'zod']) expect(packages).toContain(needed);
    for (const devOnly of [
      'tsx',
      'esbuild',
      'react',
      'react-dom',
      'ag-grid-community',
      'echarts',
      'vite',
      'electron',
    ]) {
      expect(packages, devOnly).not.toContain(devOnly);
    }
    // better-sqlite3's SQLite and C++ sources and its build's object files stay behind.
    expect(
      files.filter((file) => /^node_modules\/better-sqlite3\/(deps|src|build\/Release\/obj)/.test(file)),
    ).toEqual([]);
  });

  it('puts the fonts and their licence in resources/fonts, as in node_modules', async () => {
    for (const { from, to } of (await builderConfig()).extraResources as FileSet[]) {
      const shipped = fs.readFileSync(path.join(linuxX64.resourcesDir, to as string));
      expect(shipped.equals(fs.readFileSync(path.join(ROOT, from as string))), to).toBe(true);
    }
  });

  it('registers .ysgk as application/x-ysgk in each deb and AppImage .desktop file', () => {
    expect(run.debs.map((deb) => deb.fpmArgs[deb.fpmArgs.indexOf('--architecture') + 1]).sort()).toEqual([
      'amd64',
      'arm64',
    ]);
    for (const deb of run.debs) {
      expect(deb.desktopFile).toContain('MimeType=application/x-ysgk;');
      expect(deb.desktopFile).toMatch(/^Exec=.*budget-disclosure-workbench" %U$/m);
      expect(deb.mimeInfo).toMatch(
        /<mime-type type="application\/x-ysgk">[\s\S]*<glob pattern="\*\.ysgk"\/>/,
      );
    }
    expect(run.appImageDesktopFiles).toHaveLength(2);
    for (const desktop of run.appImageDesktopFiles) expect(desktop).toContain('MimeType=application/x-ysgk;');
  });

  it('leaves better-sqlite3’s module unpacked, and afterPack refuses it unless built for the target and Electron', () => {
    const archive = path.join(linuxX64.resourcesDir, 'app.asar');
    const inArchive = path.relative('app.asar.unpacked', PACKED_SQLITE_MODULE);
    expect(asar.statFile(archive, inArchive, false)).toMatchObject({ unpacked: true });
    // Here npmRebuild is off, so the module is this Node's build (tech-notes §2.2): the real
    // hook stops the build, naming why.
    expect(afterPack(linuxX64)).toMatch(
      new RegExp(
        `NODE_MODULE_VERSION is ${process.versions.modules}, this Node's.*Electron ${ELECTRON_VERSION} loads ${ELECTRON_ABI}`,
      ),
    );
    const arm64 = run.packed.find((layout) => layout.arch === 'arm64') as PackedLayout;
    expect(afterPack(arm64)).toContain('it is built for linux-x64, the package is linux-arm64');
    // What a rebuild for Electron leaves: an x64 ELF module registering Electron's ABI.
    const rebuilt = fs.mkdtempSync(path.join(outputDir, 'rebuilt-'));
    const elf = Buffer.alloc(64);
    elf.writeUInt32BE(0x7f454c46, 0);
    elf[5] = 1;
    elf.writeUInt16LE(0x3e, 18);
    const module = path.join(rebuilt, PACKED_SQLITE_MODULE);
    fs.mkdirSync(path.dirname(module), { recursive: true });
    fs.writeFileSync(module, Buffer.concat([elf, Buffer.from(`node_register_module_v${ELECTRON_ABI}\0`)]));
    expect(afterPack({ ...linuxX64, resourcesDir: rebuilt })).toContain(
      `better-sqlite3 fits linux-x64 (NODE_MODULE_VERSION ${ELECTRON_ABI})`,
    );
  });

  it(
    'the packed main process, launched on a .ysgk, opens it with the unpacked module and exports its PDF',
    { timeout: 240_000 },
    async () => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'packaging-run-'));
      try {
        const workbook = path.join(work, '002.ysgk');
        expect((await disclosure('import', fixturePath('002'), '-o', workbook)).code).toBe(0);
        // Electron reads app.asar itself and loads an unpacked file from app.asar.unpacked; Node
        // cannot, so the app is extracted, and its better_sqlite3.node replaced by a link to the
        // unpacked one: Node loads a native module from its real path, which the child reports.
        const app = path.join(work, 'app');
        asar.extractAll(path.join(linuxX64.resourcesDir, 'app.asar'), app);
        const unpackedModule = path.join(linuxX64.resourcesDir, PACKED_SQLITE_MODULE);
        const extractedModule = path.join(app, path.relative('app.asar.unpacked', PACKED_SQLITE_MODULE));
        fs.rmSync(extractedModule);
        fs.symlinkSync(unpackedModule, extractedModule);

        // The module is this Node's build (npmRebuild is off here, no Electron headers); on a real
        // build electron-builder rebuilds it for Electron's ABI and the target's arch first.
        const output = execFileSync(
          process.execPath,
          [
            '--import',
            path.join(FAKE_ELECTRON, 'register.mjs'),
            path.join(FAKE_ELECTRON, 'run-packed.mjs'),
            path.join(app, 'dist/main/electron/main.js'),
            workbook,
            path.join(work, '002.pdf'),
          ],
          {
            encoding: 'utf8',
            // The extracted app under the temporary folder finds only its own node_modules.
            cwd: work,
            env: {
              ...process.env,
              FAKE_ELECTRON_USER_DATA: path.join(work, 'user-data'),
              FAKE_ELECTRON_RESOURCES: linuxX64.resourcesDir,
            },
          },
        );
        const packed = JSON.parse(output) as {
          opened: { ok: boolean; value: { path: string; profile: { name: string; year: number } } };
          errorBoxes: unknown[];
          table1: { ok: boolean; value: unknown };
          pdf: { ok: boolean; value: { pageCount: number; file: string } };
          nativeModules: string[];
        };
        expect(packed.nativeModules).toEqual([fs.realpathSync(unpackedModule)]);
        expect(packed.errorBoxes).toEqual([]);
        expect(packed.opened).toMatchObject({
          ok: true,
          value: { path: workbook, profile: { name: '阳城县医疗保障局', year: 2025 } },
        });

        // The same 表一 as the services in this repository compute from the same file.
        const session = testSession();
        await session.invoke('workbook/open', { path: workbook });
        expect(packed.table1).toEqual({
          ok: true,
          value: await session.invoke('tables/get', { table: 't1' }),
        });
        await session.invoke('workbook/close', {});

        // The PDF worker ran from the archive, with the fonts from resources/fonts.
        expect(packed.pdf.ok).toBe(true);
        expect(packed.pdf.value.pageCount).toBeGreaterThan(10);
        const fonts = embeddedFonts(packed.pdf.value.file).map((font) =>
          font.name.replace(/^[A-Z]{6}\+/, ''),
        );
        expect(new Set(fonts)).toEqual(
          new Set(['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSansSC-Regular', 'NotoSansSC-Bold']),
        );
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    },
  );
});
