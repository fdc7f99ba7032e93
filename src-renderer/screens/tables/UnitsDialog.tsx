import { type FormEvent, useState } from 'react';
import type { TableView } from '../../../shared/contract/views';
import { type Unit, type UnitType, rowKey } from '../../../shared/workbook/content';
import { api } from '../../api/client';
import { ConfirmRemoval } from '../../shell/ConfirmRemoval';
import { Dialog } from '../../shell/Dialog';
import { UnitTypeSelect } from '../../shell/UnitTypeSelect';
import { runEdit, useWorkbook } from '../../state/workbook';
import { RenameDialog } from './RenameDialog';

/**
 * The budget units of the workbook (a 部门's 本级 and subordinate units). Given 表十一's view,
 * it also sets which units 表十一 lists (those with 机关运行经费).
 */
export function UnitsDialog({ view, onClose }: { view: TableView | null; onClose: () => void }) {
  const units = useWorkbook((state) => state.summary?.units ?? []);
  const [name, setName] = useState('');
  const [unitType, setUnitType] = useState<UnitType | null>(null);
  const [removing, setRemoving] = useState<Unit | null>(null);
  const [renaming, setRenaming] = useState<Unit | null>(null);
  const listed = new Set(view?.rows.map((row) => row.key) ?? []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const isDone = await runEdit(() => api.invoke('units/add', { name: name.trim(), unitType }));
    if (isDone) setName('');
  };

  return (
    <Dialog title="单位" onClose={onClose} wide>
      <table className="units-table">
        <thead>
          <tr>
            <th>单位名称</th>
            <th>类型</th>
            {view !== null && <th>列入表十一</th>}
            <th aria-label="操作" />
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id}>
              <td>{unit.name}</td>
              <td>{unit.unitType ?? '未指定'}</td>
              {view !== null && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${unit.name}列入表十一`}
                    checked={listed.has(rowKey.unit(unit.id))}
                    onChange={(event) =>
                      void runEdit(() =>
                        api.invoke('units/setInOperatingCosts', {
                          unitId: unit.id,
                          isListed: event.target.checked,
                        }),
                      )
                    }
                  />
                </td>
              )}
              <td className="units-table__actions">
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`重命名单位${unit.name}`}
                  title="修改单位名称，其项目和金额保留（可撤销）"
                  onClick={() => setRenaming(unit)}
                >
                  重命名
                </button>
                <button
                  type="button"
                  className="button button--quiet button--danger"
                  aria-label={`删除单位${unit.name}`}
                  title="删除该单位及其项目（可撤销）"
                  onClick={() => setRemoving(unit)}
                >
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="dialog__row" onSubmit={(event) => void add(event)}>
        <label className="field field__grow">
          <span className="field__label">新单位名称</span>
          <input className="input" value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <div className="field">
          <label className="field__label" htmlFor="new-unit-type">
            类型
          </label>
          <UnitTypeSelect id="new-unit-type" value={unitType} onChange={setUnitType} />
        </div>
        <button type="submit" className="button" disabled={name.trim() === ''}>
          添加单位
        </button>
      </form>
      {renaming !== null && (
        <RenameDialog
          target={{ what: '单位', id: renaming.id, name: renaming.name }}
          onClose={() => setRenaming(null)}
          isOverAnother
        />
      )}
      {removing !== null && (
        <ConfirmRemoval
          title="删除单位"
          message={`将删除单位“${removing.name}”及其项目。删除后可以撤销（Ctrl+Z）。`}
          onConfirm={() => void runEdit(() => api.invoke('units/remove', { unitId: removing.id }))}
          onClose={() => setRemoving(null)}
        />
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          完成
        </button>
      </div>
    </Dialog>
  );
}
