/**
 * Worker thread entry: renders one disclosure PDF (workerData: a DisclosureRenderRequest) and
 * reports progress, then the result or the error, to the thread that started it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { type DisclosureRenderRequest, renderDisclosurePdf } from './render-disclosure';
import type { WorkerMessage } from './render-in-worker';

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

renderDisclosurePdf(workerData as DisclosureRenderRequest, (progress) => post({ type: 'progress', progress }))
  .then((result) => post({ type: 'done', result }))
  .catch((error: unknown) =>
    post({
      type: 'failed',
      error:
        error instanceof AppError
          ? error.toJSON()
          : { message: error instanceof Error ? error.message : String(error) },
    }),
  );
