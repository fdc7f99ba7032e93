import { useState } from 'react';
import { api } from '../api/client';
import { ExportDialog } from '../screens/transfer/ExportDialog';
import { ReviewBadge } from '../screens/review/ReviewBadge';
import { ImportDialog } from '../screens/transfer/ImportDialog';
import { FINALISED_NOTICE, useIsReadOnly } from '../state/review';
import { settleDrafts } from '../state/unsaved';
import { useWorkbook } from '../state/workbook';
import { openWorkbookByDialog } from './open-workbook';

type Dialog = 'import' | 'export' | null;

export function Toolbar() {
  const summary = useWorkbook((state) => state.summary);
  const history = useWorkbook((state) => state.history);
  const notice = useWorkbook((state) => state.notice);
  const isReadOnly = useIsReadOnly();
  const { undo, redo, closed, reportError } = useWorkbook.getState();
  const [dialog, setDialog] = useState<Dialog>(null);

  const close = async () => {
    if (!(await settleDrafts('关闭工作簿'))) return;
    try {
      await api.invoke('workbook/close', {});
      closed();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <header className="toolbar" role="toolbar" aria-label="工具栏">
      <div className="toolbar__title">
        <strong>{summary?.profile.name}</strong>
        <span className="toolbar__meta">
          {summary?.profile.year}年 · {summary?.profile.scope}预算公开
        </span>
      </div>
      <div className="toolbar__group">
        <button type="button" className="button" onClick={() => void openWorkbookByDialog()}>
          打开
        </button>
        <button type="button" className="button" onClick={() => void close()}>
          关闭
        </button>
      </div>
      <div className="toolbar__group">
        <button
          type="button"
          className="button"
          disabled={isReadOnly}
          title={isReadOnly ? FINALISED_NOTICE : '导入表格模板到本工作簿'}
          onClick={() => setDialog('import')}
        >
          导入
        </button>
        <button type="button" className="button" onClick={() => setDialog('export')}>
          导出
        </button>
      </div>
      <div className="toolbar__group">
        <button
          type="button"
          className="button"
          disabled={!history?.canUndo}
          title={history?.undoLabel ? `撤销：${history.undoLabel}（Ctrl+Z）` : '没有可撤销的操作'}
          onClick={() => void undo()}
        >
          撤销
        </button>
        <button
          type="button"
          className="button"
          disabled={!history?.canRedo}
          title={history?.redoLabel ? `重做：${history.redoLabel}（Ctrl+Y）` : '没有可重做的操作'}
          onClick={() => void redo()}
        >
          重做
        </button>
      </div>
      <ReviewBadge />
      <p className="toolbar__notice" role="status">
        {notice}
      </p>
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportDialog onClose={() => setDialog(null)} />}
    </header>
  );
}
