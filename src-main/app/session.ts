import { AppError } from '../../shared/errors';
import type { InvokeResult } from '../../shared/contract/views';
import type { Workbook } from '../services/workbook/workbook';
import type { FileDialogs } from './dialogs';
import { AppEvents } from './events';
import { ExportJobs } from './export-jobs';
import { dispatchRequest } from './handle-request';
import { PendingImports } from './pending-imports';
import { RecentWorkbooks } from './recent-workbooks';

export interface SessionOptions {
  readonly mode: 'electron' | 'bridge';
  readonly version: string;
  /** The app's own folder for small files (Electron: app.getPath('userData')). */
  readonly dataFolder: string;
  readonly dialogs: FileDialogs;
  /** The packaged app's fonts folder; a source checkout reads the npm font packages. */
  readonly fontFolder?: string;
  /** Where unexpected errors go; the user sees only a generic message. */
  readonly logError?: (context: string, error: unknown) => void;
}

/**
 * What one window works on: at most one open workbook, with the jobs running on it. The
 * transports (Electron IPC, the bridge) call handleRequest and forward `events`; nothing here
 * knows which one it is.
 */
export class Session {
  readonly events = new AppEvents();
  readonly recent: RecentWorkbooks;
  readonly imports = new PendingImports();
  readonly exports = new ExportJobs();
  private current: Workbook | null = null;

  constructor(readonly options: SessionOptions) {
    this.recent = new RecentWorkbooks(options.dataFolder);
  }

  /** Answers one request of the contract; never throws. */
  handleRequest(name: unknown, rawInput: unknown): Promise<InvokeResult<unknown>> {
    return dispatchRequest(this, name, rawInput);
  }

  openWorkbook(): Workbook | null {
    return this.current;
  }

  /** The open workbook, to read. */
  workbook(): Workbook {
    if (this.current === null) {
      throw new AppError('WORKBOOK_CLOSED', '没有打开的工作簿，请先新建或打开一个工作簿。');
    }
    return this.current;
  }

  /** The open workbook, to change: not while an export is reading it. */
  editableWorkbook(): Workbook {
    const workbook = this.workbook();
    this.refuseWhileExporting();
    return workbook;
  }

  /** Makes `next` the open workbook (null: none), closing the one open before. */
  replaceWorkbook(next: Workbook | null): void {
    this.refuseWhileExporting();
    const previous = this.current;
    this.current = next;
    this.imports.discardAll();
    if (previous !== null && previous !== next) previous.close();
  }

  /** Cancels running jobs and closes the workbook (window closed, app quitting, test ended). */
  dispose(): void {
    this.exports.cancelAll();
    this.imports.discardAll();
    this.current?.close();
    this.current = null;
  }

  logError(context: string, error: unknown): void {
    (this.options.logError ?? ((where, cause) => console.error(`[${where}]`, cause)))(context, error);
  }

  /** Refuses to change or switch the workbook while an export reads it. */
  refuseWhileExporting(): void {
    if (this.exports.isRunning()) {
      throw new AppError('WORKBOOK_BUSY', '正在导出 PDF，导出完成或取消之后才能修改或切换工作簿。');
    }
  }
}
