/**
 * 第一部分 概况: the duties as a numbered list (pasted text is split at its markers), and the
 * organisation as facts (编制, 实有人数, 内设机构) from which the standard sentences are made.
 */
import { useEffect, useState } from 'react';
import {
  DUTY_MARKER_STYLES,
  dutyMarker,
  organisationSentences,
  splitDuties,
} from '../../../shared/narrative/overview';
import type { DutyMarkerStyle } from '../../../shared/narrative/overview';
import { EditLock } from '../../forms/EditLock';
import { CheckboxField, CountField, SaveBar, SelectField, TextField } from '../../forms/fields';
import { RecordList } from '../../forms/RecordList';
import { FindingText } from '../../shell/SeverityBadge';
import { useOverview } from '../../state/overview';
import { useWorkbook } from '../../state/workbook';
import { type OverviewDraft, overviewOf } from './overview-draft';
import './overview.css';

const MARKER_LABEL: Readonly<Record<DutyMarkerStyle, string>> = {
  '（一）': '（一）（二）…',
  '(一)': '(一)(二)…',
  '1.': '1. 2. …',
  none: '不编号',
};

function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}

function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((candidate, at) => (at === index ? item : candidate));
}

function removed<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, at) => at !== index);
}

export function OverviewScreen() {
  const revision = useWorkbook((state) => state.revision);
  const scope = useWorkbook((state) => state.summary?.profile.scope ?? '单位');
  const findings = useWorkbook((state) => state.findings);
  const entry = useOverview((state) => state.entry);
  const problems = useOverview((state) => state.problems);
  const loadProblem = useOverview((state) => state.loadProblem);
  const isSaving = useOverview((state) => state.isSaving);
  const savedMessage = useOverview((state) => state.savedMessage);
  const { edit, save, discard } = useOverview.getState();
  const [pasted, setPasted] = useState('');

  useEffect(() => {
    void useOverview.getState().load();
  }, [revision]);

  if (entry === null) {
    return (
      <div className="screen">
        <h2>概况</h2>
        {loadProblem === null ? (
          <p>正在读取…</p>
        ) : (
          <p className="problem-list" role="alert">
            {loadProblem}
          </p>
        )}
      </div>
    );
  }

  const { draft } = entry;
  const change = (changes: Partial<OverviewDraft>) => edit((current) => ({ ...current, ...changes }));
  const reading = overviewOf(draft);
  const preview = reading.value === null ? null : organisationSentences(reading.value);
  const overviewFindings = findings.filter((finding) => finding.message.startsWith('机构设置：'));

  return (
    <div className="screen overview-screen">
      <header className="screen__header">
        <h2>第一部分 概况</h2>
        <span className="screen__subtitle">本{scope}职责与机构设置情况</span>
      </header>
      <div className="content-screen__body" role="form" aria-label="概况">
        <EditLock>
          <section className="form-section" aria-label="职责">
            <h3>一、本{scope}职责</h3>
            <SelectField
              narrow
              label="编号样式"
              value={draft.dutyMarkerStyle}
              options={DUTY_MARKER_STYLES}
              optionLabel={(style) => MARKER_LABEL[style]}
              onChange={(style) => change({ dutyMarkerStyle: style ?? 'none' })}
            />
            <ol className="duty-list" aria-label="职责清单">
              {draft.duties.map((duty, index) => (
                <li key={index} className="duty-list__item">
                  <span className="duty-list__marker">
                    {dutyMarker(draft.dutyMarkerStyle, index + 1) || '•'}
                  </span>
                  <TextField
                    label={`职责 ${index + 1}`}
                    rows={2}
                    value={duty}
                    onChange={(text) => change({ duties: replaced(draft.duties, index, text) })}
                  />
                  <span className="duty-list__actions">
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`上移职责 ${index + 1}`}
                      disabled={index === 0}
                      onClick={() => change({ duties: moved(draft.duties, index, -1) })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`下移职责 ${index + 1}`}
                      disabled={index === draft.duties.length - 1}
                      onClick={() => change({ duties: moved(draft.duties, index, 1) })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--danger"
                      aria-label={`删除职责 ${index + 1}`}
                      onClick={() => change({ duties: removed(draft.duties, index) })}
                    >
                      删除
                    </button>
                  </span>
                </li>
              ))}
            </ol>
            <div>
              <button
                type="button"
                className="button"
                onClick={() => change({ duties: [...draft.duties, ''] })}
              >
                添加职责
              </button>
            </div>
            <details className="duty-paste">
              <summary>粘贴整段职责文本</summary>
              <TextField
                label="职责文本（按（一）、1. 等编号或分段拆分为各项）"
                rows={5}
                value={pasted}
                onChange={setPasted}
              />
              <div>
                <button
                  type="button"
                  className="button"
                  disabled={pasted.trim() === ''}
                  onClick={() => {
                    change({ duties: splitDuties(pasted) });
                    setPasted('');
                  }}
                >
                  拆分并替换职责清单
                </button>
              </div>
            </details>
          </section>

          <section className="form-section" aria-label="机构设置">
            <h3>二、机构设置情况</h3>
            <h4 className="overview-screen__subheading">编制</h4>
            <RecordList
              items={draft.establishment}
              noun="编制"
              newItem={() => ({ kind: '', count: '' })}
              onChange={(establishment) => change({ establishment })}
              fields={(row, index, update) => (
                <>
                  <TextField
                    label={`编制类别 ${index + 1}`}
                    placeholder="如：行政编制、事业编制"
                    value={row.kind}
                    onChange={(kind) => update({ ...row, kind })}
                  />
                  <CountField
                    narrow
                    label={`编制数 ${index + 1}（名）`}
                    text={row.count}
                    onChange={(count) => update({ ...row, count })}
                  />
                </>
              )}
            />

            <h4 className="overview-screen__subheading">实有人数</h4>
            <CheckboxField
              label="填写实有人数"
              checked={draft.hasHeadcount}
              onChange={(hasHeadcount) => change({ hasHeadcount })}
            />
            {draft.hasHeadcount ? (
              <>
                <div className="form-grid">
                  <TextField
                    label="统计日期"
                    hint="通常为上年12月31日"
                    value={draft.headcount.asOf}
                    onChange={(asOf) => change({ headcount: { ...draft.headcount, asOf } })}
                  />
                  <CountField
                    label="实有人数（人）"
                    text={draft.headcount.total}
                    onChange={(total) => change({ headcount: { ...draft.headcount, total } })}
                  />
                </div>
                <RecordList
                  items={draft.headcount.breakdown}
                  noun="分项"
                  newItem={() => ({ label: '', count: '' })}
                  onChange={(breakdown) => change({ headcount: { ...draft.headcount, breakdown } })}
                  fields={(row, index, update) => (
                    <>
                      <TextField
                        label={`职务 ${index + 1}`}
                        placeholder="如：局长、副局长、科员"
                        value={row.label}
                        onChange={(label) => update({ ...row, label })}
                      />
                      <CountField
                        narrow
                        label={`人数 ${index + 1}`}
                        text={row.count}
                        onChange={(count) => update({ ...row, count })}
                      />
                    </>
                  )}
                />
              </>
            ) : null}

            <h4 className="overview-screen__subheading">内设机构</h4>
            <RecordList
              items={draft.internalUnits}
              noun="内设机构"
              newItem={() => ({ name: '', level: '' })}
              onChange={(internalUnits) => change({ internalUnits })}
              fields={(unit, index, update) => (
                <>
                  <TextField
                    label={`机构名称 ${index + 1}`}
                    value={unit.name}
                    onChange={(name) => update({ ...unit, name })}
                  />
                  <TextField
                    narrow
                    label={`级别 ${index + 1}`}
                    placeholder="如：股级、正科"
                    value={unit.level}
                    onChange={(level) => update({ ...unit, level })}
                  />
                </>
              )}
            />

            <TextField
              label="机构设置补充说明"
              rows={3}
              value={draft.organisationText}
              onChange={(organisationText) => change({ organisationText })}
            />
            <div className="overview-preview" aria-label="机构设置情况预览">
              <strong>印出的机构设置情况：</strong>
              {preview === null ? (
                <p className="form-section__note">填写有误，改正后显示。</p>
              ) : (
                [
                  ...preview,
                  ...(draft.organisationText.trim() === '' ? [] : [draft.organisationText.trim()]),
                ].map((sentence, index) => <p key={index}>{sentence}</p>)
              )}
            </div>
            {overviewFindings.map((finding, index) => (
              <p key={index} className="overview-screen__finding">
                <FindingText finding={finding} />
              </p>
            ))}
          </section>

          <SaveBar
            problems={problems}
            isDirty={entry.isDirty}
            isSaving={isSaving}
            status={savedMessage}
            saveLabel="保存概况"
            onSave={() => void save()}
            onDiscard={() => void discard()}
          />
        </EditLock>
      </div>
    </div>
  );
}
