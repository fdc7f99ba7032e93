/**
 * The 整体支出绩效目标申报表: the unit's facts, duties and goals, its key tasks and one indicator
 * list. Its 年度预算情况 block is read from the tables, so it is shown here but not entered.
 */
import type { WholeUnitGoalSheet } from '../../../shared/goal-sheets/model';
import { readCount } from '../../forms/amount-text';
import { CountField, SaveBar, TextField } from '../../forms/fields';
import { RecordList } from '../../forms/RecordList';
import { useGoalSheets } from '../../state/goal-sheets';
import { EditLock } from '../../forms/EditLock';
import { IndicatorGrid } from './IndicatorGrid';
import { WholeUnitBudgetTable } from './WholeUnitBudgetTable';
import { WHOLE_UNIT_COUNTS, type WholeUnitDraft } from './sheet-draft';

export function WholeUnitGoalSheetForm() {
  const entry = useGoalSheets((state) => state.wholeUnitDraft);
  const hasSavedSheet = useGoalSheets((state) => state.wholeUnit !== null);
  const problems = useGoalSheets((state) => state.problems);
  const isSaving = useGoalSheets((state) => state.isSaving);
  const savedMessage = useGoalSheets((state) => state.savedMessage);
  const { editWholeUnit, save, discard } = useGoalSheets.getState();

  if (!entry) return null;
  const { draft } = entry;
  const { sheet } = draft;
  const edit = (update: (draft: WholeUnitDraft) => WholeUnitDraft) => editWholeUnit(update);
  const editSheet = (changes: Partial<WholeUnitGoalSheet>) =>
    edit((current) => ({ ...current, sheet: { ...current.sheet, ...changes } }));
  const staff = [draft.counts.staffOnEstablishment, draft.counts.otherStaff].map(
    (text) => readCount('', text).count,
  );
  const staffTotal = staff.every((count) => count === null)
    ? null
    : staff.reduce<number>((sum, count) => sum + (count ?? 0), 0);

  return (
    <div className="goal-sheet" role="form" aria-label="整体支出绩效目标申报表">
      <EditLock>
        <header className="goal-sheet__header">
          <h3>整体支出绩效目标申报表</h3>
          {hasSavedSheet ? (
            <span className="badge badge--info">已填报</span>
          ) : (
            <span className="badge badge--warning">尚未填报，保存后建立</span>
          )}
        </header>

        <section className="form-section" aria-label="部门基本信息">
          <h3>部门基本信息</h3>
          <div className="form-grid">
            <TextField
              label="部门代码"
              value={sheet.departmentCode}
              onChange={(departmentCode) => editSheet({ departmentCode })}
            />
            <TextField
              label="部门名称"
              value={sheet.departmentName}
              onChange={(departmentName) => editSheet({ departmentName })}
            />
            {WHOLE_UNIT_COUNTS.map(({ key, label }) => (
              <CountField
                key={key}
                label={label}
                text={draft.counts[key]}
                problem={readCount(label, draft.counts[key]).problem}
                onChange={(text) =>
                  edit((current) => ({ ...current, counts: { ...current.counts, [key]: text } }))
                }
              />
            ))}
          </div>
          <p className="form-section__note">
            实际在职人员总数（在编 + 其他）：{staffTotal === null ? '—' : `${staffTotal} 人`}
          </p>
        </section>

        <section className="form-section" aria-label="职责与目标">
          <h3>职责与目标</h3>
          <TextField
            label="部门职责"
            rows={4}
            value={sheet.duties}
            onChange={(duties) => editSheet({ duties })}
          />
          <TextField
            label="部门战略目标"
            rows={3}
            value={sheet.strategicGoal}
            onChange={(strategicGoal) => editSheet({ strategicGoal })}
          />
          <TextField
            label="年度绩效目标"
            rows={3}
            value={sheet.annualGoal}
            onChange={(annualGoal) => editSheet({ annualGoal })}
          />
        </section>

        <WholeUnitBudgetTable />

        <section className="form-section" aria-label="年度重点任务">
          <h3>年度重点任务</h3>
          <RecordList
            items={sheet.keyTasks}
            noun="重点任务"
            newItem={() => ({ coreFunction: '', task: '' })}
            onChange={(keyTasks) => editSheet({ keyTasks })}
            fields={(task, index, update) => (
              <>
                <TextField
                  label={`核心职能 ${index + 1}`}
                  value={task.coreFunction}
                  onChange={(coreFunction) => update({ ...task, coreFunction })}
                />
                <TextField
                  label={`重点任务 ${index + 1}`}
                  value={task.task}
                  onChange={(text) => update({ ...task, task: text })}
                />
              </>
            )}
          />
        </section>

        <section className="form-section" aria-label="年度绩效指标">
          <h3>年度绩效指标</h3>
          <IndicatorGrid
            label="整体支出年度绩效指标"
            rows={draft.indicators}
            onChange={(indicators) => edit((current) => ({ ...current, indicators }))}
          />
        </section>

        <SaveBar
          problems={problems}
          isDirty={entry.isDirty}
          isSaving={isSaving}
          status={savedMessage}
          saveLabel="保存整体支出绩效目标表"
          onSave={() => void save()}
          onDiscard={discard}
        />
      </EditLock>
    </div>
  );
}
