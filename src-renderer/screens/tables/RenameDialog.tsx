import { type FormEvent, useState } from 'react';
import type { EditResult } from '../../../shared/contract/views';
import { api } from '../../api/client';
import { Dialog } from '../../shell/Dialog';
import { messageOf, useWorkbook } from '../../state/workbook';
import '../../forms/forms.css';

/** A project or unit by its id, with the name it has now. */
export interface Renaming {
  readonly what: '项目' | '单位';
  readonly id: number;
  readonly name: string;
}

function rename(target: Renaming, name: string): Promise<EditResult> {
  return target.what === '项目'
    ? api.invoke('projects/rename', { projectId: target.id, name })
    : api.invoke('units/rename', { unitId: target.id, name });
}

/**
 * Renames a project or a unit in place (one undo step): its rows, figures and 绩效目标表 stay.
 * The service's refusal (a name taken, empty or too long) is shown here, by the name typed.
 */
export function RenameDialog(props: {
  readonly target: Renaming;
  readonly onClose: () => void;
  /** Over the 单位 dialog: Esc closes this one only. */
  readonly isOverAnother?: boolean;
}) {
  const { target, onClose } = props;
  const [name, setName] = useState(target.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await rename(target, name);
      await useWorkbook.getState().notifyEdited(result);
      onClose();
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`重命名${target.what}`} onClose={onClose} isOverAnother={props.isOverAnother === true}>
      <form className="dialog__form" onSubmit={(event) => void submit(event)}>
        <p className="dialog__message">
          {target.what === '项目'
            ? `“${target.name}”改名后，它在表中的金额和绩效目标表都保留。`
            : `“${target.name}”改名后，它的项目和各表中的金额都保留。`}
        </p>
        <label className="field">
          <span className="field__label">新的{target.what}名称</span>
          <input
            className="input"
            value={name}
            autoFocus
            aria-invalid={problem !== null}
            onFocus={(event) => event.target.select()}
            onChange={(event) => {
              setName(event.target.value);
              setProblem(null);
            }}
          />
          {problem !== null && (
            <span className="field__problem" role="alert">
              {problem}
            </span>
          )}
        </label>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            取消
          </button>
          <button type="submit" className="button button--primary" disabled={isBusy || name.trim() === ''}>
            重命名
          </button>
        </div>
      </form>
    </Dialog>
  );
}
