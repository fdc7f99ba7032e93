import { useId } from 'react';
import { draftName, useDraftsQuestion } from '../state/unsaved';
import { Dialog } from './Dialog';
import '../forms/forms.css';

/**
 * Asks before an action discards drafts, naming each: save them all, discard them, or stay.
 * A refused save keeps the question open with the refusal, so nothing is lost unseen.
 */
export function UnsavedDraftsDialog() {
  const question = useDraftsQuestion((state) => state.question);
  const { saveAll, discardAll, cancel } = useDraftsQuestion.getState();
  const descriptionId = useId();
  if (question === null) return null;
  return (
    <Dialog title="有未保存的修改" onClose={cancel} alert={{ descriptionId }}>
      <div id={descriptionId} className="dialog__message">
        <p>{question.action}前，以下内容还没有保存：</p>
        <ul aria-label="未保存的内容">
          {question.drafts.map((draft) => (
            <li key={draftName(draft)}>{draftName(draft)}</li>
          ))}
        </ul>
      </div>
      {question.problems.length === 0 ? null : (
        <div className="problem-list" role="alert">
          未能全部保存，请修改后再试：
          <ul>
            {question.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog__actions">
        {/* The safe answer has the focus: Enter right after the click loses nothing. */}
        <button type="button" className="button" autoFocus disabled={question.isSaving} onClick={cancel}>
          取消
        </button>
        {[
          { label: '放弃修改并继续', style: 'button--danger-primary', answer: discardAll },
          { label: '保存全部并继续', style: 'button--primary', answer: saveAll },
        ].map(({ label, style, answer }) => (
          <button
            key={label}
            type="button"
            className={`button ${style}`}
            disabled={question.isSaving}
            onClick={() => void answer()}
          >
            {label}
          </button>
        ))}
      </div>
    </Dialog>
  );
}
