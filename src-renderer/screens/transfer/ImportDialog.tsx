/**
 * 导入: choose the tables template (and, optionally, the goal-sheets template), read and check
 * them with progress, see what would change, then 确认导入 (one undoable edit) or 取消.
 */
import { useCallback, useState } from 'react';
import type { EventPayloads } from '../../../shared/contract/requests';
import type { ImportPreviewView } from '../../../shared/contract/views';
import { api } from '../../api/client';
import { useGoalSheets } from '../../state/goal-sheets';
import { goalSheetDrafts, settleDrafts } from '../../state/unsaved';
import { messageOf, useWorkbook } from '../../state/workbook';
import { DialogFrame, FileChoice, JobProgress, newJobId } from './DialogFrame';
import { ImportPreviewList } from './ImportPreviewList';

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'reading'; readonly progress: EventPayloads['import/progress'] | null }
  | { readonly kind: 'preview'; readonly preview: ImportPreviewView }
  | { readonly kind: 'applying'; readonly preview: ImportPreviewView };

const STAGE_TEXT: Readonly<Record<EventPayloads['import/progress']['stage'], string>> = {
  read: '正在读取工作表',
  check: '正在校验',
  compare: '正在与当前数据比较',
};
/** Where each stage's share of the bar starts and how much of it the stage takes. */
const STAGE_SPAN: Readonly<Record<EventPayloads['import/progress']['stage'], readonly [number, number]>> = {
  read: [0, 70],
  check: [70, 20],
  compare: [90, 10],
};

function progressOf(progress: EventPayloads['import/progress'] | null): {
  text: string;
  percent: number | null;
} {
  if (progress === null) return { text: '正在打开文件…', percent: null };
  const [start, span] = STAGE_SPAN[progress.stage];
  const share = progress.total === 0 ? 0 : progress.done / progress.total;
  return {
    text: `${STAGE_TEXT[progress.stage]}（${progress.done}/${progress.total}）`,
    percent: Math.round(start + span * share),
  };
}

export function ImportDialog(props: { onClose: () => void }) {
  const { onClose } = props;
  const [tablesFile, setTablesFile] = useState<string | null>(null);
  const [goalsFile, setGoalsFile] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);
  const isBusy = step.kind === 'reading' || step.kind === 'applying';

  const choose = async (purpose: 'tables' | 'goals') => {
    try {
      const file = await api.invoke('dialog/openFile', { purpose });
      if (file === null) return;
      setProblem(null);
      if (purpose === 'tables') setTablesFile(file);
      else setGoalsFile(file);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const preview = async () => {
    if (tablesFile === null) return;
    const jobId = newJobId();
    setProblem(null);
    setStep({ kind: 'reading', progress: null });
    const unsubscribe = api.on('import/progress', (progress) => {
      if (progress.jobId === jobId) setStep({ kind: 'reading', progress });
    });
    try {
      const result = await api.invoke('import/preview', { jobId, tablesFile, goalsFile });
      setStep({ kind: 'preview', preview: result });
    } catch (error) {
      setProblem(messageOf(error));
      setStep({ kind: 'choose' });
    } finally {
      unsubscribe();
    }
  };

  const apply = async (shown: ImportPreviewView) => {
    if (!(await settleDrafts('导入', goalSheetDrafts()))) return;
    setStep({ kind: 'applying', preview: shown });
    try {
      await api.invoke('import/apply', { importId: shown.importId });
      // The import writes the projects anew: a goal-sheet draft kept by project id could land on another.
      useGoalSheets.getState().reset();
      await useWorkbook.getState().refresh();
      onClose();
    } catch (error) {
      setProblem(messageOf(error));
      setStep({ kind: 'preview', preview: shown });
    }
  };

  const cancel = useCallback(() => {
    if (step.kind === 'preview')
      void api.invoke('import/discard', { importId: step.preview.importId }).catch(() => undefined);
    onClose();
  }, [step, onClose]);

  const shownPreview = step.kind === 'preview' || step.kind === 'applying' ? step.preview : null;

  return (
    <DialogFrame
      title="导入 Excel 模板"
      isBusy={isBusy}
      onClose={cancel}
      actions={
        <>
          <button type="button" className="button" disabled={isBusy} onClick={cancel}>
            取消
          </button>
          {shownPreview === null ? (
            <button
              type="button"
              className="button button--primary"
              disabled={tablesFile === null || isBusy}
              onClick={() => void preview()}
            >
              预览导入
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={isBusy}
              onClick={() => void apply(shownPreview)}
            >
              确认导入
            </button>
          )}
        </>
      }
    >
      {shownPreview === null ? (
        <>
          <p className="form-section__note">
            导入会用模板中的数据替换当前的十三张表（和绩效目标表）。导入前先预览变动，确认后才写入，可撤销。
          </p>
          <FileChoice
            label="表格模板"
            file={tablesFile}
            disabled={isBusy}
            onChoose={() => void choose('tables')}
          />
          <FileChoice
            label="绩效目标表模板"
            file={goalsFile}
            disabled={isBusy}
            onChoose={() => void choose('goals')}
            onClear={() => setGoalsFile(null)}
          />
        </>
      ) : (
        <ImportPreviewList preview={shownPreview} />
      )}
      {step.kind === 'reading' ? <JobProgress label="导入进度" {...progressOf(step.progress)} /> : null}
      {step.kind === 'applying' ? <JobProgress label="导入进度" text="正在写入…" percent={null} /> : null}
      {problem === null ? null : (
        <div className="problem-list" role="alert" aria-label="导入未执行">
          {problem}
        </div>
      )}
    </DialogFrame>
  );
}
