/**
 * 部门 consolidation: the 部门's thirteen tables derived from its units' workbooks. The 科目,
 * 经济科目, 三公 and 结转 figures are the sums of the units'; 表十一, 表十二 and 表十三 list each
 * unit (and its projects) on its own row. Every cell the 部门 shows is the sum of what the units
 * show in it, overridden totals included, so the 部门's printed tables add up to its units'.
 */
import { findDepartmentEconomicSubject } from '../catalogue/lookup';
import type { ProjectGoalSheet } from '../goal-sheets/model';
import type { Fen } from '../money';
import { TABLE_KEYS, type TableKey } from '../tables/types';
import {
  type EconomicRow,
  type Project,
  type SubjectName,
  type Unit,
  type WorkbookContent,
  type WorkbookProfile,
  rowKey,
} from '../workbook/content';
import { type EvaluatedRow, type EvaluatedWorkbook, cellId } from '../workbook/evaluate';
import { storedCellsShowing } from '../workbook/stored-cells';

/** One unit's workbook, read for consolidation. */
export interface UnitDocument {
  /** The file as the user chose it: every message names it. */
  readonly file: string;
  readonly content: WorkbookContent;
  readonly evaluated: EvaluatedWorkbook;
  readonly goalSheets: readonly ProjectGoalSheet[];
  /** Identifies the unit's data, to tell later whether its file has changed. */
  readonly fingerprint: string;
}

/** What a 部门 keeps of each consolidated unit: where it came from and what it gave. */
export interface ConsolidatedUnit {
  /** The 部门's unit row. */
  readonly unitId: number;
  readonly name: string;
  readonly file: string;
  readonly fingerprint: string;
  /** When the 部门 took in these figures of the unit (ISO 8601). */
  readonly consolidatedAt: string;
  /** 部门 cell id → this unit's share of it, for every cell the 部门 stores. */
  readonly figures: Readonly<Record<string, Fen>>;
  /** Names of the rows keyed by id (projects, 表六 rows), for messages once a row is gone. */
  readonly rowNames: Readonly<Record<string, string>>;
}

export interface Consolidation {
  /** The 部门's tables; its profile is kept. */
  readonly content: WorkbookContent;
  /** The units' project goal sheets, on the 部门's projects. */
  readonly goalSheets: readonly ProjectGoalSheet[];
  readonly units: readonly ConsolidatedUnit[];
  /** What the officer should know before accepting (not refusals). */
  readonly notes: readonly string[];
}

const SUBJECT_TABLES: ReadonlySet<TableKey> = new Set(['t2', 't3', 't5', 't7', 't8', 't9']);

/**
 * Why these units cannot be consolidated into this 部门, one line each naming the file; empty
 * when they can. Files named twice are the caller's to find (it knows the paths).
 */
export function consolidationProblems(
  department: WorkbookProfile,
  units: readonly { readonly file: string; readonly profile: WorkbookProfile }[],
): string[] {
  const problems: string[] = [];
  if (units.length === 0) problems.push('没有选择任何单位工作簿');
  const byName = new Map<string, string>();
  const byCode = new Map<string, string>();
  for (const { file, profile } of units) {
    if (profile.scope === '部门') {
      problems.push(`“${file}”是部门工作簿（${profile.name}），只能汇总单位工作簿`);
    }
    if (profile.year !== department.year) {
      problems.push(
        `“${file}”是 ${profile.year} 年的预算（${profile.name}），本部门工作簿是 ${department.year} 年`,
      );
    }
    const sameName = byName.get(profile.name);
    if (sameName !== undefined) {
      problems.push(`“${file}”与“${sameName}”都是“${profile.name}”的工作簿，同一单位只能汇总一次`);
    } else byName.set(profile.name, file);
    const code = profile.code?.trim();
    if (code) {
      const sameCode = byCode.get(code);
      if (sameCode !== undefined && sameName === undefined) {
        problems.push(`“${file}”与“${sameCode}”的单位编码都是 ${code}，同一单位只能汇总一次`);
      } else byCode.set(code, file);
    }
  }
  return problems;
}

/** Hands out ids: the existing id of the same thing where there is one, else a fresh one. */
class IdAllocator {
  private readonly byIdentity: Map<string, number>;
  private next: number;

  constructor(existing: readonly { readonly id: number }[], identity: (index: number) => string) {
    this.byIdentity = new Map(existing.map((item, index) => [identity(index), item.id]));
    this.next = Math.max(0, ...existing.map((item) => item.id)) + 1;
  }

  idOf(identity: string): number {
    const known = this.byIdentity.get(identity);
    if (known !== undefined) {
      this.byIdentity.delete(identity);
      return known;
    }
    return this.next++;
  }
}

/** Identities of a list of names, a repeated name counted (项目 names repeat within a unit). */
function withOccurrences(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return `${name}#${count}`;
  });
}

function projectIdentities(projects: readonly Project[], unitId: (project: Project) => number): string[] {
  return withOccurrences(projects.map((project) => `${unitId(project)}|${project.kind}|${project.name}`));
}

function economicIdentity(row: Pick<EconomicRow, 'classCode' | 'deptName' | 'govName'>): string {
  return `${row.classCode}|${row.deptName}|${row.govName ?? ''}`;
}

function byPosition<T extends { readonly position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}

/** Whether a unit has 机关运行经费 to list in the 部门's 表十一. */
function hasOperatingCosts(evaluated: EvaluatedWorkbook): boolean {
  return evaluated.t11.rows.some(
    (row) => row.kind === 'unit' || Object.values(row.cells).some((cell) => (cell.fen ?? 0) !== 0),
  );
}

interface Share {
  readonly fen: Fen;
  readonly isRounded: boolean;
}

/**
 * Derives the 部门's tables from its units, in the order given. Ids of units, projects and 表六
 * rows the 部门 already has are kept, so a second consolidation changes only what changed.
 */
export function consolidate(
  department: WorkbookContent,
  documents: readonly UnitDocument[],
  consolidatedAt: string,
): Consolidation {
  const notes: string[] = [];
  const unitIds = new IdAllocator(department.units, (index) => department.units[index]?.name ?? '');
  const existingProjects = byPosition(department.projects);
  const existingIdentities = projectIdentities(existingProjects, (project) => project.unitId);
  const projectIds = new IdAllocator(existingProjects, (index) => existingIdentities[index] ?? '');
  const economicIds = new IdAllocator(department.economicRows, (index) => {
    const row = department.economicRows[index];
    return row ? economicIdentity(row) : '';
  });

  const units: Unit[] = [];
  const projects: Project[] = [];
  const subjects = new Map<string, SubjectName>();
  const subjectFiles = new Map<string, string>();
  const tableRows = new Map<string, { table: TableKey; row: string }>();
  /** By identity, in the order first met. */
  const economicRows = new Map<string, EconomicRow>();
  const goalSheets: ProjectGoalSheet[] = [];
  const sharesOfUnits: Map<string, Share>[] = [];
  const rowNamesOfUnits: Record<string, string>[] = [];

  documents.forEach((document, index) => {
    const { content, evaluated } = document;
    const supervisor = content.profile.supervisingDepartment;
    if (supervisor !== null && supervisor !== department.profile.name) {
      notes.push(
        `“${document.file}”（${content.profile.name}）的主管部门为“${supervisor}”，不是“${department.profile.name}”`,
      );
    }
    const unitId = unitIds.idOf(content.profile.name);
    units.push({
      id: unitId,
      name: content.profile.name,
      code: content.profile.code,
      unitType: content.profile.unitType,
      position: index + 1,
    });

    for (const subject of content.subjects) {
      const known = subjects.get(subject.code);
      if (known === undefined) {
        subjects.set(subject.code, subject);
        subjectFiles.set(subject.code, document.file);
      } else if (known.name !== subject.name) {
        notes.push(
          `科目 ${subject.code} 在“${document.file}”中名为“${subject.name}”，在“${subjectFiles.get(subject.code) ?? ''}”中名为“${known.name}”；部门表格采用“${known.name}”`,
        );
      }
    }
    for (const entry of content.tableRows) {
      if (SUBJECT_TABLES.has(entry.table)) tableRows.set(`${entry.table}|${entry.row}`, entry);
    }
    if (hasOperatingCosts(evaluated)) {
      tableRows.set(`t11|${rowKey.unit(unitId)}`, { table: 't11', row: rowKey.unit(unitId) });
    }

    const economicKeyOf = new Map<string, string>();
    for (const row of byPosition(content.economicRows)) {
      const identity = economicIdentity(row);
      if (!economicRows.has(identity)) {
        economicRows.set(identity, { ...row, id: economicIds.idOf(identity) });
      }
      economicKeyOf.set(rowKey.economic(row.id), rowKey.economic(economicRows.get(identity)?.id ?? 0));
    }

    const ownProjects = byPosition(content.projects);
    const identities = projectIdentities(ownProjects, () => unitId);
    const projectKeyOf = new Map<string, string>();
    const rowNames: Record<string, string> = {};
    ownProjects.forEach((project, projectIndex) => {
      const id = projectIds.idOf(identities[projectIndex] ?? '');
      projects.push({ id, unitId, kind: project.kind, name: project.name, position: projects.length + 1 });
      projectKeyOf.set(rowKey.project(project.id), rowKey.project(id));
      rowNames[`${project.kind === 'current' ? 't12' : 't13'}|${rowKey.project(id)}`] = project.name;
      const sheet = document.goalSheets.find((candidate) => candidate.projectId === project.id);
      if (sheet) goalSheets.push({ ...sheet, projectId: id });
    });
    for (const row of content.economicRows) {
      const key = economicKeyOf.get(rowKey.economic(row.id));
      if (key !== undefined) rowNames[`t6|${key}`] = `${row.deptName} ${row.govName ?? ''}`.trim();
    }

    const targetsOf = (table: TableKey, row: EvaluatedRow): readonly string[] => {
      switch (table) {
        case 't6':
          return row.kind === 'economic' ? [economicKeyOf.get(row.key) ?? row.key] : [row.key];
        case 't11':
        case 't12':
        case 't13':
          if (row.kind === 'total') return [rowKey.unit(unitId), rowKey.total];
          if (row.kind === 'project') return [projectKeyOf.get(row.key) ?? row.key];
          // A unit's own unit rows repeat its total: the 部门 lists the unit once.
          return [];
        default:
          return [row.key];
      }
    };
    const shares = new Map<string, Share>();
    for (const table of TABLE_KEYS) {
      for (const row of evaluated[table].rows) {
        const targets = targetsOf(table, row);
        for (const [column, cell] of Object.entries(row.cells)) {
          if (cell.fen === null) continue;
          for (const target of targets) {
            const id = cellId({ table, row: target, column });
            const known = shares.get(id);
            shares.set(id, {
              fen: (known?.fen ?? 0) + cell.fen,
              isRounded: (known?.isRounded ?? false) || cell.isRounded,
            });
          }
        }
      }
    }
    sharesOfUnits.push(shares);
    rowNamesOfUnits.push(rowNames);
  });

  // Array.prototype.sort is stable: rows of one 科目 keep the order they were first met in.
  const orderedEconomicRows = [...economicRows.values()]
    .sort(
      (a, b) =>
        economicOrder(a.deptName).localeCompare(economicOrder(b.deptName)) ||
        a.classCode.localeCompare(b.classCode),
    )
    .map((row, index): EconomicRow => ({ ...row, position: index + 1 }));
  const structure: WorkbookContent = {
    profile: department.profile,
    units,
    subjects: [...subjects.values()],
    tableRows: [...tableRows.values()],
    economicRows: orderedEconomicRows,
    projects,
    cells: [],
  };

  const expected = new Map<string, Fen>();
  const rounded = new Set<string>();
  for (const shares of sharesOfUnits) {
    for (const [id, share] of shares) {
      expected.set(id, (expected.get(id) ?? 0) + share.fen);
      if (share.isRounded) rounded.add(id);
    }
  }
  const cells = storedCellsShowing(structure, expected, TABLE_KEYS, (id) => rounded.has(id));
  const overridden = cells.filter((cell) => cell.origin === 'override').length;
  if (overridden > 0) {
    notes.push(
      `部门表格有 ${overridden} 个合计数按各单位所列之和填列、与其下级之和不一致（单位表格的尾差或科目层级不同），已标记为覆盖计算值`,
    );
  }
  const storedIds = new Set(cells.map((cell) => cellId(cell)));
  const consolidatedUnits = units.map((unit, index): ConsolidatedUnit => {
    const figures: Record<string, Fen> = {};
    for (const [id, share] of sharesOfUnits[index] ?? []) if (storedIds.has(id)) figures[id] = share.fen;
    return {
      unitId: unit.id,
      name: unit.name,
      file: documents[index]?.file ?? '',
      fingerprint: documents[index]?.fingerprint ?? '',
      consolidatedAt,
      figures,
      rowNames: rowNamesOfUnits[index] ?? {},
    };
  });
  return { content: { ...structure, cells }, goalSheets, units: consolidatedUnits, notes };
}

/** 表六 rows in the order of the 部门经济分类 catalogue; an unknown name last. */
function economicOrder(deptName: string): string {
  return findDepartmentEconomicSubject(deptName)?.code ?? '99999';
}
