import type { FILE_PURPOSES } from '../../shared/contract/requests';

export type FilePurpose = (typeof FILE_PURPOSES)[number];

/**
 * File choosers, answered by whoever hosts the session: native dialogs under Electron, a queue
 * the test harness fills under the bridge (src-main/bridge/dialog-queue.ts). null: cancelled.
 */
export interface FileDialogs {
  openFile(purpose: FilePurpose): Promise<string | null>;
  saveFile(purpose: FilePurpose, suggestedName: string): Promise<string | null>;
}

/** What each dialog asks for: its Chinese title and the file types it offers. */
export const DIALOG_SPECS: Readonly<
  Record<
    FilePurpose,
    {
      readonly title: string;
      readonly filter: { readonly name: string; readonly extensions: readonly string[] } | null;
    }
  >
> = {
  workbook: { title: '预算公开工作簿', filter: { name: '预算公开工作簿', extensions: ['ysgk'] } },
  tables: { title: '预算公开表格模板', filter: { name: 'Excel 工作簿', extensions: ['xlsx'] } },
  goals: { title: '绩效目标表模板', filter: { name: 'Excel 工作簿', extensions: ['xlsx'] } },
  pdf: { title: '导出 PDF', filter: { name: 'PDF 文件', extensions: ['pdf'] } },
  xlsxFolder: { title: '导出 Excel 的文件夹', filter: null },
  reviewDiff: { title: '导出版本差异', filter: { name: 'Excel 工作簿', extensions: ['xlsx'] } },
  lastYear: {
    title: '上年的工作簿或表格',
    filter: { name: '预算公开工作簿或表格', extensions: ['ysgk', 'xlsx', 'json'] },
  },
  unitWorkbook: { title: '下属单位的工作簿', filter: { name: '预算公开工作簿', extensions: ['ysgk'] } },
};
