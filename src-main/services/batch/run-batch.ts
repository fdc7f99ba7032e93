import os from 'node:os';
import { workerEntryBeside, startWorker } from '../worker-thread';
import type { BatchJob } from './batch-worker';
import { type BatchTask, type UnitResult, failedUnit } from './process-unit';
import type { BatchUnit } from './units';

const BATCH_WORKER = workerEntryBeside(import.meta.url, 'batch-worker');

export interface BatchControl {
  /** At most this many threads; never more than the machine's cores or the units. */
  readonly threads?: number;
  /** Each unit as it finishes, in the order they finish. */
  readonly onResult?: (result: UnitResult, finished: number) => void;
}

export interface BatchRun {
  /** In the order of the units given. */
  readonly results: readonly UnitResult[];
  readonly threads: number;
}

/**
 * One pool thread per core: the calling thread only hands out units and collects results,
 * and a pool thread renders a unit's PDF itself rather than in a render worker of its own,
 * so a batch keeps no more threads busy than there are cores.
 */
export function poolSize(units: number, requested?: number): number {
  return Math.max(1, Math.min(requested ?? Number.POSITIVE_INFINITY, os.availableParallelism(), units));
}

/**
 * Checks (or exports) every unit in a pool of worker threads. A unit whose thread dies is
 * reported as failed and a fresh thread takes the units left, so the batch always finishes.
 */
export function runBatch(
  units: readonly BatchUnit[],
  task: BatchTask,
  control: BatchControl = {},
): Promise<BatchRun> {
  const threads = poolSize(units.length, control.threads);
  const results: UnitResult[] = [];
  if (units.length === 0) return Promise.resolve({ results, threads: 0 });
  let nextUnit = 0;
  let finished = 0;
  let running = 0;
  return new Promise<BatchRun>((resolve) => {
    const record = (index: number, result: UnitResult) => {
      results[index] = result;
      finished++;
      control.onResult?.(result, finished);
    };
    const startThread = () => {
      const worker = startWorker(BATCH_WORKER);
      running++;
      let current: number | null = null;
      const handOut = () => {
        const unit = units[nextUnit];
        if (unit === undefined) {
          current = null;
          void worker.terminate();
          return;
        }
        current = nextUnit++;
        worker.postMessage({ unit, task } satisfies BatchJob);
      };
      worker.on('message', (result: UnitResult) => {
        if (current !== null) record(current, result);
        handOut();
      });
      worker.on('error', (error) => {
        const unit = current === null ? undefined : units[current];
        if (current !== null && unit !== undefined)
          record(current, failedUnit(unit, `${unit.fileLabel}：处理线程意外退出（${error.message}）`));
        current = null;
      });
      worker.on('exit', (exitCode) => {
        running--;
        const unit = current === null ? undefined : units[current];
        if (current !== null && unit !== undefined)
          record(current, failedUnit(unit, `${unit.fileLabel}：处理线程意外退出（退出码 ${exitCode}）`));
        if (nextUnit < units.length) startThread();
        else if (running === 0) resolve({ results, threads });
      });
      handOut();
    };
    for (let thread = 0; thread < threads; thread++) startThread();
  });
}
