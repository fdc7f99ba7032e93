import { AppError, type ErrorCode, type ErrorDetails } from '../../../shared/errors';
import type { DisclosureRenderRequest } from './render-disclosure';
import type { RenderProgress, RenderResult } from './render-pdf';
import { startWorker, workerEntryBeside } from '../worker-thread';

/** What the render worker tells the thread that started it. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: RenderProgress }
  | { readonly type: 'done'; readonly result: RenderResult }
  | {
      readonly type: 'failed';
      readonly error: {
        readonly code?: ErrorCode;
        readonly message: string;
        readonly details?: ErrorDetails;
      };
    };

export interface RenderControl {
  readonly onProgress?: (progress: RenderProgress) => void;
  /** Aborting stops the worker at once; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

const WORKER_ENTRY = workerEntryBeside(import.meta.url, 'render-worker');

/**
 * Renders the disclosure PDF in a worker thread, off the thread that runs the UI's requests:
 * pdfmake lays out and draws synchronously, seconds for a large 部门. Progress arrives while
 * the worker runs; cancelling terminates it (pdfmake cannot be interrupted otherwise), which
 * may leave a partial output file for the caller to remove.
 */
export function renderDisclosurePdfInWorker(
  request: DisclosureRenderRequest,
  control: RenderControl = {},
): Promise<RenderResult> {
  const { onProgress, signal } = control;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<RenderResult>((resolve, reject) => {
    const worker = startWorker(WORKER_ENTRY, request);
    let isSettled = false;
    const settle = (outcome: () => void) => {
      if (isSettled) return;
      isSettled = true;
      signal?.removeEventListener('abort', cancel);
      // Settles once the thread is gone, so that its output file is closed by then.
      void worker.terminate().finally(outcome);
    };
    function cancel() {
      settle(() => reject(signal?.reason));
    }
    signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'progress':
          if (!isSettled) onProgress?.(message.progress);
          return;
        case 'done':
          settle(() => resolve(message.result));
          return;
        case 'failed': {
          const { code, message: text, details } = message.error;
          settle(() => reject(code === undefined ? new Error(text) : new AppError(code, text, details)));
          return;
        }
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (exitCode) =>
      settle(() => reject(new Error(`PDF 导出线程意外退出（退出码 ${exitCode}）`))),
    );
  });
}
