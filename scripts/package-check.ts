/**
 * `npm run package:check`: electron-builder.yml run offline, as far as it goes without the
 * downloads. electron-builder packs every platform and arch the file names (Windows x64, Linux
 * x64 and arm64) around an empty stand-in for the Electron binary, with the native rebuild
 * off, and computes the Linux installers' options (the deb's fpm arguments and .desktop file,
 * the AppImage's .desktop file) but stops before the tools that would make them.
 * What it yields is real: app.asar, app.asar.unpacked and resources/fonts as they ship.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';
import electronBuilder from 'electron-builder';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface PackedLayout {
  readonly platform: 'linux' | 'win32';
  readonly arch: string;
  readonly resourcesDir: string;
}

export interface DebOptions {
  /** fpm's arguments: --architecture amd64, --name …, and source=destination file mappings. */
  readonly fpmArgs: readonly string[];
  readonly desktopFile: string;
  /** What the deb installs in /usr/share/mime/packages (shared-mime-info XML), if anything. */
  readonly mimeInfo: string | null;
}

export interface DryRun {
  readonly packed: readonly PackedLayout[];
  readonly debs: readonly DebOptions[];
  readonly appImageDesktopFiles: readonly string[];
}

/** What electron-builder's effectiveOptionComputed hands over: deb, AppImage (app-builder-lib 26). */
type ComputedOptions =
  [fpmArgs: string[], desktopFilePath: string] | { desktop: string; desktopFileName: string };

function electronVersion(): string {
  const manifest = path.join(ROOT, 'node_modules', 'electron', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Runs electron-builder.yml offline into `outputDir` (created; the caller removes it). Needs
 * dist/main (npm run build:main) and dist/renderer (npm run build:renderer).
 */
export async function packageDryRun(outputDir: string): Promise<DryRun> {
  const placeholder = path.join(outputDir, 'electron-placeholder');
  fs.mkdirSync(placeholder, { recursive: true });
  // electron-builder copies this folder and renames its executable to executableName.
  for (const executable of ['electron', 'electron.exe'])
    fs.writeFileSync(path.join(placeholder, executable), '');

  const packed: PackedLayout[] = [];
  const debs: DebOptions[] = [];
  const appImageDesktopFiles: string[] = [];
  await electronBuilder.build({
    projectDir: ROOT,
    // Linux: the targets electron-builder.yml names. Windows: the packed app only, since even
    // the options of NSIS come after its 7-Zip archive of the app, and 7-Zip is a download.
    linux: [],
    win: ['dir'],
    publish: 'never',
    config: {
      electronDist: placeholder,
      electronVersion: electronVersion(),
      // No Electron headers here: better-sqlite3 stays this Node's build (tech-notes §2.2).
      npmRebuild: false,
      // The real hook refuses that build, rightly; here it only records where each app went.
      afterPack: (context) => {
        packed.push({
          platform: context.electronPlatformName as PackedLayout['platform'],
          arch: electronBuilder.Arch[context.arch],
          resourcesDir: context.packager.getResourcesDir(context.appOutDir),
        });
        return Promise.resolve();
      },
      directories: { output: outputDir },
      compression: 'store',
      // Writing into the stand-in electron.exe (icon, version, the asar's hash) needs a real one.
      win: { signAndEditExecutable: false },
      disableAsarIntegrity: true,
    },
    effectiveOptionComputed: (options: ComputedOptions) => {
      if (Array.isArray(options)) {
        // The files fpm would take are temporary: read them now.
        const [fpmArgs, desktopFilePath] = options;
        const mimeSource = fpmArgs.find((arg) => arg.includes('=/usr/share/mime/packages/'))?.split('=')[0];
        debs.push({
          fpmArgs,
          desktopFile: fs.readFileSync(desktopFilePath, 'utf8'),
          mimeInfo: mimeSource === undefined ? null : fs.readFileSync(mimeSource, 'utf8'),
        });
      } else appImageDesktopFiles.push(options.desktop);
      // true: stop here, before fpm or appimagetool would be downloaded.
      return Promise.resolve(true);
    },
  });
  return { packed, debs, appImageDesktopFiles };
}

export interface AsarFigures {
  readonly files: number;
  readonly unpackedFiles: number;
  readonly asarBytes: number;
  readonly unpackedBytes: number;
  readonly fontBytes: number;
}

function folderBytes(folder: string): number {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

export function asarFigures(resourcesDir: string): AsarFigures {
  const archive = path.join(resourcesDir, 'app.asar');
  const entries = asar.listPackage(archive, { isPack: false });
  const files = entries.filter((entry) => 'size' in asar.statFile(archive, entry.slice(1), false));
  const unpacked = path.join(resourcesDir, 'app.asar.unpacked');
  return {
    files: files.length,
    unpackedFiles: fs.existsSync(unpacked)
      ? fs.readdirSync(unpacked, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
          .length
      : 0,
    asarBytes: fs.statSync(archive).size,
    unpackedBytes: fs.existsSync(unpacked) ? folderBytes(unpacked) : 0,
    fontBytes: folderBytes(path.join(resourcesDir, 'fonts')),
  };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-check-'));
  const started = performance.now();
  const run = await packageDryRun(outputDir);
  console.log(`\nelectron-builder.yml, offline, in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
  for (const layout of run.packed) {
    const figures = asarFigures(layout.resourcesDir);
    console.log(
      `  ${layout.platform}-${layout.arch}: app.asar ${megabytes(figures.asarBytes)} (${figures.files} files),` +
        ` app.asar.unpacked ${megabytes(figures.unpackedBytes)} (${figures.unpackedFiles} files),` +
        ` fonts ${megabytes(figures.fontBytes)}`,
    );
  }
  for (const deb of run.debs) {
    const arch = deb.fpmArgs[deb.fpmArgs.indexOf('--architecture') + 1];
    console.log(
      `  deb ${arch}: fpm ${deb.fpmArgs.length} arguments; .desktop:\n${deb.desktopFile.replace(/^/gm, '      ')}`,
    );
  }
  console.log(`  AppImage: ${run.appImageDesktopFiles.length} .desktop files`);
  console.log(`  (left in ${outputDir})`);
}
