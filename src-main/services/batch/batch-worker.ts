/**
 * Worker thread entry of the batch pool: processes the units it is sent, one at a time, and
 * answers each with its result. The thread stays up between units, so exceljs, pdfmake and the
 * fonts are loaded once per thread, not once per unit.
 */
import { parentPort } from 'node:worker_threads';
import { type BatchTask, processUnit } from './process-unit';
import type { BatchUnit } from './units';

export interface BatchJob {
  readonly unit: BatchUnit;
  readonly task: BatchTask;
}

parentPort?.on('message', (job: BatchJob) => {
  void processUnit(job.unit, job.task).then((result) => parentPort?.postMessage(result));
});
