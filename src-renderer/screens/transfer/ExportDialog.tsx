/**
 * 导出: the disclosure PDF as a watermarked draft or as the final version (which, with 错误
 * findings, needs a reason the export log keeps), with progress and 取消; the Excel workbooks;
 * and the log of earlier exports.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EventPayloads } from '../../../shared/contract/requests';
import type { ExportRecordView, PdfExportResult } from '../../../shared/contract/views';
import { ContractCallError, api } from '../../api/client';
import { RadioChoice, TextField } from '../../forms/fields';
import { messageOf, useWorkbook } from '../../state/workbook';
import { DialogFrame, FileChoice, JobProgress, newJobId } from './DialogFrame';
import { ExportLog } from './ExportLog';

type Kind = 'draft' | 'final';
type Figures = 'asEntered' | 'adjusted';

const DEFAULT_WATERMARK = '仅供内部审核';

const KIND_CHOICES: readonly { value: Kind; label: string }[] = [
  { value: 'draft', label: '草稿（带“仅供内部审核”水印）' },
  { value: 'final', label: '正式版' },
];
const FIGURES_CHOICES: readonly { value: Figures; label: string }[] = [
  { value: 'asEntered', label: '按填报数印出' },
  { value: 'adjusted', label: '尾差调整后印出（每张表各自平衡，存储的金额不变）' },
];

type Job =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly jobId: string;
      readonly progress: EventPayloads['export/progress'] | null;
    }
  | { readonly kind: 'done'; readonly result: PdfExportResult }
  | { readonly kind: 'xlsx'; readonly files: readonly string[] };

const STAGE_TEXT: Readonly<Record<EventPayloads['export/progress']['stage'], string>> = {
  layout: '正在排版',
  draw: '正在绘制',
  write: '正在写入文件',
};

function progressText(progress: EventPayloads['export/progress'] | null): {
  text: string;
  percent: number | null;
} {
  if (progress === null) return { text: '正在准备…', percent: null };
  const pages = progress.pages === 0 ? '' : `，${progress.pages} 页`;
  return {
    text: `${STAGE_TEXT[progress.stage]}${pages}`,
    percent: progress.stage === 'layout' ? null : progress.percent,
  };
}

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function suggestedName(name: string, year: number, kind: Kind): string {
  return `${name}${year}年预算公开${kind === 'draft' ? '（草稿）' : ''}.pdf`;
}

export function ExportDialog(props: { onClose: () => void }) {
  const { onClose } = props;
  const profile = useWorkbook((state) => state.summary?.profile);
  const errorCount = useWorkbook(
    (state) => state.findings.filter((finding) => finding.severity === '错误').length,
  );
  const [kind, setKind] = useState<Kind>('draft');
  const [figures, setFigures] = useState<Figures>('asEntered');
  const [watermark, setWatermark] = useState(DEFAULT_WATERMARK);
  const [reason, setReason] = useState('');
  const [outputFile, setOutputFile] = useState<string | null>(null);
  const [job, setJob] = useState<Job>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [log, setLog] = useState<readonly ExportRecordView[]>([]);
  const isBusy = job.kind === 'running';
  const needsReason = kind === 'final' && errorCount > 0;

  const loadLog = useCallback(async () => {
    try {
      setLog(await api.invoke('export/list', {}));
    } catch (error) {
      setProblem(messageOf(error));
    }
  }, []);
  useEffect(() => {
    void loadLog();
  }, [loadLog]);

  const chooseFile = async () => {
    try {
      const file = await api.invoke('dialog/saveFile', {
        purpose: 'pdf',
        suggestedName: suggestedName(profile?.name ?? '', profile?.year ?? 0, kind),
      });
      if (file !== null) setOutputFile(file);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const problemsBeforeExport = (): string | null => {
    if (outputFile === null) return '请先选择导出的文件';
    if (kind === 'draft' && watermark.trim() === '') return '草稿的水印文字不能为空';
    if (needsReason && reason.trim() === '')
      return `审核有 ${errorCount} 个错误，导出正式版须填写强制导出理由`;
    return null;
  };

  const exportPdf = async () => {
    const refusal = problemsBeforeExport();
    if (refusal !== null || outputFile === null) {
      setProblem(refusal);
      return;
    }
    const jobId = newJobId();
    setProblem(null);
    setJob({ kind: 'running', jobId, progress: null });
    const unsubscribe = api.on('export/progress', (progress) => {
      if (progress.jobId === jobId) setJob({ kind: 'running', jobId, progress });
    });
    try {
      const result = await api.invoke('export/pdf', {
        jobId,
        outputFile,
        kind,
        figures,
        ...(kind === 'draft' ? { watermarkText: watermark.trim() } : {}),
        ...(kind === 'final' && reason.trim() !== '' ? { overrideReason: reason.trim() } : {}),
      });
      setJob({ kind: 'done', result });
    } catch (error) {
      const isCancelled = error instanceof ContractCallError && error.error.code === 'CANCELLED';
      setProblem(isCancelled ? '已取消导出，没有生成文件。' : messageOf(error));
      setJob({ kind: 'idle' });
    } finally {
      unsubscribe();
      void loadLog();
    }
  };

  const exportXlsx = async () => {
    setProblem(null);
    try {
      const folder = await api.invoke('dialog/openFile', { purpose: 'xlsxFolder' });
      if (folder === null) return;
      const { files } = await api.invoke('export/xlsx', { folder });
      setJob({ kind: 'xlsx', files });
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const cancel = () => {
    if (job.kind === 'running') void api.invoke('export/cancel', { jobId: job.jobId }).catch(() => undefined);
  };

  return (
    <DialogFrame
      title="导出"
      isBusy={isBusy}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" disabled={isBusy} onClick={() => void exportXlsx()}>
            导出 Excel…
          </button>
          <span className="transfer-dialog__spacer" />
          {isBusy ? (
            <button type="button" className="button" onClick={cancel}>
              取消导出
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              关闭
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={isBusy || outputFile === null}
            onClick={() => void exportPdf()}
          >
            导出 PDF
          </button>
        </>
      }
    >
      <fieldset className="export-options" disabled={isBusy}>
        <RadioChoice label="版本" name="export-kind" value={kind} options={KIND_CHOICES} onChange={setKind} />
        {kind === 'draft' ? (
          <TextField label="水印文字" value={watermark} maxLength={200} onChange={setWatermark} />
        ) : (
          <div className={`export-final${errorCount > 0 ? ' export-final--blocked' : ''}`}>
            {errorCount === 0 ? (
              <p>审核没有错误，可以导出正式版。</p>
            ) : (
              <>
                <p role="alert">
                  审核还有 <strong>{errorCount}</strong>{' '}
                  个错误。正式版一般应在改正后导出；如确需导出，请填写理由，理由将记入导出记录。
                </p>
                <TextField label="强制导出理由" rows={2} value={reason} onChange={setReason} />
              </>
            )}
          </div>
        )}
        <RadioChoice
          label="金额"
          name="export-figures"
          value={figures}
          options={FIGURES_CHOICES}
          onChange={setFigures}
        />
        <FileChoice label="PDF 文件" file={outputFile} onChoose={() => void chooseFile()} />
      </fieldset>
      {job.kind === 'running' ? <JobProgress label="导出进度" {...progressText(job.progress)} /> : null}
      {job.kind === 'done' ? (
        <div className="export-result" role="status" aria-label="导出结果">
          <strong>已导出{job.result.kind === 'draft' ? '草稿' : '正式版'}</strong>
          <span>文件：{job.result.file}</span>
          <span>
            共 {job.result.pageCount} 页，{sizeText(job.result.bytes)}
          </span>
        </div>
      ) : null}
      {job.kind === 'xlsx' ? (
        <div className="export-result" role="status" aria-label="导出结果">
          <strong>已导出 Excel</strong>
          {job.files.map((file) => (
            <span key={file}>{file}</span>
          ))}
        </div>
      ) : null}
      {problem === null ? null : (
        <div className="problem-list" role="alert" aria-label="未能导出">
          {problem}
        </div>
      )}
      <ExportLog records={log} />
    </DialogFrame>
  );
}
