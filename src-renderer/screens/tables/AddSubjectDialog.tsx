import { type FormEvent, useMemo, useState } from 'react';
import {
  findFunctionalSubject,
  functionalLevel,
  functionalSubjectsForYear,
} from '../../../shared/catalogue/lookup';
import type { TableView } from '../../../shared/contract/views';
import type { TableDefinition } from '../../../shared/tables/types';
import { api } from '../../api/client';
import { RadioChoice } from '../../forms/fields';
import { Dialog } from '../../shell/Dialog';
import { runEdit } from '../../state/workbook';
import { SubjectMatches } from './SubjectMatches';

type Side = 'income' | 'expenditure';

const MAX_MATCHES = 80;

/**
 * 添加科目: a 科目编码 looked up in the year's catalogue by code or name; the missing 类/款 rows
 * come with it. 收入科目 (表七, 表九's income half) are not catalogued: code and name are typed.
 */
export function AddSubjectDialog(props: {
  definition: TableDefinition;
  view: TableView;
  onClose: () => void;
}) {
  const { definition, view, onClose } = props;
  const isCapital = definition.rowModel.kind === 'capitalOperations';
  const [side, setSide] = useState<Side>('expenditure');
  const [query, setQuery] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const isRevenue = definition.key === 't7' || (isCapital && side === 'income');

  const present = useMemo(
    () =>
      new Set(
        view.rows
          .filter((row) => row.kind === 'subject' && (!isCapital || row.side === side))
          .map((row) => row.labels.code ?? row.labels.incCode ?? ''),
      ),
    [view.rows, isCapital, side],
  );
  const catalogue = useMemo(() => functionalSubjectsForYear(view.year), [view.year]);
  const matches = useMemo(() => {
    const wanted = query.trim();
    if (isRevenue || wanted === '') return [];
    return catalogue
      .filter((subject) => subject.code.startsWith(wanted) || subject.name.includes(wanted))
      .slice(0, MAX_MATCHES);
  }, [catalogue, query, isRevenue]);
  const catalogueName = isRevenue ? undefined : findFunctionalSubject(code.trim(), view.year)?.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isDone = await runEdit(() =>
      api.invoke('tables/addSubjectRow', {
        table: definition.key,
        code: code.trim(),
        ...(name.trim() === '' ? {} : { name: name.trim() }),
        ...(isCapital ? { side } : {}),
      }),
    );
    if (isDone) onClose();
  };

  return (
    <Dialog title={`在${definition.shortName}添加科目`} onClose={onClose} wide>
      <form className="dialog__form" onSubmit={(event) => void submit(event)}>
        {isCapital && (
          <RadioChoice
            label="添加到"
            name="subject-side"
            value={side}
            options={[
              { value: 'expenditure', label: '支出科目' },
              { value: 'income', label: '收入科目' },
            ]}
            onChange={setSide}
          />
        )}
        {!isRevenue && (
          <div className="field">
            <label className="field__label" htmlFor="subject-search">
              查找科目（编码开头或名称中的字）
            </label>
            <input
              id="subject-search"
              className="input"
              value={query}
              autoFocus
              placeholder="如 20805 或 离退休"
              onChange={(event) => setQuery(event.target.value)}
            />
            <SubjectMatches
              matches={matches.map((subject) => ({
                ...subject,
                note: `${functionalLevel(subject.code) ?? ''}${present.has(subject.code) ? ' · 已在表中' : ''}`,
              }))}
              chosen={code}
              onChoose={(chosen) => {
                setCode(chosen);
                setName('');
              }}
            />
            {query.trim() !== '' && matches.length === 0 && (
              <span className="field__hint">
                目录中没有匹配的科目；可直接填写编码和名称（将标记为自行添加）。
              </span>
            )}
          </div>
        )}
        <div className="dialog__row">
          <label className="field">
            <span className="field__label">科目编码</span>
            <input
              className="input"
              value={code}
              inputMode="numeric"
              autoFocus={isRevenue}
              onChange={(event) => setCode(event.target.value)}
            />
          </label>
          <label className="field field__grow">
            <span className="field__label">科目名称</span>
            <input
              className="input"
              value={name}
              placeholder={catalogueName ?? (isRevenue ? '' : '目录中的科目可不填')}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
        </div>
        {catalogueName !== undefined && (
          <p className="field__hint">
            {code.trim()} {catalogueName}：其上级类、款科目会一并加入。
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            取消
          </button>
          <button type="submit" className="button button--primary" disabled={code.trim() === ''}>
            添加
          </button>
        </div>
      </form>
    </Dialog>
  );
}
