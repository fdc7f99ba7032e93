import { useId } from 'react';
import { Dialog } from './Dialog';

/**
 * Asks before something is removed, naming it. An in-app alert dialog, not window.confirm:
 * the Electron window and the browser bridge run the same renderer, and a native prompt
 * would block the page and escape the tests.
 */
export function ConfirmRemoval(props: {
  /** The dialog's title, e.g. 删除项目. */
  readonly title: string;
  /** What will be removed, in a sentence: 将删除项目“…”及其绩效目标表。 */
  readonly message: string;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}) {
  const descriptionId = useId();
  const confirm = () => {
    props.onClose();
    props.onConfirm();
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} alert={{ descriptionId }}>
      <p id={descriptionId} className="dialog__message">
        {props.message}
      </p>
      <div className="dialog__actions">
        {/* The safe answer has the focus: Enter right after the click removes nothing. */}
        <button type="button" className="button" autoFocus onClick={props.onClose}>
          取消
        </button>
        <button type="button" className="button button--danger-primary" onClick={confirm}>
          确定删除
        </button>
      </div>
    </Dialog>
  );
}
