import { useState } from 'react';
import { changeCounts, totalChanges } from '../../../shared/review/diff';
import { api } from '../../api/client';
import { TextField } from '../../forms/fields';
import { Dialog } from '../../shell/Dialog';
import { runEdit } from '../../state/workbook';
import { DiffView } from './DiffView';
import { useAnswer } from './use-answer';

/**
 * 恢复到此版本: what going back to a version would change (the difference from the content as
 * it is now to that version), the reason asked for, then one undoable edit.
 */
export function RestoreDialog(props: { versionId: number; onClose: () => void }) {
  const { versionId, onClose } = props;
  const diff = useAnswer(() => api.invoke('review/diff', { from: 'current', to: versionId }), [versionId]);
  const [reason, setReason] = useState('');
  const [isBusy, setBusy] = useState(false);
  const total = diff === null ? null : totalChanges(diff);

  const missing =
    total === null
      ? '正在比较当前内容与该版本…'
      : total === 0
        ? `当前内容与第 ${versionId} 版相同，无需恢复`
        : reason.trim() === ''
          ? '请填写恢复的原因'
          : null;

  const restore = async () => {
    setBusy(true);
    const isDone = await runEdit(() =>
      api.invoke('review/restoreVersion', { versionId, reason: reason.trim() }),
    );
    setBusy(false);
    if (isDone) onClose();
  };

  return (
    <Dialog title={`恢复到第 ${versionId} 版`} wide onClose={onClose}>
      <p className="form-section__note">
        工作簿的全部内容（表格金额、单位与项目、绩效目标表、概况、情况说明的填报内容与改写）将改回第{' '}
        {versionId} 版时的样子。恢复是一步编辑，可以撤销；盖在该版本上的印章将重新有效。
      </p>
      {diff !== null && total !== null && total > 0 && (
        <>
          <ul className="restore-counts" aria-label="将要改回的内容">
            {changeCounts(diff)
              .filter(({ count }) => count > 0)
              .map(({ part, count }) => (
                <li key={part}>
                  {part}：{count} 处
                </li>
              ))}
          </ul>
          <details className="restore-details">
            <summary>查看明细（共 {total} 处）</summary>
            <DiffView diff={diff} canGoToCell={false} />
          </details>
        </>
      )}
      <div className="dialog__form">
        <TextField
          label="恢复原因（必填）"
          rows={2}
          maxLength={20_000}
          value={reason}
          hint="记入撤销记录，例如：审核退回修改，改回初稿"
          onChange={setReason}
        />
      </div>
      <div className="dialog__actions">
        {missing !== null && <span className="form-section__note">{missing}</span>}
        <button type="button" className="button" onClick={onClose}>
          取消
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={isBusy || missing !== null}
          onClick={() => void restore()}
        >
          确定恢复
        </button>
      </div>
    </Dialog>
  );
}
