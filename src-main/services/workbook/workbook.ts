import { findDepartmentEconomicSubject, findFunctionalSubject } from '../../../shared/catalogue/lookup';
import { Checker, type Finding } from '../../../shared/checks/engine';
import type { ConsolidatedUnit } from '../../../shared/consolidation/consolidate';
import { consolidationFindings } from '../../../shared/consolidation/rules';
import { type NarrativeSection, applyEdits, narrativeFindings } from '../../../shared/narrative/document';
import { generateNarrative } from '../../../shared/narrative/generate';
import type { NarrativeInputs } from '../../../shared/narrative/inputs';
import type { ProjectGoalSheet, WholeUnitGoalSheet } from '../../../shared/goal-sheets/model';
import { goalSheetFindings } from '../../../shared/goal-sheets/rules';
import { EMPTY_OVERVIEW, type Overview, overviewFindings } from '../../../shared/narrative/overview';
import { AppError, refusedWithProblems } from '../../../shared/errors';
import { type AmountUnit, FEN_PER_PRINTED_CENT, type Fen, parseAmount } from '../../../shared/money';
import { amountColumnsOfSide } from '../../../shared/tables/definitions';
import type { ProjectKind, TableKey } from '../../../shared/tables/types';
import {
  type UnitType,
  type WorkbookContent,
  type WorkbookProfile,
  rowKey,
} from '../../../shared/workbook/content';
import {
  type CellAddress,
  type EvaluatedTable,
  type EvaluatedWorkbook,
  evaluateWorkbook,
  formulaOf,
} from '../../../shared/workbook/evaluate';
import { describeCell } from '../../../shared/workbook/describe';
import { checkedRecordName } from '../../../shared/workbook/record-names';
import type { RowShape } from '../../../shared/workbook/table-rows';
import {
  type WorkbookFile,
  createWorkbookFile,
  openWorkbookFile,
  saveWorkbookCopy,
} from '../../db/workbook-file';
import type { NarrativeEditRecord, ReviewContent } from '../../../shared/review/content';
import { WorkbookReview } from '../review/review';
import { writeReviewContent } from './restore-content';
import { storedNarrativeInputs, withDefaults } from './stored-inputs';
import {
  DOCUMENT_INPUT_KEYS,
  type ExportRecord,
  type PreviousYearRecord,
  WorkbookStore,
} from './workbook-store';

export interface CellEdit extends CellAddress {
  /** The amount as typed: decimal text, blank to clear. */
  readonly text: string;
  readonly unit: AmountUnit;
  /** Required to type over a computed cell; the override stays marked. */
  readonly override?: boolean;
}

export interface BlockPaste {
  readonly table: TableKey;
  readonly row: string;
  readonly column: string;
  /** Rows of cells as copied from Excel or WPS. */
  readonly values: readonly (readonly string[])[];
  readonly unit: AmountUnit;
}

const SUBJECT_TABLES: readonly TableKey[] = ['t2', 't3', 't5', 't7', 't8', 't9'];

/**
 * One open workbook. Every method that changes it is one transaction and one undo step; reads
 * are served from an evaluation cached until the next change.
 */
export class Workbook {
  private readonly store: WorkbookStore;
  private cachedContent: WorkbookContent | null = null;
  private cachedEvaluation: EvaluatedWorkbook | null = null;
  private cachedPreviousYear: PreviousYearRecord | null | undefined = undefined;
  private cachedConsolidatedUnits: ConsolidatedUnit[] | null = null;
  private checker: Checker | null = null;
  private checkedEvaluation: EvaluatedWorkbook | null = null;

  /** 内部审核: state, versions, stamps and comments (src-main/services/review). */
  readonly review: WorkbookReview;

  private constructor(private readonly file: WorkbookFile) {
    this.store = new WorkbookStore(file.db);
    this.review = new WorkbookReview(file, this);
  }

  /** A new workbook file; a 部门's subordinate units follow its own office (本级). */
  static create(
    path: string,
    profile: WorkbookProfile,
    subordinateUnits: readonly { readonly name: string; readonly unitType: UnitType | null }[] = [],
  ): Workbook {
    validateProfile(profile);
    const units = [
      { name: profile.name, code: profile.code, unitType: profile.unitType },
      ...subordinateUnits.map((unit) => ({ name: unit.name.trim(), code: null, unitType: unit.unitType })),
    ];
    if (units.some((unit) => unit.name === ''))
      throw new AppError('INVALID_PROFILE', '下属单位的名称不能为空');
    units.forEach((unit) => checkedRecordName(unit.name, '单位'));
    // Imports and consolidation find a unit by its name, as renameUnit keeps it unique.
    const repeated = units.find(
      (unit, index) => units.findIndex((other) => other.name === unit.name) < index,
    );
    if (repeated) throw new AppError('INVALID_PROFILE', `已有名为“${repeated.name}”的单位，单位名称不能重复`);
    const workbook = new Workbook(createWorkbookFile(path));
    // Creation is not an undoable edit: there is nothing before it to go back to.
    workbook.file.db.transaction(() => {
      workbook.store.writeProfile(profile);
      units.forEach((unit, index) => workbook.store.insertUnit({ ...unit, position: index + 1 }));
    })();
    return workbook;
  }

  static open(path: string): Workbook {
    return new Workbook(openWorkbookFile(path));
  }

  get path(): string {
    return this.file.path;
  }

  get migrationBackup(): string | null {
    return this.file.migrationBackup;
  }

  content(): WorkbookContent {
    this.cachedContent ??= this.store.loadContent();
    return this.cachedContent;
  }

  evaluate(): EvaluatedWorkbook {
    this.cachedEvaluation ??= evaluateWorkbook(this.content());
    return this.cachedEvaluation;
  }

  /**
   * The 审核 findings of the tables and of rewritten 情况说明 sentences; after an edit only the
   * table comparisons reading changed cells run again.
   */
  findings(): Finding[] {
    const evaluated = this.evaluate();
    if (this.checker === null) this.checker = new Checker(evaluated);
    else if (this.checkedEvaluation !== evaluated) this.checker.update(evaluated);
    this.checkedEvaluation = evaluated;
    return [
      ...this.checker.findings(),
      ...consolidationFindings(evaluated, this.consolidatedUnits()),
      ...goalSheetFindings(this.content(), evaluated, this.goalSheets()),
      ...narrativeFindings(this.narrative()),
      ...overviewFindings(this.overview(), this.content().profile.year),
    ];
  }

  /** Last year's document, when one was imported (see services/last-year). */
  previousYear(): PreviousYearRecord | null {
    if (this.cachedPreviousYear === undefined) this.cachedPreviousYear = this.store.previousYear();
    return this.cachedPreviousYear;
  }

  /** The units a 部门 was consolidated from (see services/consolidation); none for others. */
  consolidatedUnits(): ConsolidatedUnit[] {
    this.cachedConsolidatedUnits ??= this.store.consolidatedUnits();
    return this.cachedConsolidatedUnits;
  }

  narrativeInputs(): NarrativeInputs {
    return storedNarrativeInputs(this.store);
  }

  setNarrativeInputs(inputs: NarrativeInputs): void {
    this.edit('修改情况说明的填报内容', (store) =>
      store.writeDocumentInput(DOCUMENT_INPUT_KEYS.narrative, inputs),
    );
  }

  /**
   * 第三部分 as printed: generated sentences, or the user's rewrites, flagged when stale; from the
   * tables as evaluated, or from another version of them (the print after 尾差调整).
   */
  narrative(evaluated: EvaluatedWorkbook = this.evaluate()): NarrativeSection[] {
    const goals = { sheets: this.goalSheets(), wholeUnit: this.wholeUnitGoalSheet() };
    const generated = generateNarrative(this.content(), evaluated, this.narrativeInputs(), goals);
    return applyEdits(generated, this.store.narrativeEdits());
  }

  /** 第一部分 概况. */
  overview(): Overview {
    return withDefaults(
      EMPTY_OVERVIEW,
      this.store.readDocumentInput(DOCUMENT_INPUT_KEYS.overview),
    ) as Overview;
  }

  setOverview(overview: Overview): void {
    this.edit('修改概况', (store) => store.writeDocumentInput(DOCUMENT_INPUT_KEYS.overview, overview));
  }

  goalSheets(): ProjectGoalSheet[] {
    return this.store.goalSheets();
  }

  /** Stores a project's 绩效目标表 (replacing the one it had). */
  setGoalSheet(sheet: ProjectGoalSheet): void {
    const project = this.content().projects.find((candidate) => candidate.id === sheet.projectId);
    if (!project) throw new AppError('INVALID_ROW', `找不到编号为 ${sheet.projectId} 的项目`);
    if (!sheet.isPublished && sheet.unpublishedReason.trim() === '') {
      throw new AppError('INVALID_INPUT', `项目“${project.name}”的绩效目标表不公开时，需要说明理由`);
    }
    this.edit(`修改绩效目标表 ${project.name}`, (store) => store.writeGoalSheet(project.id, sheet));
  }

  wholeUnitGoalSheet(): WholeUnitGoalSheet | null {
    return (
      (this.store.readDocumentInput(DOCUMENT_INPUT_KEYS.wholeUnitGoalSheet) as
        WholeUnitGoalSheet | undefined) ?? null
    );
  }

  setWholeUnitGoalSheet(sheet: WholeUnitGoalSheet | null): void {
    this.edit('修改整体支出绩效目标表', (store) =>
      store.writeDocumentInput(DOCUMENT_INPUT_KEYS.wholeUnitGoalSheet, sheet),
    );
  }

  /** Keeps the user's wording of a sentence; an empty text goes back to the generated one. */
  editSentence(sentenceId: string, text: string): void {
    const sentence = this.narrative()
      .flatMap((section) => section.sentences)
      .find((candidate) => candidate.id === sentenceId);
    if (!sentence) throw new AppError('INVALID_ROW', `情况说明中没有编号为“${sentenceId}”的句子`);
    const trimmed = text.trim();
    this.edit(trimmed === '' ? '恢复情况说明的生成句子' : '改写情况说明的句子', (store) =>
      store.writeNarrativeEdit(
        sentenceId,
        trimmed === '' ? null : { text: trimmed, generatedText: sentence.generatedText },
      ),
    );
  }

  /** The user's rewrites of 情况说明 sentences, each with the generated text it replaced. */
  narrativeEdits(): NarrativeEditRecord[] {
    return [...this.store.narrativeEdits()].map(([sentenceId, edit]) => ({ sentenceId, ...edit }));
  }

  table(key: TableKey): EvaluatedTable {
    return this.evaluate()[key];
  }

  /**
   * Runs `action` as one transaction and one undo step. The workbook is evaluated before the
   * commit, so an edit whose sums cannot be computed is rolled back, not stored.
   */
  edit<T>(label: string, action: (store: WorkbookStore) => T): T {
    this.review.assertEditable();
    this.invalidate();
    try {
      return this.file.history.record(label, () => {
        const result = action(this.store);
        this.invalidate();
        this.evaluate();
        return result;
      });
    } catch (error) {
      this.invalidate();
      throw error;
    }
  }

  /**
   * Makes the whole content `target` (a review version's) as one undo step. `verify` sees the
   * content as written, before the commit: what it throws rolls the edit back.
   */
  replaceContent(label: string, before: ReviewContent, target: ReviewContent, verify: () => void): void {
    this.edit(label, (store) => {
      writeReviewContent(store, before, target);
      this.invalidate();
      verify();
    });
  }

  private invalidate(): void {
    this.cachedContent = null;
    this.cachedEvaluation = null;
    this.cachedPreviousYear = undefined;
    this.cachedConsolidatedUnits = null;
  }

  setCell(edit: CellEdit): void {
    const target = this.resolveCell(edit, edit.override === true);
    const fen = this.parseFor(edit, edit.text, edit.unit);
    const origin = target.isComputed ? 'override' : 'input';
    this.edit(`修改 ${describeCell(this.table(edit.table), edit)}`, (store) =>
      store.writeCell({ ...cellOf(edit), fen, origin, isRounded: isRoundedEntry(fen, edit.unit) }),
    );
  }

  /** Removes an override so the cell shows its computed value again. */
  clearOverride(address: CellAddress): void {
    const target = this.resolveCell(address, true);
    if (!target.isComputed) return;
    this.edit(`恢复计算值 ${describeCell(this.table(address.table), address)}`, (store) =>
      store.writeCell({ ...cellOf(address), fen: null, origin: 'override', isRounded: false }),
    );
  }

  /** Pastes a block of input cells; any bad value or computed target refuses the whole block. */
  pasteBlock(paste: BlockPaste): void {
    const table = this.table(paste.table);
    const startIndex = table.rows.findIndex((row) => row.key === paste.row);
    const start = table.rows[startIndex];
    if (start === undefined) throw unknownCell(table, paste);
    const columns = amountColumnsOfSide(table.definition, start.side);
    const firstColumn = columns.indexOf(paste.column);
    if (firstColumn < 0) throw unknownCell(table, paste);
    const writes: { row: string; column: string; fen: Fen | null }[] = [];
    const problems: string[] = [];
    paste.values.forEach((line, lineIndex) => {
      const row = table.rows[startIndex + lineIndex];
      line.forEach((text, columnIndex) => {
        const column = columns[firstColumn + columnIndex];
        if (row === undefined || column === undefined || row.side !== start.side) {
          problems.push(
            `粘贴区域第 ${lineIndex + 1} 行第 ${columnIndex + 1} 列超出了${table.definition.shortName}的范围`,
          );
          return;
        }
        const address = { table: paste.table, row: row.key, column };
        if (formulaOf(table.definition, row, column) !== null) {
          problems.push(`${describeCell(table, address)}是计算值，不能粘贴`);
          return;
        }
        const parsed = parseAmount(text, paste.unit);
        if (!parsed.ok) problems.push(`${describeCell(table, address)}：${parsed.reason}`);
        else writes.push({ row: row.key, column, fen: parsed.fen });
      });
    });
    if (problems.length > 0) {
      throw refusedWithProblems('粘贴', problems, { table: table.definition.shortName }, 'INVALID_AMOUNT');
    }
    this.edit(`粘贴到${table.definition.shortName}`, (store) => {
      for (const write of writes) {
        const isRounded = isRoundedEntry(write.fen, paste.unit);
        store.writeCell({
          table: paste.table,
          row: write.row,
          column: write.column,
          fen: write.fen,
          origin: 'input',
          isRounded,
        });
      }
    });
  }

  /**
   * Adds a 科目 row; its missing 类/款 rows come with it. When a row gains its first child, the
   * amounts typed on it move down to that child, since it is now a sum.
   */
  addSubjectRow(request: {
    table: TableKey;
    code: string;
    name?: string;
    side?: 'income' | 'expenditure';
  }): void {
    if (!SUBJECT_TABLES.includes(request.table)) {
      throw new AppError('INVALID_ROW', `${this.table(request.table).definition.shortName}没有科目行`);
    }
    const code = request.code.trim();
    const isRevenue = request.table === 't7' || (request.table === 't9' && request.side === 'income');
    const validCode = isRevenue ? /^\d{3}(\d{2}){0,3}$/ : /^\d{3}(\d{2}){0,2}$/;
    if (!validCode.test(code)) {
      throw new AppError(
        'INVALID_ROW',
        `“${request.code}”不是有效的科目编码（类 3 位、款 5 位、项 7 位数字）`,
      );
    }
    const prefix = request.table === 't9' && request.side === 'income' ? rowKey.capitalIncome('') : '';
    const content = this.content();
    const known = new Map(content.subjects.map((subject) => [subject.code, subject]));
    const year = content.profile.year;
    const lineage = [code];
    for (let length = code.length - 2; length >= 3; length -= 2) lineage.unshift(code.slice(0, length));
    const present = new Set(
      content.tableRows.filter((entry) => entry.table === request.table).map((entry) => entry.row),
    );
    const nameOf = (candidate: string) =>
      known.get(candidate)?.name ?? (isRevenue ? undefined : findFunctionalSubject(candidate, year)?.name);
    const ownName = request.name?.trim() || nameOf(code);
    if (ownName === undefined) {
      throw new AppError(
        'INVALID_ROW',
        `科目编码 ${code} 不在 ${year} 年科目目录中，请同时填写科目名称（将标记为自行添加）`,
      );
    }
    const table = this.table(request.table);
    this.edit(`在${table.definition.shortName}添加科目 ${code}`, (store) => {
      // Amounts typed on the nearest existing row, if it has no rows below yet, move straight
      // to the new deepest row: the rows created in between are sums.
      if (!present.has(prefix + code))
        this.moveAmountsOfChildlessAncestor(store, table, code, prefix, prefix + code);
      for (const candidate of lineage) {
        const key = prefix + candidate;
        if (present.has(key)) continue;
        const name = candidate === code ? ownName : nameOf(candidate);
        if (name === undefined) continue;
        const existing = known.get(candidate);
        const isRenamed = candidate === code && existing !== undefined && existing.name !== name;
        if (existing === undefined || isRenamed) {
          const inCatalogue = !isRevenue && findFunctionalSubject(candidate, year)?.name === name;
          store.upsertSubject({ code: candidate, name, isUserAdded: !inCatalogue });
        }
        store.insertTableRow(request.table, key);
        present.add(key);
      }
    });
  }

  private moveAmountsOfChildlessAncestor(
    store: WorkbookStore,
    table: EvaluatedTable,
    code: string,
    prefix: string,
    newKey: string,
  ): void {
    for (let length = code.length - 2; length >= 3; length -= 2) {
      const ancestor = table.rows.find((row) => row.key === prefix + code.slice(0, length));
      if (!ancestor) continue;
      if (ancestor.childKeys.length > 0) return;
      for (const cell of store.cellsOfRow(table.definition.key, ancestor.key)) {
        if (cell.origin === 'input') store.writeCell({ ...cell, row: newKey });
      }
      store.deleteCellsOfRow(table.definition.key, ancestor.key);
      return;
    }
  }

  /** Removes a 科目 row with everything below it. */
  removeSubjectRow(request: { table: TableKey; row: string }): void {
    const table = this.table(request.table);
    const doomed = collectSubtree(table, request.row);
    if (doomed.length === 0) throw unknownCell(table, { row: request.row, column: '' });
    this.edit(`从${table.definition.shortName}删除科目 ${request.row}`, (store) => {
      for (const key of doomed) store.deleteTableRow(request.table, key);
    });
  }

  addUnit(request: { name: string; unitType: UnitType | null; code?: string }): number {
    const name = checkedRecordName(request.name, '单位');
    return this.edit(`添加单位 ${name}`, (store) =>
      store.insertUnit({
        name,
        code: request.code ?? null,
        unitType: request.unitType,
        position: store.nextPosition('units'),
      }),
    );
  }

  removeUnit(unitId: number): void {
    const content = this.content();
    const unit = content.units.find((candidate) => candidate.id === unitId);
    if (!unit) throw new AppError('INVALID_ROW', `找不到编号为 ${unitId} 的单位`);
    if (content.units.length === 1) throw new AppError('INVALID_ROW', '工作簿至少要有一个单位');
    this.edit(`删除单位 ${unit.name}`, (store) => {
      for (const project of content.projects.filter((candidate) => candidate.unitId === unitId)) {
        this.deleteProjectRows(store, project.id, project.kind);
      }
      // Overrides may sit on the unit's own rows of 表十二/表十三 as well as on 表十一.
      for (const table of ['t11', 't12', 't13'] as const) store.deleteTableRow(table, rowKey.unit(unitId));
      store.deleteConsolidatedUnit(unitId);
      store.deleteUnit(unitId);
    });
  }

  /**
   * Renames a unit in place: its projects, rows and figures follow its id. Names are unique
   * among units, since imports and 表十一 find a unit by its name.
   */
  renameUnit(unitId: number, newName: string): void {
    this.review.assertEditable();
    const { units } = this.content();
    const unit = units.find((candidate) => candidate.id === unitId);
    if (!unit) throw new AppError('INVALID_ROW', `找不到编号为 ${unitId} 的单位`);
    const name = checkedRecordName(newName, '单位');
    if (name === unit.name) return;
    if (units.some((other) => other.name === name)) {
      throw new AppError('INVALID_ROW', `已有名为“${name}”的单位，单位名称不能重复`);
    }
    this.edit(`重命名单位 ${unit.name} → ${name}`, (store) => store.upsertUnit({ ...unit, name }));
  }

  /** Lists a unit in 表十一 (it has 机关运行经费) or takes it out with its amounts. */
  setUnitInOperatingCosts(unitId: number, isListed: boolean): void {
    this.edit(isListed ? '在表十一列出单位' : '从表十一移除单位', (store) => {
      if (isListed) store.insertTableRow('t11', rowKey.unit(unitId));
      else store.deleteTableRow('t11', rowKey.unit(unitId));
    });
  }

  addProject(request: { unitId: number; kind: ProjectKind; name: string }): number {
    const name = checkedRecordName(request.name, '项目');
    if (!this.content().units.some((unit) => unit.id === request.unitId)) {
      throw new AppError('INVALID_ROW', `找不到编号为 ${request.unitId} 的单位`);
    }
    return this.edit(`添加项目 ${name}`, (store) =>
      store.insertProject({
        unitId: request.unitId,
        kind: request.kind,
        name,
        position: store.nextPosition('projects'),
      }),
    );
  }

  removeProject(projectId: number): void {
    const project = this.content().projects.find((candidate) => candidate.id === projectId);
    if (!project) throw new AppError('INVALID_ROW', `找不到编号为 ${projectId} 的项目`);
    this.edit(`删除项目 ${project.name}`, (store) => this.deleteProjectRows(store, projectId, project.kind));
  }

  /**
   * Renames a project in place: its 表十二/表十三 row, figures and 绩效目标表 follow its id.
   * Two projects of one unit in one table may not share a name: the 绩效目标表 import pairs a
   * sheet with its project by name and unit.
   */
  renameProject(projectId: number, newName: string): void {
    this.review.assertEditable();
    const { projects, units } = this.content();
    const project = projects.find((candidate) => candidate.id === projectId);
    if (!project) throw new AppError('INVALID_ROW', `找不到编号为 ${projectId} 的项目`);
    const name = checkedRecordName(newName, '项目');
    if (name === project.name) return;
    const isTaken = projects.some(
      (other) => other.unitId === project.unitId && other.kind === project.kind && other.name === name,
    );
    if (isTaken) {
      const unitName = units.find((unit) => unit.id === project.unitId)?.name ?? '';
      const table = project.kind === 'current' ? '表十二' : '表十三';
      throw new AppError(
        'INVALID_ROW',
        `${table}中${unitName}已有名为“${name}”的项目，同一单位的项目名称不能重复`,
      );
    }
    this.edit(`重命名项目 ${project.name} → ${name}`, (store) => store.upsertProject({ ...project, name }));
  }

  private deleteProjectRows(store: WorkbookStore, projectId: number, kind: ProjectKind): void {
    store.deleteCellsOfRow(kind === 'current' ? 't12' : 't13', rowKey.project(projectId));
    store.writeGoalSheet(projectId, null);
    store.deleteProject(projectId);
  }

  /** Adds a 表六 row, placed where the 部门经济分类 catalogue orders it. */
  addEconomicRow(request: { deptName: string; govName: string | null }): number {
    const department = findDepartmentEconomicSubject(request.deptName);
    if (!department || department.code.length !== 5) {
      throw new AppError('INVALID_ROW', `“${request.deptName}”不是部门预算支出经济分类的款级科目`);
    }
    const classCode = department.code.slice(0, 3);
    const rows = [...this.content().economicRows].sort((a, b) => a.position - b.position);
    const codeOf = (name: string) => findDepartmentEconomicSubject(name)?.code ?? '99999';
    const following = rows.find((row) => codeOf(row.deptName) > department.code);
    return this.edit(`在表六添加 ${department.name}`, (store) => {
      const position = following?.position ?? store.nextPosition('economic_rows');
      if (following) store.shiftPositions('economic_rows', position);
      return store.insertEconomicRow({
        classCode,
        deptName: department.name,
        govName: request.govName,
        position,
      });
    });
  }

  removeEconomicRow(rowId: number): void {
    this.edit('从表六删除一行', (store) => {
      store.deleteCellsOfRow('t6', rowKey.economic(rowId));
      store.deleteEconomicRow(rowId);
    });
  }

  updateProfile(changes: Partial<WorkbookProfile>): void {
    const profile = { ...this.content().profile, ...changes };
    validateProfile(profile);
    this.edit('修改单位信息', (store) => store.writeProfile(profile));
  }

  /**
   * Whether an export of this kind may go ahead, asked before the work and again when it is
   * recorded. A final export needs the workbook 已定稿 with its approved content unchanged;
   * while 错误 findings exist it is refused unless the user gives a reason, which is kept with it.
   */
  assertExportAllowed(
    kind: 'draft' | 'final',
    overrideReason = '',
  ): { readonly errorCount: number; readonly reason: string } {
    if (kind === 'final') this.review.assertFinalExportAllowed();
    const errorCount = this.findings().filter((finding) => finding.severity === '错误').length;
    const reason = overrideReason.trim();
    if (kind === 'final' && errorCount > 0 && reason === '') {
      throw new AppError(
        'FINAL_EXPORT_BLOCKED',
        `审核发现 ${errorCount} 项“错误”，不能导出正式版；请先改正，或说明理由后强制导出（理由会记录在工作簿中）。`,
      );
    }
    return { errorCount, reason };
  }

  /**
   * Records an export in the workbook's log (not an undoable edit), checked again as
   * assertExportAllowed says: the workbook may have changed while the file was written.
   */
  recordExport(request: {
    kind: 'draft' | 'final';
    format: 'pdf' | 'xlsx';
    file: string;
    overrideReason?: string;
  }): ExportRecord {
    const { errorCount, reason } = this.assertExportAllowed(request.kind, request.overrideReason);
    const record: ExportRecord = {
      kind: request.kind,
      format: request.format,
      file: request.file,
      exportedAt: new Date().toISOString(),
      errorCount,
      overrideReason: reason === '' ? null : reason,
    };
    this.file.db.transaction(() => this.store.insertExport(record))();
    return record;
  }

  exports(): ExportRecord[] {
    return this.store.exports();
  }

  /** The labels of the steps undo and redo would take back or do again; null when there is none. */
  historyLabels(): { readonly undo: string | null; readonly redo: string | null } {
    return this.file.history.nextLabels();
  }

  /** Returns the label of the step undone, or null when there was nothing to undo. */
  undo(): string | null {
    this.review.assertEditable();
    try {
      return this.file.history.undo();
    } finally {
      this.invalidate();
    }
  }

  redo(): string | null {
    this.review.assertEditable();
    try {
      return this.file.history.redo();
    } finally {
      this.invalidate();
    }
  }

  saveAs(destination: string): Promise<void> {
    return saveWorkbookCopy(this.file, destination);
  }

  close(): void {
    this.file.close();
  }

  private resolveCell(address: CellAddress, allowComputed: boolean): { row: RowShape; isComputed: boolean } {
    const table = this.table(address.table);
    const row = table.rows.find((candidate) => candidate.key === address.row);
    if (!row || !amountColumnsOfSide(table.definition, row.side).includes(address.column)) {
      throw unknownCell(table, address);
    }
    const isComputed = formulaOf(table.definition, row, address.column) !== null;
    if (isComputed && !allowComputed) {
      throw new AppError(
        'COMPUTED_CELL',
        `${describeCell(table, address)}由公式计算，不能直接修改；如确需改写，请选择“覆盖计算值”，覆盖会被标记出来。`,
        cellDetails(table, address),
      );
    }
    return { row, isComputed };
  }

  private parseFor(address: CellAddress, text: string, unit: AmountUnit): Fen | null {
    const parsed = parseAmount(text, unit);
    if (!parsed.ok) {
      const table = this.table(address.table);
      throw new AppError(
        'INVALID_AMOUNT',
        `${describeCell(table, address)}：${parsed.reason}，未作修改。`,
        cellDetails(table, address),
      );
    }
    return parsed.fen;
  }
}

/** The table, row and column of an address, without anything else the object carries. */
function cellOf(address: CellAddress): CellAddress {
  return { table: address.table, row: address.row, column: address.column };
}

/**
 * An amount typed in 万元 with at most two decimals is a rounded figure, like the published
 * tables; one typed in 元, or in 万元 to the 元, is exact.
 */
function isRoundedEntry(fen: Fen | null, unit: AmountUnit): boolean {
  return unit === 'wanYuan' && fen !== null && fen % FEN_PER_PRINTED_CENT === 0;
}

function validateProfile(profile: WorkbookProfile): void {
  if (profile.name.trim() === '') throw new AppError('INVALID_PROFILE', '单位名称不能为空');
  if (!Number.isInteger(profile.year) || profile.year < 2000 || profile.year > 2100) {
    throw new AppError('INVALID_PROFILE', `预算年度“${profile.year}”无效，应为 2000 至 2100 之间的年份`);
  }
  if (profile.scope !== '部门' && profile.scope !== '单位') {
    throw new AppError('INVALID_PROFILE', `公开主体“${String(profile.scope)}”无效，应为“部门”或“单位”`);
  }
}

function collectSubtree(table: EvaluatedTable, key: string): string[] {
  const row = table.rows.find((candidate) => candidate.key === key);
  if (!row || row.kind !== 'subject') return [];
  return [key, ...row.childKeys.flatMap((child) => collectSubtree(table, child))];
}

function cellDetails(table: EvaluatedTable, address: { row: string; column: string }) {
  return { table: table.definition.shortName, row: address.row, column: address.column };
}

function unknownCell(table: EvaluatedTable, address: { row: string; column: string }): AppError {
  return new AppError(
    'UNKNOWN_CELL',
    `${table.definition.shortName}中没有行“${address.row}”的“${address.column}”列金额单元格`,
    cellDetails(table, address),
  );
}
