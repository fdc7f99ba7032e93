/**
 * `npm run build:main`: the Electron main process into dist/main with esbuild (tsx's own
 * dependency). Three bundles, dependencies left to node_modules:
 *   electron/main.js           ESM, package.json "main";
 *   electron/render-worker.js  ESM, the PDF worker, beside main.js where render-in-worker.ts
 *                              looks for it (relative to the bundle's import.meta.url);
 *   electron/preload.cjs       one CommonJS file, as a sandboxed preload must be.
 * The dev/test bridge is not an entry point: it never reaches dist/main.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Builds into `outdir` (emptied first) and returns the files written, relative to it. */
export async function buildMain(outdir: string): Promise<string[]> {
  fs.rmSync(outdir, { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node22',
    outdir,
    logLevel: 'warning',
  } as const;
  await build({
    ...common,
    entryPoints: {
      'electron/main': 'src-main/electron/main.ts',
      'electron/render-worker': 'src-main/services/export-pdf/render-worker.ts',
    },
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
  });
  await build({
    ...common,
    entryPoints: { 'electron/preload': 'src-main/electron/preload.ts' },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  });
  return fs.readdirSync(outdir, { recursive: true, encoding: 'utf8' }).filter((file) => file.includes('.'));
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = path.join(root, 'dist/main');
  for (const file of await buildMain(outdir)) {
    const kilobytes = fs.statSync(path.join(outdir, file)).size / 1024;
    console.log(`dist/main/${file}  ${kilobytes.toFixed(0)} KB`);
  }
}
