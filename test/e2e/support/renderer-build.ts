import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_FOLDER = path.join(ROOT, 'dist/renderer');
const INDEX_HTML = path.join(RENDERER_FOLDER, 'index.html');
/** What the renderer bundle is made from. */
const SOURCES = ['src-renderer', 'shared', 'vite.config.ts', 'package.json'];
/** Held while one test process builds; others wait for it. */
const LOCK = path.join(ROOT, 'dist/.renderer-build.lock');

function newestSourceTime(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of SOURCES) visit(path.join(ROOT, source));
  return newest;
}

function isStale(): boolean {
  return !fs.existsSync(INDEX_HTML) || fs.statSync(INDEX_HTML).mtimeMs < newestSourceTime();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the lock, or returns false while a live process holds it (a dead one's is taken over). */
function tryLock(): boolean {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  try {
    fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const holder = Number(fs.readFileSync(LOCK, 'utf8'));
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return false;
    fs.rmSync(LOCK, { force: true });
    return tryLock();
  }
}

/**
 * Builds beside dist/renderer and then swaps the folders, so that a page another test is
 * loading from the bridge never finds the folder half written.
 */
async function buildAndSwap(): Promise<void> {
  const next = `${RENDERER_FOLDER}.next`;
  const previous = `${RENDERER_FOLDER}.previous`;
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: next, emptyOutDir: true },
  });
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(RENDERER_FOLDER)) fs.renameSync(RENDERER_FOLDER, previous);
  fs.renameSync(next, RENDERER_FOLDER);
  fs.rmSync(previous, { recursive: true, force: true });
}

/**
 * Builds the renderer into dist/renderer with vite's JS API when it is missing or older than
 * its sources, so `npm test` on a fresh clone runs the e2e tests against the current code.
 * Test files run in parallel workers: one builds, the others wait for it.
 */
export async function ensureRendererBuilt(): Promise<void> {
  while (isStale()) {
    if (!tryLock()) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (isStale()) await buildAndSwap();
    } finally {
      fs.rmSync(LOCK, { force: true });
    }
  }
}
