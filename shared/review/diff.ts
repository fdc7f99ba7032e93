/**
 * The difference between two versions of a workbook (or a version and the content as it is
 * now): what was entered or written differently. Cells are named as the tables print them,
 * amounts in 万元; goal-sheet and document fields by their labels; rewritten 情况说明
 * sentences with their printed text before and after. Totals and generated sentences are
 * not listed: they follow from what is.
 */
import type { ProjectGoalSheet } from '../goal-sheets/model';
import { type Fen, formatWanYuanExact } from '../money';
import { applyEdits } from '../narrative/document';
import { generateNarrative } from '../narrative/generate';
import { amountColumnsOfSide } from '../tables/definitions';
import { TABLE_KEYS, type TableKey } from '../tables/types';
import type { StoredCell, StoredCellOrigin } from '../workbook/content';
import { describeCell, printedRowNumber, rowReference } from '../workbook/describe';
import { type EvaluatedWorkbook, cellId, evaluateWorkbook } from '../workbook/evaluate';
import type { ReviewContent } from './content';
import {
  type FieldValue,
  NARRATIVE_INPUT_FIELDS,
  OVERVIEW_FIELDS,
  PROFILE_FIELDS,
  PROJECT_GOAL_SHEET_FIELDS,
  WHOLE_UNIT_GOAL_SHEET_FIELDS,
  fieldValues,
} from './fields';

export interface CellChange {
  readonly table: TableKey;
  readonly row: string;
  readonly column: string;
  /** 表二 第5行（2101102 事业单位医疗）“一般公共预算”列 */
  readonly place: string;
  /** 万元, blank for no entry; an override is marked. */
  readonly before: string;
  readonly after: string;
  readonly beforeFen: Fen | null;
  readonly afterFen: Fen | null;
  readonly beforeOrigin: StoredCellOrigin | null;
  readonly afterOrigin: StoredCellOrigin | null;
}

/** A field, or a record added or removed: `area` the sheet or list, `item` the field or record. */
export interface FieldChange {
  readonly area: string;
  readonly item: string;
  readonly before: string;
  readonly after: string;
}

export interface SentenceChange {
  readonly sectionNo: string;
  readonly sectionTitle: string;
  readonly sentenceId: string;
  readonly before: string;
  readonly after: string;
}

export interface VersionDiff {
  /** 第 1 版, or 当前内容. */
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly cells: readonly CellChange[];
  /** Units, projects, 科目 names, 表六 rows and the rows each table lists. */
  readonly structure: readonly FieldChange[];
  readonly goalSheets: readonly FieldChange[];
  /** 单位信息, 第一部分 概况 and the 情况说明 inputs. */
  readonly document: readonly FieldChange[];
  readonly sentences: readonly SentenceChange[];
}

export function diffVersions(
  before: ReviewContent,
  after: ReviewContent,
  labels: { readonly from: string; readonly to: string },
): VersionDiff {
  const evaluations = lazyEvaluations(before, after);
  return {
    fromLabel: labels.from,
    toLabel: labels.to,
    cells: cellChanges(before, after, evaluations),
    structure: structureChanges(before, after, evaluations),
    goalSheets: goalSheetChanges(before, after),
    document: [
      ...fieldChanges(
        '单位信息',
        fieldValues(PROFILE_FIELDS, before.profile),
        fieldValues(PROFILE_FIELDS, after.profile),
      ),
      ...fieldChanges(
        '第一部分 概况',
        fieldValues(OVERVIEW_FIELDS, before.overview),
        fieldValues(OVERVIEW_FIELDS, after.overview),
      ),
      ...fieldChanges(
        '情况说明填报内容',
        fieldValues(NARRATIVE_INPUT_FIELDS, before.narrativeInputs),
        fieldValues(NARRATIVE_INPUT_FIELDS, after.narrativeInputs),
      ),
    ],
    sentences: sentenceChanges(before, after, evaluations),
  };
}

interface Evaluations {
  readonly before: () => EvaluatedWorkbook;
  readonly after: () => EvaluatedWorkbook;
}

/** Evaluating a large workbook takes a while; only a difference that names rows needs it. */
function lazyEvaluations(before: ReviewContent, after: ReviewContent): Evaluations {
  let evaluatedBefore: EvaluatedWorkbook | null = null;
  let evaluatedAfter: EvaluatedWorkbook | null = null;
  return {
    before: () => (evaluatedBefore ??= evaluateWorkbook(before)),
    after: () => (evaluatedAfter ??= evaluateWorkbook(after)),
  };
}

function cellText(cell: StoredCell | undefined): string {
  if (cell === undefined) return '';
  return `${formatWanYuanExact(cell.fen)}${cell.origin === 'override' ? '（覆盖计算值）' : ''}`;
}

function cellChanges(before: ReviewContent, after: ReviewContent, evaluations: Evaluations): CellChange[] {
  const beforeCells = new Map(before.cells.map((cell) => [cellId(cell), cell]));
  const afterCells = new Map(after.cells.map((cell) => [cellId(cell), cell]));
  const changed: { old: StoredCell | undefined; now: StoredCell | undefined }[] = [];
  for (const id of new Set([...beforeCells.keys(), ...afterCells.keys()])) {
    const old = beforeCells.get(id);
    const now = afterCells.get(id);
    if (old?.fen !== now?.fen || old?.origin !== now?.origin || old?.isRounded !== now?.isRounded) {
      changed.push({ old, now });
    }
  }
  if (changed.length === 0) return [];
  const changes = changed.map(({ old, now }) => {
    const address = (now ?? old) as StoredCell;
    // Named as printed in the version that has the cell's row, the later one first.
    const evaluated = rowExists(evaluations.after(), address) ? evaluations.after() : evaluations.before();
    const table = evaluated[address.table];
    let beforeText = cellText(old);
    let afterText = cellText(now);
    if (beforeText === afterText) {
      // Only the precision changed: the same amount, typed in 元 instead of 万元 or back.
      beforeText += old?.isRounded ? '（万元取整）' : '（精确到元）';
      afterText += now?.isRounded ? '（万元取整）' : '（精确到元）';
    }
    return {
      order: [
        TABLE_KEYS.indexOf(address.table),
        printedRowNumber(table, address.row),
        columnIndex(evaluated, address),
      ],
      change: {
        table: address.table,
        row: address.row,
        column: address.column,
        place: describeCell(table, address),
        before: beforeText,
        after: afterText,
        beforeFen: old?.fen ?? null,
        afterFen: now?.fen ?? null,
        beforeOrigin: old?.origin ?? null,
        afterOrigin: now?.origin ?? null,
      },
    };
  });
  return changes.sort((a, b) => compareOrder(a.order, b.order)).map((entry) => entry.change);
}

function rowExists(evaluated: EvaluatedWorkbook, address: { table: TableKey; row: string }): boolean {
  return evaluated[address.table].rows.some((row) => row.key === address.row);
}

function columnIndex(
  evaluated: EvaluatedWorkbook,
  address: { table: TableKey; row: string; column: string },
): number {
  const table = evaluated[address.table];
  const row = table.rows.find((candidate) => candidate.key === address.row);
  return amountColumnsOfSide(table.definition, row?.side ?? 'main').indexOf(address.column);
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function fieldChanges(
  area: string,
  before: readonly FieldValue[],
  after: readonly FieldValue[],
): FieldChange[] {
  return after.flatMap((field, index) => {
    const old = before[index]?.text ?? '';
    return old === field.text ? [] : [{ area, item: field.label, before: old, after: field.text }];
  });
}

/**
 * Records compared by their key: a record added or removed is one change summarising it; a
 * record in both, one change per field that differs.
 */
function recordChanges<T>(
  area: string,
  before: readonly T[],
  after: readonly T[],
  keyOf: (record: T) => string,
  nameOf: (record: T) => string,
  fields: readonly (readonly [string, (record: T) => string])[],
): FieldChange[] {
  const old = new Map(before.map((record) => [keyOf(record), record]));
  const now = new Map(after.map((record) => [keyOf(record), record]));
  const summary = (record: T) => fields.map(([label, read]) => `${label}：${read(record)}`).join('；');
  const changes: FieldChange[] = [];
  for (const [key, record] of old) {
    if (!now.has(key))
      changes.push({ area, item: nameOf(record), before: summary(record), after: '（已删除）' });
  }
  for (const [key, record] of now) {
    const previous = old.get(key);
    if (previous === undefined) {
      changes.push({ area, item: nameOf(record), before: '（无）', after: summary(record) });
      continue;
    }
    for (const [label, read] of fields) {
      if (read(previous) !== read(record)) {
        changes.push({
          area,
          item: `${nameOf(record)}·${label}`,
          before: read(previous),
          after: read(record),
        });
      }
    }
  }
  return changes;
}

const PROJECT_KIND_LABEL = { current: '本年项目（表十二）', carryover: '上年结转项目（表十三）' } as const;

function structureChanges(
  before: ReviewContent,
  after: ReviewContent,
  evaluations: Evaluations,
): FieldChange[] {
  const unitName = (id: number) =>
    (after.units.find((unit) => unit.id === id) ?? before.units.find((unit) => unit.id === id))?.name ??
    `单位${id}`;
  return [
    ...recordChanges(
      '单位',
      before.units,
      after.units,
      (unit) => String(unit.id),
      (unit) => unit.name,
      [
        ['名称', (unit) => unit.name],
        ['编码', (unit) => unit.code ?? ''],
        ['单位类型', (unit) => unit.unitType ?? ''],
        ['排序', (unit) => String(unit.position)],
      ],
    ),
    ...recordChanges(
      '项目',
      before.projects,
      after.projects,
      (project) => String(project.id),
      (project) => project.name,
      [
        ['名称', (project) => project.name],
        ['类型', (project) => PROJECT_KIND_LABEL[project.kind]],
        ['实施单位', (project) => unitName(project.unitId)],
        ['排序', (project) => String(project.position)],
      ],
    ),
    ...recordChanges(
      '科目名称',
      before.subjects,
      after.subjects,
      (subject) => subject.code,
      (subject) => `${subject.code} ${subject.name}`,
      [
        ['名称', (subject) => subject.name],
        ['自行添加', (subject) => (subject.isUserAdded ? '是' : '否')],
      ],
    ),
    ...recordChanges(
      '表六 经济科目',
      before.economicRows,
      after.economicRows,
      (row) => String(row.id),
      (row) => row.deptName,
      [
        ['部门经济科目', (row) => row.deptName],
        ['政府经济科目', (row) => row.govName ?? ''],
        ['类', (row) => row.classCode],
        ['排序', (row) => String(row.position)],
      ],
    ),
    ...tableRowChanges(before, after, evaluations),
  ];
}

/** The 科目 and unit rows a table lists, added or taken out. */
function tableRowChanges(
  before: ReviewContent,
  after: ReviewContent,
  evaluations: Evaluations,
): FieldChange[] {
  const keyOf = (entry: { table: TableKey; row: string }) => `${entry.table}|${entry.row}`;
  const old = new Set(before.tableRows.map(keyOf));
  const now = new Set(after.tableRows.map(keyOf));
  const name = (entry: { table: TableKey; row: string }, evaluated: EvaluatedWorkbook) => {
    const table = evaluated[entry.table];
    return `${table.definition.shortName} ${rowReference(table, entry.row)}`;
  };
  return [
    ...before.tableRows
      .filter((entry) => !now.has(keyOf(entry)))
      .map((entry) => ({
        area: '表格行',
        item: name(entry, evaluations.before()),
        before: '列出',
        after: '（已删除）',
      })),
    ...after.tableRows
      .filter((entry) => !old.has(keyOf(entry)))
      .map((entry) => ({
        area: '表格行',
        item: name(entry, evaluations.after()),
        before: '（未列出）',
        after: '列出',
      })),
  ];
}

function goalSheetChanges(before: ReviewContent, after: ReviewContent): FieldChange[] {
  const projectName = (id: number) =>
    (
      after.projects.find((project) => project.id === id) ??
      before.projects.find((project) => project.id === id)
    )?.name ?? `项目${id}`;
  const old = new Map(before.goalSheets.map((sheet) => [sheet.projectId, sheet]));
  const now = new Map(after.goalSheets.map((sheet) => [sheet.projectId, sheet]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => a - b);
  const sheetValues = (sheet: ProjectGoalSheet | undefined) =>
    fieldValues(PROJECT_GOAL_SHEET_FIELDS, sheet ?? null);
  return [
    ...ids.flatMap((id) =>
      fieldChanges(
        `项目“${projectName(id)}”的绩效目标表`,
        sheetValues(old.get(id)),
        sheetValues(now.get(id)),
      ),
    ),
    ...fieldChanges(
      '整体支出绩效目标表',
      fieldValues(WHOLE_UNIT_GOAL_SHEET_FIELDS, before.wholeUnitGoalSheet),
      fieldValues(WHOLE_UNIT_GOAL_SHEET_FIELDS, after.wholeUnitGoalSheet),
    ),
  ];
}

/** The printed 第三部分 of a version, as its own figures and wording give it. */
function printedNarrative(content: ReviewContent, evaluated: EvaluatedWorkbook) {
  const generated = generateNarrative(content, evaluated, content.narrativeInputs, {
    sheets: content.goalSheets,
    wholeUnit: content.wholeUnitGoalSheet,
  });
  const edits = new Map(content.narrativeEdits.map((edit) => [edit.sentenceId, edit]));
  return applyEdits(generated, edits);
}

function sentenceChanges(
  before: ReviewContent,
  after: ReviewContent,
  evaluations: Evaluations,
): SentenceChange[] {
  const old = new Map(before.narrativeEdits.map((edit) => [edit.sentenceId, edit.text]));
  const now = new Map(after.narrativeEdits.map((edit) => [edit.sentenceId, edit.text]));
  const rewritten = new Set([...old.keys(), ...now.keys()].filter((id) => old.get(id) !== now.get(id)));
  if (rewritten.size === 0) return [];
  const oldSections = printedNarrative(before, evaluations.before());
  const newSections = printedNarrative(after, evaluations.after());
  const oldText = new Map(
    oldSections.flatMap((section) => section.sentences.map((sentence) => [sentence.id, sentence.text])),
  );
  return newSections.flatMap((section) =>
    section.sentences.flatMap((sentence): SentenceChange[] => {
      const previous = oldText.get(sentence.id) ?? '';
      if (!rewritten.has(sentence.id) || previous === sentence.text) return [];
      return [
        {
          sectionNo: section.no,
          sectionTitle: section.title,
          sentenceId: sentence.id,
          before: previous,
          after: sentence.text,
        },
      ];
    }),
  );
}

export interface DiffLine {
  readonly category: string;
  readonly place: string;
  readonly item: string;
  readonly before: string;
  readonly after: string;
}

/** The difference as one list of lines: what a table, a file or a terminal shows. */
export function diffLines(diff: VersionDiff): DiffLine[] {
  const fields = (category: string, changes: readonly FieldChange[]) =>
    changes.map((change) => ({
      category,
      place: change.area,
      item: change.item,
      before: change.before,
      after: change.after,
    }));
  return [
    ...diff.cells.map((change) => ({
      category: '表格金额（万元）',
      place: change.place,
      item: '',
      before: change.before,
      after: change.after,
    })),
    ...fields('表格结构', diff.structure),
    ...fields('绩效目标表', diff.goalSheets),
    ...fields('文字与填报内容', diff.document),
    ...diff.sentences.map((change) => ({
      category: '情况说明',
      place: `${change.sectionNo}、${change.sectionTitle}`,
      item: change.sentenceId,
      before: change.before,
      after: change.after,
    })),
  ];
}

/** How many changes each part of a difference holds, named as the app shows the parts. */
export function changeCounts(diff: VersionDiff): { readonly part: string; readonly count: number }[] {
  return [
    { part: '表格金额', count: diff.cells.length },
    { part: '表格结构', count: diff.structure.length },
    { part: '绩效目标表字段', count: diff.goalSheets.length },
    { part: '文字与填报内容', count: diff.document.length },
    { part: '情况说明句子', count: diff.sentences.length },
  ];
}

export function totalChanges(diff: VersionDiff): number {
  return changeCounts(diff).reduce((sum, { count }) => sum + count, 0);
}
