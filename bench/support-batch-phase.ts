/**
 * One measurement of bench/batch.ts, in a process of its own so that its peak RSS is its own:
 * `node --import tsx bench/support-batch-phase.ts <phase> <folder> [<output folder>]`, where
 * phase is pool-check, sequential-check, pool-export, sequential-export or render-worker-export.
 * Prints one line of JSON: wall time, the units' own times, pool threads and peak RSS.
 */
import os from 'node:os';
import path from 'node:path';
import { exportDisclosurePdf } from '../src-main/services/export-pdf/export-disclosure-pdf';
import { type BatchTask, processUnit } from '../src-main/services/batch/process-unit';
import { runBatch } from '../src-main/services/batch/run-batch';
import { unitsInFolder } from '../src-main/services/batch/units';
import { Workbook } from '../src-main/services/workbook/workbook';

export interface PhaseFigures {
  readonly units: number;
  readonly ms: number;
  /** Σ of the time each unit took in its thread. */
  readonly unitMs: number;
  readonly threads: number;
  readonly failed: number;
  /** CPU time of the process, all its threads: what the units cost whatever the machine's load. */
  readonly cpuMs: number;
  readonly maxRssBytes: number;
  /** The machine's 1-minute load average at the end: above the core count, threads wait for a core. */
  readonly load: number;
}

const [phase, folder = '', outputFolder = ''] = process.argv.slice(2);
const { units } = unitsInFolder(folder);
const task: BatchTask = phase?.endsWith('export')
  ? { kind: 'export', outputFolder, pdfKind: 'draft', figures: 'asEntered', replaceWorkbooks: true }
  : { kind: 'check' };
const start = performance.now();
let results: { ms: number; status: string }[] = [];
let threads = 1;
switch (phase) {
  case 'pool-check':
  case 'pool-export': {
    const run = await runBatch(units, task);
    results = [...run.results];
    threads = run.threads;
    break;
  }
  case 'sequential-check':
  case 'sequential-export':
    for (const unit of units) results.push(await processUnit(unit, task));
    break;
  case 'render-worker-export':
    // What `disclosure export-pdf` does for each workbook: a fresh render worker per export.
    for (const unit of units) {
      if (unit.source.kind !== 'workbook') throw new Error(`${unit.fileLabel}: not a workbook`);
      const unitStart = performance.now();
      const workbook = Workbook.open(unit.source.file);
      try {
        await exportDisclosurePdf(workbook, {
          outputFile: path.join(outputFolder, `${unit.name}.pdf`),
          kind: 'draft',
          figures: 'asEntered',
        });
      } finally {
        workbook.close();
      }
      results.push({ ms: performance.now() - unitStart, status: '通过' });
    }
    break;
  default:
    throw new Error(`unknown phase ${phase}`);
}
const figures: PhaseFigures = {
  units: units.length,
  ms: performance.now() - start,
  unitMs: results.reduce((sum, result) => sum + result.ms, 0),
  threads,
  failed: results.filter((result) => result.status.endsWith('失败')).length,
  cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  load: os.loadavg()[0] ?? Number.NaN,
};
console.log(JSON.stringify(figures));
