/**
 * 绩效目标表: the projects of 表十二 by unit, which have a sheet and which not, and the open
 * sheet's form; above them the 整体支出绩效目标申报表.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Project, Unit } from '../../../shared/workbook/content';
import { type SheetSelection, useGoalSheets } from '../../state/goal-sheets';
import { useWorkbook } from '../../state/workbook';
import { ProjectGoalSheetForm } from './ProjectGoalSheetForm';
import { WholeUnitGoalSheetForm } from './WholeUnitGoalSheetForm';
import './goals.css';

interface UnitProjects {
  readonly unit: Unit;
  readonly projects: readonly Project[];
}

function currentProjectsByUnit(units: readonly Unit[], projects: readonly Project[]): UnitProjects[] {
  return [...units]
    .sort((a, b) => a.position - b.position)
    .map((unit) => ({
      unit,
      projects: projects
        .filter((project) => project.unitId === unit.id && project.kind === 'current')
        .sort((a, b) => a.position - b.position),
    }))
    .filter((entry) => entry.projects.length > 0);
}

function isSelected(selection: SheetSelection | null, candidate: SheetSelection): boolean {
  if (selection === null || selection.kind !== candidate.kind) return false;
  return (
    selection.kind === 'wholeUnit' ||
    (candidate.kind === 'project' && selection.projectId === candidate.projectId)
  );
}

export function GoalSheetsScreen() {
  const summary = useWorkbook((state) => state.summary);
  const revision = useWorkbook((state) => state.revision);
  const sheets = useGoalSheets((state) => state.sheets);
  const selection = useGoalSheets((state) => state.selection);
  const drafts = useGoalSheets((state) => state.projectDrafts);
  const wholeUnitDirty = useGoalSheets((state) => state.wholeUnitDraft?.isDirty === true);
  const loadProblem = useGoalSheets((state) => state.loadProblem);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    void useGoalSheets.getState().load();
  }, [revision]);

  const byUnit = useMemo(
    () => currentProjectsByUnit(summary?.units ?? [], summary?.projects ?? []),
    [summary?.units, summary?.projects],
  );
  const withSheet = useMemo(() => new Set(sheets?.map((sheet) => sheet.projectId)), [sheets]);
  const projectCount = byUnit.reduce((sum, entry) => sum + entry.projects.length, 0);
  const sheetCount = byUnit.reduce(
    (sum, entry) => sum + entry.projects.filter((project) => withSheet.has(project.id)).length,
    0,
  );

  // Open the first project once the list is known, so the screen never starts empty.
  const firstProject = byUnit[0]?.projects[0];
  useEffect(() => {
    if (sheets !== null && useGoalSheets.getState().selection === null) {
      useGoalSheets
        .getState()
        .select(firstProject ? { kind: 'project', projectId: firstProject.id } : { kind: 'wholeUnit' });
    }
  }, [sheets, firstProject]);

  const query = filter.trim();
  const shown =
    query === ''
      ? byUnit
      : byUnit
          .map((entry) => ({
            ...entry,
            projects: entry.projects.filter((project) => project.name.includes(query)),
          }))
          .filter((entry) => entry.projects.length > 0);
  const selectedProject =
    selection?.kind === 'project'
      ? summary?.projects.find((project) => project.id === selection.projectId)
      : undefined;
  const select = (candidate: SheetSelection) => useGoalSheets.getState().select(candidate);

  return (
    <div className="screen goals-screen">
      <header className="screen__header">
        <h2>绩效目标表</h2>
        <span className="screen__subtitle">
          表十二共 {projectCount} 个项目，已有绩效目标表 {sheetCount} 个，缺 {projectCount - sheetCount} 个
        </span>
      </header>
      {loadProblem === null ? null : (
        <p className="problem-list" role="alert">
          {loadProblem}
        </p>
      )}
      <div className="goals-screen__body">
        <nav className="goal-list" aria-label="绩效目标表清单">
          <button
            type="button"
            className="goal-list__item goal-list__item--whole"
            aria-current={isSelected(selection, { kind: 'wholeUnit' }) ? 'true' : undefined}
            onClick={() => select({ kind: 'wholeUnit' })}
          >
            <span>整体支出绩效目标申报表</span>
            {wholeUnitDirty ? <span className="badge badge--warning">未保存</span> : null}
          </button>
          <input
            className="input goal-list__filter"
            type="search"
            placeholder="按项目名称筛选"
            aria-label="按项目名称筛选"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          {shown.map(({ unit, projects }) => (
            <div key={unit.id} className="goal-list__unit" role="group" aria-label={unit.name}>
              <div className="goal-list__unit-name">{unit.name}</div>
              {projects.map((project) => {
                const candidate: SheetSelection = { kind: 'project', projectId: project.id };
                const hasSheet = withSheet.has(project.id);
                return (
                  <button
                    key={project.id}
                    type="button"
                    className="goal-list__item"
                    title={project.name}
                    aria-current={isSelected(selection, candidate) ? 'true' : undefined}
                    onClick={() => select(candidate)}
                  >
                    <span className="goal-list__name">{project.name}</span>
                    {drafts[project.id]?.isDirty ? (
                      <span className="badge badge--warning">未保存</span>
                    ) : null}
                    {hasSheet ? (
                      <span className="badge badge--info">已填</span>
                    ) : (
                      <span className="badge badge--error">缺表</span>
                    )}
                  </button>
                );
              })}
            </div>
          ))}
          {projectCount === 0 ? <p className="goal-list__empty">表十二还没有项目。</p> : null}
        </nav>
        <div className="goals-screen__form">
          {selection?.kind === 'wholeUnit' ? <WholeUnitGoalSheetForm /> : null}
          {selectedProject ? (
            <ProjectGoalSheetForm
              key={selectedProject.id}
              project={selectedProject}
              unit={summary?.units.find((unit) => unit.id === selectedProject.unitId)}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
