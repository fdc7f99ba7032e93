/**
 * A 部门 workbook takes in its units' workbooks: the 部门's tables become the units' sums (and
 * their rows in 表十一, 表十二, 表十三), their project goal sheets come along, and what each unit
 * gave is kept so that the 审核 (H1–H6) tells when the 部门 no longer adds up to its units.
 *
 * Consolidation replaces the 部门's tables as a whole, all or nothing, as one undoable edit:
 * a 部门's budget is the sum of its units' (the 局本级 is one of them), so a figure typed into
 * the 部门 before would be wrong after. The figures of the 情况说明 inputs (last year's, 政府采购,
 * assets) become the units' sums in the same edit (shared/consolidation/narrative-input-rules).
 * What the 部门 writes itself (概况, the reasons and texts of the 情况说明 and its rewrites, the
 * 整体 goal sheet, the profile) is kept, and so are its goal sheets of projects whose unit gives
 * none. `previewConsolidation` shows the changes first, in the words of the
 * tables, as the Excel import does.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../../shared/checks/engine';
import {
  type ConsolidatedUnit,
  type Consolidation,
  type UnitDocument,
  consolidate,
  consolidationProblems,
} from '../../../shared/consolidation/consolidate';
import {
  type NarrativeInputChange,
  consolidateNarrativeInputs,
} from '../../../shared/consolidation/narrative-inputs';
import { AppError, refusedWithProblems } from '../../../shared/errors';
import type { ProjectGoalSheet } from '../../../shared/goal-sheets/model';
import type { NarrativeInputs } from '../../../shared/narrative/inputs';
import { evaluateWorkbook } from '../../../shared/workbook/evaluate';
import { type ImportPreview, previewTablesChange } from '../spreadsheets/preview';
import { type WorkbookReading, readWorkbook } from '../workbook/read-workbook';
import { replaceTables } from '../workbook/replace-tables';
import type { Workbook } from '../workbook/workbook';
import { DOCUMENT_INPUT_KEYS } from '../workbook/workbook-store';

export interface ConsolidatedUnitSummary {
  /** The file as given. */
  readonly file: string;
  readonly name: string;
  readonly projects: number;
  /**
   * 审核 错误 in the unit's own tables, which carry over into the 部门's; counted by the preview
   * only (the 审核 of 60 units takes seconds), null otherwise.
   */
  readonly errors: number | null;
  /** Against the last consolidation: a unit not in it, one whose file changed, or the same. */
  readonly status: 'new' | 'changed' | 'unchanged';
}

export interface ConsolidationPlan {
  readonly units: readonly ConsolidatedUnitSummary[];
  /** Units the 部门 has now that the consolidation takes out. */
  readonly removedUnits: readonly string[];
  readonly changes: ImportPreview;
  /** The 情况说明 inputs that change, with each unit's part of a sum. */
  readonly narrativeInputs: readonly NarrativeInputChange[];
  readonly notes: readonly string[];
}

/** Identifies a unit's data: the same tables, goal sheets and 情况说明 inputs give the same fingerprint. */
function fingerprintOf(reading: WorkbookReading): string {
  const { content, goalSheets, narrativeInputs } = reading;
  return createHash('sha256').update(JSON.stringify({ content, goalSheets, narrativeInputs })).digest('hex');
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

interface Prepared {
  readonly plan: ConsolidationPlan;
  readonly result: Consolidation;
  /** The 部门's 情况说明 inputs after consolidation; null when they do not change. */
  readonly narrativeInputs: NarrativeInputs | null;
}

/** Reads every unit file and derives the 部门's tables; any problem refuses the whole. */
function prepare(workbook: Workbook, files: readonly string[], now: Date, withChecks: boolean): Prepared {
  const department = workbook.content();
  const workbookName = path.basename(workbook.path);
  if (department.profile.scope !== '部门') {
    throw new AppError(
      'CONSOLIDATION_REFUSED',
      `工作簿“${workbookName}”是单位预算公开（${department.profile.name}），只有部门工作簿可以汇总下属单位。` +
        '请新建部门工作簿（公开主体选“部门”）后再汇总。',
      { file: workbook.path },
    );
  }
  const problems: string[] = [];
  const seen = new Map<string, string>([[realPath(workbook.path), '']]);
  const readings: { file: string; reading: WorkbookReading }[] = [];
  for (const file of files) {
    const real = realPath(file);
    const earlier = seen.get(real);
    if (earlier === '') {
      problems.push(`“${file}”就是本部门工作簿，不能汇总进自己`);
      continue;
    }
    if (earlier !== undefined) {
      problems.push(`“${file}”与“${earlier}”是同一个文件，每个单位只能汇总一次`);
      continue;
    }
    seen.set(real, file);
    try {
      readings.push({ file, reading: readWorkbook(file) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(`“${file}”：${error.message}`);
    }
  }
  problems.push(
    ...consolidationProblems(
      department.profile,
      readings.map(({ file, reading }) => ({ file, profile: reading.content.profile })),
    ),
  );
  if (problems.length > 0) {
    throw refusedWithProblems('汇总', problems, { file: workbook.path }, 'CONSOLIDATION_REFUSED');
  }

  const previous = new Map(workbook.consolidatedUnits().map((unit) => [unit.name, unit.fingerprint]));
  const notes: string[] = [];
  const summaries: ConsolidatedUnitSummary[] = [];
  const documents = readings.map(({ file, reading }): UnitDocument => {
    const evaluated = evaluateWorkbook(reading.content);
    const fingerprint = fingerprintOf(reading);
    const errors = withChecks
      ? checkWorkbook(evaluated).filter((finding) => finding.severity === '错误').length
      : null;
    const { name } = reading.content.profile;
    if (errors !== null && errors > 0)
      notes.push(`“${file}”（${name}）审核有 ${errors} 项错误，汇总后会带入部门表格`);
    const before = previous.get(name);
    summaries.push({
      file,
      name,
      projects: reading.content.projects.length,
      errors,
      status: before === undefined ? 'new' : before === fingerprint ? 'unchanged' : 'changed',
    });
    return { file, content: reading.content, evaluated, goalSheets: reading.goalSheets, fingerprint };
  });
  const result = consolidate(department, documents, now.toISOString());
  const narrative = consolidateNarrativeInputs(
    workbook.narrativeInputs(),
    readings.map(({ reading }) => ({ name: reading.content.profile.name, inputs: reading.narrativeInputs })),
  );
  const kept = new Set(result.content.units.map((unit) => unit.name));
  const removedUnits = department.units.map((unit) => unit.name).filter((name) => !kept.has(name));
  for (const unit of workbook.consolidatedUnits()) {
    if (!kept.has(unit.name)) {
      notes.push(`上次汇总的单位“${unit.name}”（${unit.file}）这次没有选择，其数据将从部门表格中移除`);
    }
  }
  return {
    plan: {
      units: summaries,
      removedUnits,
      changes: previewTablesChange(department, result.content, workbook.evaluate()),
      narrativeInputs: narrative.changes,
      notes: [...notes, ...result.notes, ...narrative.notes],
    },
    result,
    narrativeInputs: narrative.changes.length > 0 ? narrative.inputs : null,
  };
}

/**
 * The units' goal sheets, and the 部门's own sheets of projects the units give none for: a sheet
 * the 部门 wrote for a unit's project is not lost by consolidating again.
 */
function withDepartmentSheets(
  result: Consolidation,
  departmentSheets: readonly ProjectGoalSheet[],
): ProjectGoalSheet[] {
  const fromUnits = new Set(result.goalSheets.map((sheet) => sheet.projectId));
  const projects = new Set(result.content.projects.map((project) => project.id));
  return [
    ...result.goalSheets,
    ...departmentSheets.filter((sheet) => projects.has(sheet.projectId) && !fromUnits.has(sheet.projectId)),
  ];
}

/** What consolidating these unit files would change; nothing is written. */
export function previewConsolidation(workbook: Workbook, files: readonly string[]): ConsolidationPlan {
  return prepare(workbook, files, new Date(), true).plan;
}

/** Consolidates the units into the 部门 as one undoable edit; returns what it changed. */
export function consolidateUnits(
  workbook: Workbook,
  files: readonly string[],
  now: Date = new Date(),
): ConsolidationPlan {
  const { plan, result, narrativeInputs } = prepare(workbook, files, now, false);
  const before = { content: workbook.content(), goalSheets: workbook.goalSheets() };
  const goalSheets = withDepartmentSheets(result, before.goalSheets);
  const kept = new Map(workbook.consolidatedUnits().map((unit) => [unit.unitId, unit]));
  // A unit taken in again unchanged keeps its record, time included: the record says since when
  // the 部门 holds these figures, and the undo step stays small.
  const sameRecord = (a: ConsolidatedUnit, b: ConsolidatedUnit) =>
    JSON.stringify({ ...a, consolidatedAt: '' }) === JSON.stringify({ ...b, consolidatedAt: '' });
  workbook.edit(`汇总 ${result.units.length} 个单位的工作簿`, (store) => {
    replaceTables(store, before, { content: result.content, goalSheets });
    if (narrativeInputs !== null) store.writeDocumentInput(DOCUMENT_INPUT_KEYS.narrative, narrativeInputs);
    for (const unit of result.units) {
      const record = { ...unit, file: path.resolve(unit.file) };
      const previous = kept.get(unit.unitId);
      if (previous === undefined || !sameRecord(previous, record)) store.writeConsolidatedUnit(record);
    }
  });
  return plan;
}

export interface ConsolidatedSourceStatus {
  readonly name: string;
  readonly file: string;
  readonly consolidatedAt: string;
  /** Whether the unit's file still holds what was consolidated. */
  readonly status: 'unchanged' | 'changed' | 'unreadable';
  /** Why the file could not be read. */
  readonly problem: string | null;
}

/** The units a 部门 was consolidated from, each with whether its file has changed since. */
export function consolidatedSources(workbook: Workbook): ConsolidatedSourceStatus[] {
  return workbook.consolidatedUnits().map((unit) => {
    const common = { name: unit.name, file: unit.file, consolidatedAt: unit.consolidatedAt };
    try {
      const fingerprint = fingerprintOf(readWorkbook(unit.file));
      return { ...common, status: fingerprint === unit.fingerprint ? 'unchanged' : 'changed', problem: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { ...common, status: 'unreadable', problem: error.message };
    }
  });
}
