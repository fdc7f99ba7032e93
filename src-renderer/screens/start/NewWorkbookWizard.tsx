import { type FormEvent, useState } from 'react';
import type { Scope } from '../../../shared/tables/types';
import type { UnitType } from '../../../shared/workbook/content';
import { api } from '../../api/client';
import { RadioChoice } from '../../forms/fields';
import { UnitTypeSelect } from '../../shell/UnitTypeSelect';
import { useWorkbook } from '../../state/workbook';

interface SubordinateUnit {
  /** Only for React's list keys: names may repeat while being typed. */
  readonly id: number;
  readonly name: string;
  readonly unitType: UnitType | null;
}

interface Draft {
  readonly name: string;
  readonly year: string;
  readonly scope: Scope;
  readonly unitType: UnitType | null;
  readonly supervisingDepartment: string;
  readonly subordinateUnits: readonly SubordinateUnit[];
  readonly path: string;
}

type Step = 'profile' | 'units' | 'location';

const STEP_TITLES: Readonly<Record<Step, string>> = {
  profile: '基本信息',
  units: '下属单位',
  location: '保存位置',
};

function stepsOf(scope: Scope): readonly Step[] {
  return scope === '部门' ? ['profile', 'units', 'location'] : ['profile', 'location'];
}

/** Budgets are prepared in the autumn for the next year. */
function defaultYear(today: Date): number {
  return today.getMonth() >= 6 ? today.getFullYear() + 1 : today.getFullYear();
}

/** What keeps a step from going on, in Chinese; empty when it may. */
function problemsOf(step: Step, draft: Draft): string[] {
  switch (step) {
    case 'profile': {
      const problems: string[] = [];
      if (draft.name.trim() === '') problems.push('请填写单位名称');
      const year = Number(draft.year);
      if (!/^\d{4}$/.test(draft.year.trim()) || year < 2000 || year > 2100) {
        problems.push('年度应为 2000 至 2100 之间的四位数字');
      }
      return problems;
    }
    case 'units':
      return draft.subordinateUnits.some((unit) => unit.name.trim() === '')
        ? ['下属单位的名称不能为空；不需要的行请删除']
        : [];
    case 'location':
      return draft.path.trim() === '' ? ['请选择或填写工作簿文件的保存位置'] : [];
  }
}

/** 新建工作簿: the unit's profile, a 部门's subordinate units, then where the file goes. */
export function NewWorkbookWizard() {
  const [draft, setDraft] = useState<Draft>({
    name: '',
    year: String(defaultYear(new Date())),
    scope: '单位',
    unitType: null,
    supervisingDepartment: '',
    subordinateUnits: [],
    path: '',
  });
  const [step, setStep] = useState<Step>('profile');
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [isCreating, setIsCreating] = useState(false);
  const [nextUnitId, setNextUnitId] = useState(1);

  const steps = stepsOf(draft.scope);
  const stepIndex = steps.indexOf(step);
  const update = (changes: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    // What was wrong is judged again on the next 下一步, not shown against a field being fixed.
    setProblems([]);
  };
  const updateUnit = (id: number, changes: Partial<SubordinateUnit>) =>
    update({
      subordinateUnits: draft.subordinateUnits.map((unit) =>
        unit.id === id ? { ...unit, ...changes } : unit,
      ),
    });

  const goTo = (target: Step) => {
    setProblems([]);
    setStep(target);
  };

  const chooseLocation = async () => {
    try {
      const suggestedName = `${draft.name.trim() || '预算公开'}${draft.year.trim()}年预算公开.ysgk`;
      const path = await api.invoke('dialog/saveFile', { purpose: 'workbook', suggestedName });
      if (path !== null) update({ path });
    } catch (error) {
      useWorkbook.getState().reportError(error);
    }
  };

  const create = async () => {
    setIsCreating(true);
    try {
      const summary = await api.invoke('workbook/create', {
        path: draft.path.trim(),
        profile: {
          name: draft.name.trim(),
          code: null,
          year: Number(draft.year),
          scope: draft.scope,
          unitType: draft.unitType,
          supervisingDepartment:
            draft.scope === '单位' && draft.supervisingDepartment.trim() !== ''
              ? draft.supervisingDepartment.trim()
              : null,
        },
        subordinateUnits:
          draft.scope === '部门'
            ? draft.subordinateUnits.map((unit) => ({ name: unit.name.trim(), unitType: unit.unitType }))
            : [],
      });
      await useWorkbook.getState().opened(summary);
    } catch (error) {
      useWorkbook.getState().reportError(error);
    } finally {
      setIsCreating(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(step, draft);
    setProblems(found);
    if (found.length > 0) return;
    const next = steps[stepIndex + 1];
    if (next === undefined) void create();
    else goTo(next);
  };

  return (
    <form className="wizard" aria-label="新建工作簿" onSubmit={onSubmit} noValidate>
      <ol className="wizard__steps" aria-label="步骤">
        {steps.map((candidate, index) => (
          <li
            key={candidate}
            className="wizard__step"
            aria-current={candidate === step ? 'step' : undefined}
            data-done={index < stepIndex ? 'true' : undefined}
          >
            {index + 1}. {STEP_TITLES[candidate]}
          </li>
        ))}
      </ol>

      {step === 'profile' && (
        <div className="wizard__body">
          <label className="field">
            <span className="field__label">单位名称</span>
            <input
              value={draft.name}
              autoFocus
              placeholder="如：阳城县医疗保障局"
              onChange={(event) => update({ name: event.target.value })}
            />
            <span className="field__hint">部门预算填写部门名称；将印在每张表的“单位名称”行。</span>
          </label>
          <label className="field wizard__short">
            <span className="field__label">年度</span>
            <input
              value={draft.year}
              inputMode="numeric"
              maxLength={4}
              onChange={(event) => update({ year: event.target.value })}
            />
          </label>
          <RadioChoice
            label="部门/单位"
            name="scope"
            value={draft.scope}
            options={[
              { value: '单位', label: '单位预算' },
              { value: '部门', label: '部门预算（含下属单位）' },
            ]}
            onChange={(scope) => update({ scope })}
          />
          <div className="field wizard__short">
            <label className="field__label" htmlFor="wizard-unit-type">
              单位类型
            </label>
            <UnitTypeSelect
              id="wizard-unit-type"
              value={draft.unitType}
              onChange={(unitType) => update({ unitType })}
            />
            <span className="field__hint">行政、参公单位编列机关运行经费（表十一）。</span>
          </div>
          {draft.scope === '单位' && (
            <label className="field">
              <span className="field__label">主管部门（可不填）</span>
              <input
                value={draft.supervisingDepartment}
                onChange={(event) => update({ supervisingDepartment: event.target.value })}
              />
              <span className="field__hint">表十三的第一行列出主管部门。</span>
            </label>
          )}
        </div>
      )}

      {step === 'units' && (
        <div className="wizard__body">
          <p className="field__hint">
            “{draft.name.trim()}
            ”本级已作为第一个单位列入；在此添加所属的下属单位，以后也可在表十一至表十三中增删。
          </p>
          {draft.subordinateUnits.length === 0 && <p className="field__hint">尚未添加下属单位。</p>}
          <ul className="unit-list">
            {draft.subordinateUnits.map((unit, index) => (
              <li key={unit.id} className="unit-list__row">
                <input
                  className="input"
                  aria-label={`下属单位 ${index + 1} 名称`}
                  value={unit.name}
                  onChange={(event) => updateUnit(unit.id, { name: event.target.value })}
                />
                <UnitTypeSelect
                  id={`wizard-unit-${unit.id}-type`}
                  label={`下属单位 ${index + 1} 类型`}
                  value={unit.unitType}
                  onChange={(unitType) => updateUnit(unit.id, { unitType })}
                />
                <button
                  type="button"
                  className="button button--quiet button--danger"
                  aria-label={`删除下属单位 ${index + 1}`}
                  onClick={() =>
                    update({
                      subordinateUnits: draft.subordinateUnits.filter((other) => other.id !== unit.id),
                    })
                  }
                >
                  删除
                </button>
              </li>
            ))}
          </ul>
          <div>
            <button
              type="button"
              className="button"
              onClick={() => {
                update({
                  subordinateUnits: [...draft.subordinateUnits, { id: nextUnitId, name: '', unitType: null }],
                });
                setNextUnitId(nextUnitId + 1);
              }}
            >
              添加下属单位
            </button>
          </div>
        </div>
      )}

      {step === 'location' && (
        <div className="wizard__body">
          <div className="field">
            <label className="field__label" htmlFor="wizard-path">
              文件位置
            </label>
            <div className="field__row">
              <input
                id="wizard-path"
                className="input field__grow"
                value={draft.path}
                placeholder="选择位置，或直接填写完整路径（.ysgk）"
                onChange={(event) => update({ path: event.target.value })}
              />
              <button type="button" className="button" onClick={() => void chooseLocation()}>
                选择…
              </button>
            </div>
            <span className="field__hint">
              工作簿是一个文件，所有数字和修改记录都保存在其中，可以复制或发送。
            </span>
          </div>
          <dl className="wizard__summary">
            <dt>名称</dt>
            <dd>{draft.name.trim()}</dd>
            <dt>年度</dt>
            <dd>{draft.year.trim()}年</dd>
            <dt>范围</dt>
            <dd>
              {draft.scope === '部门'
                ? `部门预算，本级及 ${draft.subordinateUnits.length} 个下属单位`
                : '单位预算'}
            </dd>
          </dl>
        </div>
      )}

      {problems.length > 0 && (
        <ul className="wizard__problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}

      <div className="wizard__actions">
        {stepIndex > 0 && (
          <button type="button" className="button" onClick={() => goTo(steps[stepIndex - 1] ?? 'profile')}>
            上一步
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={isCreating}>
          {stepIndex === steps.length - 1 ? (isCreating ? '正在创建…' : '创建') : '下一步'}
        </button>
      </div>
    </form>
  );
}
