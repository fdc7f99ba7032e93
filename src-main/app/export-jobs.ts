import { AppError } from '../../shared/errors';

/** A job stopped at the user's request; it crosses the boundary as CANCELLED. */
export class JobCancelled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobCancelled';
  }
}

/** Running exports by the renderer's job id, each cancellable through its AbortController. */
export class ExportJobs {
  private readonly running = new Map<string, AbortController>();

  /** One export at a time: it reads the workbook, which stays unchanged meanwhile. */
  start(jobId: string): AbortSignal {
    if (this.running.size > 0) {
      throw new AppError('WORKBOOK_BUSY', '已有一个导出正在进行，请等它完成或取消后再导出。');
    }
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return controller.signal;
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  /** Cancelling a job that already ended does nothing. */
  cancel(jobId: string): void {
    this.running.get(jobId)?.abort(new JobCancelled('已取消导出。'));
  }

  cancelAll(): void {
    for (const jobId of [...this.running.keys()]) this.cancel(jobId);
  }

  isRunning(): boolean {
    return this.running.size > 0;
  }
}
