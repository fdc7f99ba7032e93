/**
 * `disclosure batch` over 100 generated units: check over 100 workbooks and over 100 tables
 * templates, and the draft PDFs of some units, each in the worker pool and one unit after
 * another in one thread; total and per-unit time, the pool's speed-up and peak RSS. Every
 * measurement runs in a fresh process (support-batch-phase.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tablesToReferenceJson } from '../shared/tables/reference-json';
import type { WorkbookContent } from '../shared/workbook/content';
import { evaluateWorkbook } from '../shared/workbook/evaluate';
import { exportTablesXlsx } from '../src-main/services/spreadsheets/tables-export';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import type { PhaseFigures } from './support-batch-phase';
import { generateDepartment } from './support-generate';

const UNITS = 100;
const EXPORTED_UNITS = 12;
const PHASE = fileURLToPath(new URL('./support-batch-phase.ts', import.meta.url));

/** A county's mix: 部门 of 1 to 6 units with 10 to 69 projects, each under its own name. */
function generatedUnit(index: number): WorkbookContent {
  const content = generateDepartment(1 + (index % 6), 10 + ((index * 7) % 60));
  return { ...content, profile: { ...content.profile, name: `合成测试部门${index + 1}` } };
}

async function writeUnits(
  folder: string,
): Promise<{ workbooks: string; templates: string; exported: string }> {
  const workbooks = path.join(folder, 'workbooks');
  const templates = path.join(folder, 'templates');
  const exported = path.join(folder, 'some-workbooks');
  for (const dir of [workbooks, templates, exported]) fs.mkdirSync(dir);
  for (let index = 0; index < UNITS; index++) {
    const content = generatedUnit(index);
    const name = `unit-${String(index + 1).padStart(3, '0')}`;
    const json = path.join(folder, `${name}.json`);
    fs.writeFileSync(json, JSON.stringify(tablesToReferenceJson(content, evaluateWorkbook(content))));
    importReferenceJson(json, path.join(workbooks, `${name}.ysgk`)).close();
    if (index < EXPORTED_UNITS)
      fs.copyFileSync(path.join(workbooks, `${name}.ysgk`), path.join(exported, `${name}.ysgk`));
    fs.writeFileSync(
      path.join(templates, `${name}-tables.xlsx`),
      await exportTablesXlsx(content, evaluateWorkbook(content)),
    );
  }
  return { workbooks, templates, exported };
}

function measure(phase: string, folder: string, outputFolder = ''): PhaseFigures {
  const ran = spawnSync(process.execPath, ['--import', 'tsx', PHASE, phase, folder, outputFolder], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (ran.status !== 0) throw new Error(`${phase} failed: ${ran.stderr}`);
  const figures = JSON.parse(ran.stdout.trim().split('\n').at(-1) ?? '') as PhaseFigures;
  if (figures.failed > 0) throw new Error(`${phase}: ${figures.failed} units failed`);
  return figures;
}

function line(label: string, figures: PhaseFigures): string {
  return (
    `  ${label.padEnd(44)} ${(figures.ms / 1000).toFixed(1).padStart(6)} s total` +
    `  ${(figures.ms / figures.units).toFixed(0).padStart(5)} ms/unit` +
    `  (${(figures.unitMs / figures.units).toFixed(0).padStart(5)} ms in its thread)` +
    `  CPU ${(figures.cpuMs / 1000).toFixed(1).padStart(6)} s` +
    `  peak RSS ${(figures.maxRssBytes / 2 ** 20).toFixed(0).padStart(4)} MB` +
    `  load ${figures.load.toFixed(1)}`
  );
}

/**
 * On a shared machine the wall-clock ratio says more about the neighbours than about the
 * pool (Linux shares the cores between sessions, not threads), so the CPU time is given too:
 * with every thread on a core of its own the pool could at most gain this much.
 */
function idleCoreBound(inPool: PhaseFigures, oneByOne: PhaseFigures): string {
  const bound = oneByOne.cpuMs / (inPool.cpuMs / inPool.threads);
  return `CPU ${(inPool.cpuMs / 1000).toFixed(1)} s in the pool against ${(oneByOne.cpuMs / 1000).toFixed(1)} s, so at most ${bound.toFixed(2)}× on ${inPool.threads} idle cores`;
}

function compare(
  what: string,
  folder: string,
  pool: string,
  sequential: string,
  outputFolder?: () => string,
) {
  const inPool = measure(pool, folder, outputFolder?.());
  const oneByOne = measure(sequential, folder, outputFolder?.());
  console.log(`${what} (${inPool.units} units)`);
  console.log(line(`pool of ${inPool.threads} worker threads`, inPool));
  console.log(line('one after another in one thread', oneByOne));
  console.log(
    `  speed-up of the pool: ${(oneByOne.ms / inPool.ms).toFixed(2)}× measured; ${idleCoreBound(inPool, oneByOne)}`,
  );
  return { inPool, oneByOne };
}

export async function run(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-bench-batch-'));
  try {
    console.log(`machine: ${os.availableParallelism()} cores available to Node`);
    const start = performance.now();
    const { workbooks, templates, exported } = await writeUnits(folder);
    console.log(
      `generated ${UNITS} units (workbooks and tables templates) in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    compare('batch check over workbooks', workbooks, 'pool-check', 'sequential-check');
    compare('batch check over tables templates', templates, 'pool-check', 'sequential-check');
    const output = () => fs.mkdtempSync(path.join(folder, 'pdf-'));
    const { inPool } = compare(
      'batch export of draft PDFs',
      exported,
      'pool-export',
      'sequential-export',
      output,
    );
    const renderWorkers = measure('render-worker-export', exported, output());
    console.log(line('one after another, a render worker per export', renderWorkers));
    console.log(`  speed-up of the pool over that: ${(renderWorkers.ms / inPool.ms).toFixed(2)}×`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
