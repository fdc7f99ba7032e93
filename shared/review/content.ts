/**
 * The content a review version freezes and a stamp is bound to: everything a user enters or
 * writes, and nothing derived. The tables, their totals and the generated sentences follow
 * from it by the program's formulas and templates, so the same content prints the same.
 * Left out: the edit history, the export log, the review records themselves, and last year's
 * document and the consolidation records, whose printed figures are copied into the cells and
 * the 情况说明 inputs.
 */
import { AppError } from '../errors';
import type { ProjectGoalSheet, WholeUnitGoalSheet } from '../goal-sheets/model';
import type { NarrativeInputs } from '../narrative/inputs';
import type { Overview } from '../narrative/overview';
import type { WorkbookContent } from '../workbook/content';

/** Bumped when the shape changes, so that an old version is never read as a new one. */
export const REVIEW_CONTENT_FORMAT = 1;

export interface NarrativeEditRecord {
  readonly sentenceId: string;
  readonly text: string;
  readonly generatedText: string;
}

export interface ReviewContent extends WorkbookContent {
  readonly format: typeof REVIEW_CONTENT_FORMAT;
  readonly goalSheets: readonly ProjectGoalSheet[];
  readonly wholeUnitGoalSheet: WholeUnitGoalSheet | null;
  readonly narrativeInputs: NarrativeInputs;
  readonly narrativeEdits: readonly NarrativeEditRecord[];
  readonly overview: Overview;
}

type ReviewParts = Omit<ReviewContent, 'format'>;

const byNumber =
  <T>(key: (item: T) => number) =>
  (a: T, b: T) =>
    key(a) - key(b);
const byText =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * The parts in one fixed order: records by their id or key, so that reading them from the
 * file in another order gives the same content. Lists whose order is printed (indicators,
 * duties) keep theirs.
 */
export function reviewContentOf(parts: ReviewParts): ReviewContent {
  return {
    format: REVIEW_CONTENT_FORMAT,
    profile: parts.profile,
    units: [...parts.units].sort(byNumber((unit) => unit.id)),
    subjects: [...parts.subjects].sort(byText((subject) => subject.code)),
    tableRows: [...parts.tableRows].sort(byText((entry) => `${entry.table}\u0000${entry.row}`)),
    economicRows: [...parts.economicRows].sort(byNumber((row) => row.id)),
    projects: [...parts.projects].sort(byNumber((project) => project.id)),
    cells: [...parts.cells].sort(byText((cell) => `${cell.table}\u0000${cell.row}\u0000${cell.column}`)),
    goalSheets: [...parts.goalSheets].sort(byNumber((sheet) => sheet.projectId)),
    wholeUnitGoalSheet: parts.wholeUnitGoalSheet,
    narrativeInputs: parts.narrativeInputs,
    narrativeEdits: [...parts.narrativeEdits].sort(byText((edit) => edit.sentenceId)),
    overview: parts.overview,
  };
}

/**
 * The one serialisation that is hashed: JSON with every object's keys in sorted order, no
 * white space, `undefined` members left out as JSON.stringify does. Every number must be a
 * safe integer (amounts are integer 分), so no float formatting can make two equal contents
 * hash differently.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, '');
}

function serialise(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new AppError(
          'INVALID_INPUT',
          `工作簿内容中 ${path || '根'} 的数值 ${value} 不是整数，无法生成审核版本`,
        );
      }
      return String(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item, index) => (item === undefined ? 'null' : serialise(item, `${path}[${index}]`))).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map(
          (key) => `${JSON.stringify(key)}:${serialise(record[key], path === '' ? key : `${path}.${key}`)}`,
        );
      return `{${members.join(',')}}`;
    }
    default:
      throw new AppError('INVALID_INPUT', `工作簿内容中 ${path || '根'} 的值无法序列化（${typeof value}）`);
  }
}

/** Reads a stored version back; a version of another format is refused, not misread. */
export function parseReviewContent(json: string, versionId: number): ReviewContent {
  const content = JSON.parse(json) as ReviewContent;
  if (content.format !== REVIEW_CONTENT_FORMAT) {
    throw new AppError(
      'INVALID_INPUT',
      `第 ${versionId} 版的内容格式为第 ${String(content.format)} 版，本程序只能读取第 ${REVIEW_CONTENT_FORMAT} 版`,
    );
  }
  return content;
}
