import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEEDS = ['002', '003', '004'] as const;
export type Seed = (typeof SEEDS)[number];

export function fixturePath(seed: Seed): string {
  return fileURLToPath(new URL(`../fixtures/seed-data/${seed}-tables.json`, import.meta.url));
}

export function readFixture(
  seed: Seed,
): Record<string, unknown> & { tables: Record<string, Record<string, unknown>> } {
  return JSON.parse(fs.readFileSync(fixturePath(seed), 'utf8'));
}

/** Parse bookkeeping of the reference files, which a workbook does not have (tables-spec.md §7). */
const TABLE_BOOKKEEPING = new Set(['lines', 'headerLines', 'columns', 'label', 'caption', 'structure']);
// labelAsPrinted: 003 表四 prints 二十三、灾害防治及应急救援支出 where the standard label says 应急管理 (§2.2).
const ROW_BOOKKEEPING = new Set(['line', 'indent', 'labelAsPrinted']);

function withoutRowBookkeeping(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRowBookkeeping);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !ROW_BOOKKEEPING.has(key))
      .map(([key, inner]) => [key, withoutRowBookkeeping(inner)]),
  );
}

/** A reference table without its bookkeeping: the table's own and its rows' line numbers. */
export function withoutBookkeeping(table: unknown): unknown {
  if (typeof table !== 'object' || table === null) return table;
  return withoutRowBookkeeping(
    Object.fromEntries(Object.entries(table).filter(([key]) => !TABLE_BOOKKEEPING.has(key))),
  );
}

/** Every leaf where two JSON values differ, as `path: expected → actual`. */
export function leafDifferences(expected: unknown, actual: unknown, path = ''): string[] {
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((key) =>
      leafDifferences(
        (expected as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key],
        path === '' ? key : `${path}.${key}`,
      ),
    );
  }
  return JSON.stringify(expected) === JSON.stringify(actual)
    ? []
    : [`${path}: ${JSON.stringify(expected)} → ${JSON.stringify(actual)}`];
}
