import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The worker entry `name` beside the module at `moduleUrl`: `.ts` in a source checkout, `.js` once compiled. */
export function workerEntryBeside(moduleUrl: string, name: string): URL {
  return new URL(`./${name}${path.extname(fileURLToPath(moduleUrl))}`, moduleUrl);
}

/** Starts a worker thread on `entry`, which may be TypeScript in a source checkout. */
export function startWorker(entry: URL, workerData?: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  // A source checkout (CLI, tests, benchmarks) runs TypeScript through tsx, whose loader a
  // worker thread does not inherit on Node 20: the worker registers it before importing its entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap =
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); ` +
    `return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
