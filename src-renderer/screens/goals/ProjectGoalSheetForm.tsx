/**
 * One project's 项目支出绩效目标表, field by field in the template's order. The project name,
 * its unit and the 年度资金总额 are the project's own (表十二), shown but not edited here.
 */
import { useState } from 'react';
import {
  PROJECT_ATTRIBUTES,
  PROJECT_CATEGORIES,
  type ProjectGoalSheet,
} from '../../../shared/goal-sheets/model';
import { formatYuan, parseAmount, sumAmounts } from '../../../shared/money';
import type { Project, Unit } from '../../../shared/workbook/content';
import { rowKey } from '../../../shared/workbook/content';
import {
  AmountCell,
  AmountField,
  CheckboxField,
  CountField,
  SaveBar,
  SelectField,
  TextField,
} from '../../forms/fields';
import { FindingText } from '../../shell/SeverityBadge';
import { useGoalSheets } from '../../state/goal-sheets';
import { useWorkbook } from '../../state/workbook';
import { EditLock } from '../../forms/EditLock';
import { IndicatorGrid } from './IndicatorGrid';
import { withKeys, withoutKeys } from './indicator-rows';
import {
  type FundingKey,
  type IndicatorSide,
  PROCUREMENT_ROWS,
  type ProjectSheetDraft,
  fundingLabel,
} from './sheet-draft';

const FUNDING_KEYS: readonly FundingKey[] = ['central', 'provincial', 'cityCounty', 'selfRaised', 'other'];

const TEXT_FIELDS: readonly { key: keyof ProjectGoalSheet['texts']; label: string }[] = [
  { key: 'overview', label: '项目概况' },
  { key: 'basis', label: '立项依据' },
  { key: 'necessity', label: '项目设立必要性' },
  { key: 'safeguards', label: '保证项目实施的制度、措施' },
  { key: 'plan', label: '项目实施计划' },
];

const SIDE_LABEL: Readonly<Record<IndicatorSide, string>> = {
  annual: '年度绩效指标',
  implementation: '实施期绩效指标',
};

/** The sum of typed amounts, or '' while one of them is not an amount. */
function sumOfTexts(texts: readonly string[]): string {
  const parsed = texts.map((text) => parseAmount(text, 'yuan'));
  if (parsed.some((reading) => !reading.ok)) return '';
  return formatYuan(sumAmounts(parsed.map((reading) => (reading.ok ? reading.fen : null))));
}

export function ProjectGoalSheetForm(props: { readonly project: Project; readonly unit: Unit | undefined }) {
  const { project, unit } = props;
  const entry = useGoalSheets((state) => state.projectDrafts[project.id]);
  const hasSavedSheet = useGoalSheets(
    (state) => state.sheets?.some((sheet) => sheet.projectId === project.id) ?? false,
  );
  const projectRow = useGoalSheets((state) =>
    state.projectTable?.rows.find((row) => row.key === rowKey.project(project.id)),
  );
  const problems = useGoalSheets((state) => state.problems);
  const isSaving = useGoalSheets((state) => state.isSaving);
  const savedMessage = useGoalSheets((state) => state.savedMessage);
  const findings = useWorkbook((state) => state.findings);
  const { editProject, save, discard } = useGoalSheets.getState();
  const [side, setSide] = useState<IndicatorSide>('annual');

  if (!entry) return null;
  const { draft } = entry;
  const { sheet } = draft;
  const edit = (update: (draft: ProjectSheetDraft) => ProjectSheetDraft) => editProject(project.id, update);
  const editSheet = (changes: Partial<ProjectGoalSheet>) =>
    edit((current) => ({ ...current, sheet: { ...current.sheet, ...changes } }));
  const annualTotal = projectRow?.cells['total']?.fen ?? null;
  const projectFindings = findings.filter((finding) => finding.message.includes(`项目“${project.name}”`));

  return (
    // Not a <form>: Enter in the grid's cell editor must not submit anything.
    <div className="goal-sheet" role="form" aria-label={`绩效目标表 ${project.name}`}>
      <EditLock>
        <header className="goal-sheet__header">
          <h3>{project.name}</h3>
          <span className="screen__subtitle">实施单位：{unit?.name ?? '（未知单位）'}</span>
          {hasSavedSheet ? (
            <span className="badge badge--info">已有绩效目标表</span>
          ) : (
            <span className="badge badge--warning">尚无绩效目标表，保存后建立</span>
          )}
        </header>

        <section className="form-section" aria-label="基本信息">
          <h3>基本信息</h3>
          <div className="form-grid">
            <TextField
              label="主管部门代码"
              value={sheet.departmentCode}
              onChange={(departmentCode) => editSheet({ departmentCode })}
            />
            <TextField
              label="主管部门名称"
              value={sheet.departmentName}
              onChange={(departmentName) => editSheet({ departmentName })}
            />
            <SelectField
              label="项目属性"
              value={sheet.attribute}
              options={PROJECT_ATTRIBUTES}
              emptyLabel="（未选择）"
              onChange={(attribute) => editSheet({ attribute })}
            />
            <CountField
              label="项目期（年）"
              hint="经常性项目 99 年，一次性项目 1 年"
              text={draft.periodText}
              onChange={(periodText) => edit((current) => ({ ...current, periodText }))}
            />
            <SelectField
              label="项目类别"
              value={sheet.category}
              options={PROJECT_CATEGORIES}
              emptyLabel="（未选择）"
              onChange={(category) => editSheet({ category })}
            />
          </div>
          <CheckboxField
            label="随预算公开"
            checked={sheet.isPublished}
            onChange={(isPublished) => editSheet({ isPublished })}
          />
          {sheet.isPublished ? null : (
            <TextField
              label="不公开理由"
              rows={2}
              value={sheet.unpublishedReason}
              onChange={(unpublishedReason) => editSheet({ unpublishedReason })}
            />
          )}
        </section>

        <section className="form-section" aria-label="项目资金">
          <h3>项目资金（元）</h3>
          <table className="funding">
            <thead>
              <tr>
                <th scope="col">资金来源</th>
                <th scope="col">实施期</th>
                <th scope="col">年度</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">资金总额</th>
                <td>
                  <AmountCell
                    label="实施期资金总额"
                    unit="yuan"
                    text={draft.implementationTotal}
                    onChange={(implementationTotal) =>
                      edit((current) => ({ ...current, implementationTotal }))
                    }
                  />
                </td>
                <td className="funding__read-only" title="年度资金总额是表十二中该项目的合计">
                  {annualTotal === null ? '—' : formatYuan(annualTotal)}
                  <span className="funding__note">表十二合计</span>
                </td>
              </tr>
              {FUNDING_KEYS.map((key) => (
                <tr key={key}>
                  <th scope="row">{fundingLabel(key)}</th>
                  <td>
                    <AmountCell
                      label={`实施期${fundingLabel(key)}`}
                      unit="yuan"
                      text={draft.implementationFunding[key]}
                      onChange={(text) =>
                        edit((current) => ({
                          ...current,
                          implementationFunding: { ...current.implementationFunding, [key]: text },
                        }))
                      }
                    />
                  </td>
                  <td>
                    <AmountCell
                      label={`年度${fundingLabel(key)}`}
                      unit="yuan"
                      text={draft.annualFunding[key]}
                      onChange={(text) =>
                        edit((current) => ({
                          ...current,
                          annualFunding: { ...current.annualFunding, [key]: text },
                        }))
                      }
                    />
                  </td>
                </tr>
              ))}
              <tr className="funding__sum">
                <th scope="row">各来源合计</th>
                <td>{sumOfTexts(FUNDING_KEYS.map((key) => draft.implementationFunding[key])) || '—'}</td>
                <td>{sumOfTexts(FUNDING_KEYS.map((key) => draft.annualFunding[key])) || '—'}</td>
              </tr>
            </tbody>
          </table>
        </section>

        <section className="form-section" aria-label="政府采购">
          <h3>政府采购（元）</h3>
          <div className="form-grid">
            {PROCUREMENT_ROWS.map(({ key, label }) => (
              <AmountField
                key={key}
                label={`政府采购${label}`}
                unit="yuan"
                text={draft.procurement[key]}
                onChange={(text) =>
                  edit((current) => ({ ...current, procurement: { ...current.procurement, [key]: text } }))
                }
              />
            ))}
          </div>
        </section>

        <section className="form-section" aria-label="项目情况">
          <h3>项目情况</h3>
          {TEXT_FIELDS.map(({ key, label }) => (
            <TextField
              key={key}
              label={label}
              rows={3}
              value={sheet.texts[key]}
              onChange={(text) => editSheet({ texts: { ...sheet.texts, [key]: text } })}
            />
          ))}
        </section>

        <section className="form-section" aria-label="总体目标">
          <h3>总体目标</h3>
          <div className="form-grid form-grid--two">
            <TextField
              label="实施期目标"
              rows={4}
              value={sheet.overallGoal.implementation}
              onChange={(implementation) =>
                editSheet({ overallGoal: { ...sheet.overallGoal, implementation } })
              }
            />
            <TextField
              label="年度目标"
              rows={4}
              value={sheet.overallGoal.annual}
              onChange={(annual) => editSheet({ overallGoal: { ...sheet.overallGoal, annual } })}
            />
          </div>
        </section>
      </EditLock>

      <section className="form-section" aria-label="绩效指标">
        <h3>绩效指标</h3>
        {/* Outside the lock: choosing which list to see is not an edit. */}
        <div className="tabs" role="tablist" aria-label="指标清单">
          {(['annual', 'implementation'] as const).map((candidate) => (
            <button
              key={candidate}
              type="button"
              role="tab"
              aria-selected={side === candidate}
              onClick={() => setSide(candidate)}
            >
              {SIDE_LABEL[candidate]}（{draft.indicators[candidate].length}）
            </button>
          ))}
        </div>
        <EditLock>
          {side === 'annual' ? (
            <p className="form-section__note">
              年度与实施期是两张独立的清单。
              <button
                type="button"
                className="button"
                disabled={draft.indicators.implementation.length === 0}
                onClick={() =>
                  edit((current) => ({
                    ...current,
                    indicators: {
                      ...current.indicators,
                      annual: withKeys(withoutKeys(current.indicators.implementation)),
                    },
                  }))
                }
              >
                用实施期指标替换年度指标
              </button>
            </p>
          ) : null}
          <IndicatorGrid
            key={`${project.id}-${side}`}
            label={SIDE_LABEL[side]}
            rows={draft.indicators[side]}
            onChange={(rows) =>
              edit((current) => ({ ...current, indicators: { ...current.indicators, [side]: rows } }))
            }
          />
        </EditLock>
      </section>

      <EditLock>
        <section className="form-section" aria-label="填报信息">
          <h3>填报信息</h3>
          <div className="form-grid">
            <TextField
              label="负责人"
              value={sheet.footer.responsible}
              onChange={(responsible) => editSheet({ footer: { ...sheet.footer, responsible } })}
            />
            <TextField
              label="经办人"
              value={sheet.footer.handler}
              onChange={(handler) => editSheet({ footer: { ...sheet.footer, handler } })}
            />
            <TextField
              label="联系电话"
              value={sheet.footer.phone}
              onChange={(phone) => editSheet({ footer: { ...sheet.footer, phone } })}
            />
          </div>
        </section>

        {projectFindings.length === 0 ? null : (
          <section className="form-section goal-sheet__findings" aria-label="审核结果">
            <h3>审核结果（已保存的表）</h3>
            <ul>
              {projectFindings.map((finding, index) => (
                <li key={index}>
                  <FindingText finding={finding} />
                </li>
              ))}
            </ul>
          </section>
        )}

        <SaveBar
          problems={problems}
          isDirty={entry.isDirty}
          isSaving={isSaving}
          status={savedMessage}
          saveLabel="保存绩效目标表"
          onSave={() => void save()}
          onDiscard={discard}
        />
      </EditLock>
    </div>
  );
}
