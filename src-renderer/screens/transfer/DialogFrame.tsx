import { type ReactNode, useEffect, useId } from 'react';
import './transfer.css';

/**
 * A modal dialog over the whole window: while it is open nothing behind it can be edited, which
 * an import or an export relies on. Escape closes it unless a job is running.
 */
export function DialogFrame(props: {
  readonly title: string;
  readonly isBusy: boolean;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly actions: ReactNode;
}) {
  const titleId = useId();
  const { isBusy, onClose } = props;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !isBusy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isBusy, onClose]);

  return (
    <div className="dialog-backdrop">
      <div className="dialog transfer-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{props.title}</h2>
        <div className="transfer-dialog__body">{props.children}</div>
        <div className="dialog__actions">{props.actions}</div>
      </div>
    </div>
  );
}

/** An id for a long job, made up here so its progress events can name it before it ends. */
export function newJobId(): string {
  return crypto.randomUUID();
}

/** A chosen file: its name large, its folder small; nothing chosen yet says so. */
export function FileChoice(props: {
  readonly label: string;
  readonly file: string | null;
  readonly onChoose: () => void;
  readonly onClear?: () => void;
  readonly disabled?: boolean;
}) {
  const name = props.file?.split(/[\\/]/).pop();
  return (
    <div className="file-choice" role="group" aria-label={props.label}>
      <span className="field__label">{props.label}</span>
      <span className="file-choice__file" title={props.file ?? undefined}>
        {props.file === null ? <span className="file-choice__none">未选择</span> : name}
      </span>
      <button type="button" className="button" disabled={props.disabled} onClick={props.onChoose}>
        选择{props.label}…
      </button>
      {props.onClear && props.file !== null ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={props.disabled}
          onClick={props.onClear}
        >
          不导入{props.label}
        </button>
      ) : null}
    </div>
  );
}

/** A job's progress bar, named for screen readers and tests. */
export function JobProgress(props: {
  readonly label: string;
  readonly text: string;
  readonly percent: number | null;
}) {
  return (
    <div className="job-progress">
      <progress aria-label={props.label} max={100} value={props.percent ?? undefined} />
      <span className="job-progress__text" role="status">
        {props.text}
      </span>
    </div>
  );
}
