import { type FormEvent, useMemo, useState } from 'react';
import {
  DEPARTMENT_ECONOMIC_SUBJECTS,
  ECONOMIC_PAIRINGS,
  GOVERNMENT_ECONOMIC_SUBJECTS,
} from '../../../shared/catalogue/economic-subjects';
import { api } from '../../api/client';
import { Dialog } from '../../shell/Dialog';
import { runEdit, useWorkbook } from '../../state/workbook';
import { SubjectMatches } from './SubjectMatches';

const byCode = (code: string) => DEPARTMENT_ECONOMIC_SUBJECTS.find((subject) => subject.code === code);
/** The 款 表六 can show, in catalogue order: those with a 政府经济科目 pairing. */
const DEPARTMENT_ITEMS = ECONOMIC_PAIRINGS.flatMap((pairing) => byCode(pairing.departmentCode) ?? []);
const GOVERNMENT_ITEMS = GOVERNMENT_ECONOMIC_SUBJECTS.filter((subject) => subject.code.length === 5);

/** 表六: a 部门经济科目 款 with the 政府经济科目 款 it maps to for this kind of unit. */
export function AddEconomicRowDialog({ onClose }: { onClose: () => void }) {
  const unitType = useWorkbook((state) => state.summary?.profile.unitType ?? null);
  const [query, setQuery] = useState('');
  const [departmentCode, setDepartmentCode] = useState('');
  const [governmentCode, setGovernmentCode] = useState('');

  const matches = useMemo(
    () =>
      DEPARTMENT_ITEMS.filter(
        (subject) => subject.code.startsWith(query.trim()) || subject.name.includes(query.trim()),
      ),
    [query],
  );

  const choose = (code: string) => {
    setDepartmentCode(code);
    const pairing = ECONOMIC_PAIRINGS.find((candidate) => candidate.departmentCode === code);
    if (pairing !== undefined) {
      setGovernmentCode(
        unitType === '事业' ? pairing.institutionGovernmentCode : pairing.agencyGovernmentCode,
      );
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const department = byCode(departmentCode);
    if (department === undefined) return;
    const government = GOVERNMENT_ITEMS.find((subject) => subject.code === governmentCode);
    const isDone = await runEdit(() =>
      api.invoke('economicRows/add', { deptName: department.name, govName: government?.name ?? null }),
    );
    if (isDone) onClose();
  };

  return (
    <Dialog title="在表六添加经济科目" onClose={onClose} wide>
      <form className="dialog__form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor="economic-search">
            查找部门预算支出经济科目（编码或名称）
          </label>
          <input
            id="economic-search"
            className="input"
            value={query}
            autoFocus
            placeholder="如 30201 或 办公费"
            onChange={(event) => setQuery(event.target.value)}
          />
          <SubjectMatches matches={matches} chosen={departmentCode} onChoose={choose} />
        </div>
        <label className="field">
          <span className="field__label">政府预算支出经济科目</span>
          <select
            className="input"
            value={governmentCode}
            onChange={(event) => setGovernmentCode(event.target.value)}
          >
            <option value="">（不填）</option>
            {GOVERNMENT_ITEMS.map((subject) => (
              <option key={subject.code} value={subject.code}>
                {subject.code} {subject.name}
              </option>
            ))}
          </select>
        </label>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            取消
          </button>
          <button type="submit" className="button button--primary" disabled={departmentCode === ''}>
            添加
          </button>
        </div>
      </form>
    </Dialog>
  );
}
