import { type FormEvent, useState } from 'react';
import type { ProjectKind } from '../../../shared/tables/types';
import { api } from '../../api/client';
import { Dialog } from '../../shell/Dialog';
import { runEdit, useWorkbook } from '../../state/workbook';

/** 表十二 (本年预算) and 表十三 (上年结转) list projects under the unit that runs them. */
export function AddProjectDialog({ kind, onClose }: { kind: ProjectKind; onClose: () => void }) {
  const units = useWorkbook((state) => state.summary?.units ?? []);
  const [unitId, setUnitId] = useState(units[0]?.id ?? 0);
  const [name, setName] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isDone = await runEdit(() => api.invoke('projects/add', { unitId, kind, name: name.trim() }));
    if (isDone) onClose();
  };

  return (
    <Dialog title={kind === 'current' ? '添加本年预算项目' : '添加上年结转项目'} onClose={onClose}>
      <form className="dialog__form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">所属单位</span>
          <select
            className="input"
            value={unitId}
            onChange={(event) => setUnitId(Number(event.target.value))}
          >
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">项目名称</span>
          <input className="input" value={name} autoFocus onChange={(event) => setName(event.target.value)} />
        </label>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            取消
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={name.trim() === '' || unitId === 0}
          >
            添加
          </button>
        </div>
      </form>
    </Dialog>
  );
}
