/**
 * `npm run bench`: runs every benchmark module in this folder (each exports `run()`), printing
 * figures and ratios. Targets live here, never in the tests.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const modules = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && name !== 'run.ts' && !name.startsWith('support'))
  .filter((name) => only === undefined || name.includes(only))
  .sort();
for (const name of modules) {
  const module = (await import(new URL(name, import.meta.url).href)) as { run?: () => Promise<void> | void };
  if (typeof module.run !== 'function') continue;
  console.log(`\n## ${name}`);
  await module.run();
}
