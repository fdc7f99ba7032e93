import fs from 'node:fs';
import type { Seed } from './fixtures';

/** The published 第三部分 of a seed, read into JSON (reference NARRATIVE-SCHEMA.md). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reference JSON, read field by field in tests
export function readNarrativeFixture(seed: Seed): any {
  return JSON.parse(
    fs.readFileSync(new URL(`../fixtures/seed-data/${seed}-narrative.json`, import.meta.url), 'utf8'),
  );
}
