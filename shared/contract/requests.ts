/**
 * The one contract between the renderer and the main process: every request by name
 * (`area/verb`), the run-time schema of its argument, and the type of its answer. The Electron
 * IPC handlers and the dev/test bridge both serve exactly this map.
 */
import { z } from 'zod';
import { EVENT_NAMES, REQUEST_NAMES, isRequestName } from './names';
import type { Finding } from '../checks/engine';
import type { ProjectGoalSheet, WholeUnitGoalSheet } from '../goal-sheets/model';
import type { WholeUnitBudget } from '../goal-sheets/whole-unit-budget';
import type { NarrativeInputs } from '../narrative/inputs';
import type { NarrativeSection } from '../narrative/document';
import type { Overview } from '../narrative/overview';
import type { VersionDiff } from '../review/diff';
import type { ReviewComment, VersionSummary } from '../review/model';
import type { PreviousYearStatus } from '../last-year/figures';
import type { YearOverYearReport } from '../last-year/year-over-year';
import type { ConsolidationPlanView, LastYearPlanView } from './last-year-views';
import type { ReviewStateResult, ReviewStatusView } from './review-views';
import { commentTarget, sealPngBase64, stampOpinion, unitFiles, versionRef } from './review-schemas';
import {
  amountUnit,
  cellAddress,
  filePath,
  jobId,
  longText,
  narrativeInputs,
  overview,
  profile,
  projectGoalSheet,
  projectKind,
  rowId,
  shortText,
  tableKey,
  unitType,
  wholeUnitGoalSheet,
} from './schemas';
import type {
  EditResult,
  ExportRecordView,
  ImportPreviewView,
  PdfExportResult,
  RecentWorkbook,
  TableView,
  WorkbookSummary,
} from './views';

const none = z.object({}).strict();

/** What a file dialog is for: decides its title, filters and default folder. */
export const FILE_PURPOSES = [
  'workbook',
  'tables',
  'goals',
  'pdf',
  'xlsxFolder',
  'reviewDiff',
  'lastYear',
  'unitWorkbook',
] as const;

export const REQUEST_INPUTS = {
  'app/info': none,

  'dialog/openFile': z.object({ purpose: z.enum(FILE_PURPOSES) }).strict(),
  'dialog/saveFile': z.object({ purpose: z.enum(FILE_PURPOSES), suggestedName: shortText }).strict(),

  'workbook/recent': none,
  'workbook/create': z
    .object({
      path: filePath,
      profile,
      /** A 部门's subordinate units, after its 本级 (the profile's own unit). */
      subordinateUnits: z
        .array(z.object({ name: shortText, unitType: unitType.nullable() }).strict())
        .max(500),
    })
    .strict(),
  'workbook/open': z.object({ path: filePath }).strict(),
  'workbook/close': none,
  'workbook/summary': none,
  'workbook/updateProfile': z.object({ changes: profile.partial() }).strict(),
  'workbook/saveAs': z.object({ path: filePath }).strict(),

  'history/undo': none,
  'history/redo': none,

  'tables/get': z.object({ table: tableKey }).strict(),
  'tables/setCell': cellAddress
    .extend({ text: shortText, unit: amountUnit, override: z.boolean().optional() })
    .strict(),
  'tables/paste': z
    .object({
      table: tableKey,
      row: shortText,
      column: shortText,
      values: z.array(z.array(shortText).max(100)).max(5000),
      unit: amountUnit,
    })
    .strict(),
  'tables/clearOverride': cellAddress.strict(),
  'tables/addSubjectRow': z
    .object({
      table: tableKey,
      code: shortText,
      name: shortText.optional(),
      side: z.enum(['income', 'expenditure']).optional(),
    })
    .strict(),
  'tables/removeSubjectRow': z.object({ table: tableKey, row: shortText }).strict(),

  'units/add': z
    .object({ name: shortText, unitType: unitType.nullable(), code: shortText.optional() })
    .strict(),
  'units/remove': z.object({ unitId: rowId }).strict(),
  'units/rename': z.object({ unitId: rowId, name: shortText }).strict(),
  'units/setInOperatingCosts': z.object({ unitId: rowId, isListed: z.boolean() }).strict(),
  'projects/add': z.object({ unitId: rowId, kind: projectKind, name: shortText }).strict(),
  'projects/remove': z.object({ projectId: rowId }).strict(),
  'projects/rename': z.object({ projectId: rowId, name: shortText }).strict(),
  'economicRows/add': z.object({ deptName: shortText, govName: shortText.nullable() }).strict(),
  'economicRows/remove': z.object({ rowId }).strict(),

  'checks/findings': none,

  'goals/list': none,
  'goals/set': z.object({ sheet: projectGoalSheet }).strict(),
  'goals/getWholeUnit': none,
  'goals/setWholeUnit': z.object({ sheet: wholeUnitGoalSheet.nullable() }).strict(),
  /** The 整体 sheet's 年度预算情况, read from the tables as the PDF prints it. */
  'goals/wholeUnitBudget': none,

  'narrative/get': none,
  'narrative/editSentence': z.object({ sentenceId: shortText, text: longText }).strict(),
  'narrative/getInputs': none,
  'narrative/setInputs': z.object({ inputs: narrativeInputs }).strict(),
  'overview/get': none,
  'overview/set': z.object({ overview }).strict(),

  /** Reads and checks the template(s) completely and compares them with the open workbook. */
  'import/preview': z.object({ jobId, tablesFile: filePath, goalsFile: filePath.nullable() }).strict(),
  /** Replaces the tables (and goal sheets) as one undoable edit, all or nothing. */
  'import/apply': z.object({ importId: jobId }).strict(),
  'import/discard': z.object({ importId: jobId }).strict(),

  'export/pdf': z
    .object({
      jobId,
      outputFile: filePath,
      kind: z.enum(['draft', 'final']),
      figures: z.enum(['adjusted', 'asEntered']),
      watermarkText: shortText.optional(),
      overrideReason: longText.optional(),
    })
    .strict(),
  'export/cancel': z.object({ jobId }).strict(),
  'export/xlsx': z.object({ folder: filePath }).strict(),
  'export/list': none,

  'review/status': none,
  'review/submit': z.object({ by: shortText, note: longText.optional() }).strict(),
  'review/approve': z.object({ by: shortText, note: longText.optional() }).strict(),
  /** 退回: to 编制中 (the default) or, from 已定稿, to 内部审核; the reason is required. */
  'review/reopen': z
    .object({ by: shortText, reason: longText, to: z.enum(['编制中', '内部审核']).optional() })
    .strict(),
  'review/stamp': z
    .object({
      reviewer: shortText,
      role: shortText,
      opinion: stampOpinion,
      opinionText: longText,
      sealPngBase64: sealPngBase64.optional(),
    })
    .strict(),
  'review/versions': none,
  'review/diff': z.object({ from: versionRef, to: versionRef }).strict(),
  'review/exportDiff': z.object({ from: versionRef, to: versionRef, outputFile: filePath }).strict(),
  /** 恢复到此版本: one undoable edit; the reason is required and kept in the edit's label. */
  'review/restoreVersion': z.object({ versionId: rowId, reason: longText }).strict(),
  'review/comments': z.object({ unresolvedOnly: z.boolean() }).strict(),
  'review/addComment': z.object({ target: commentTarget, author: shortText, text: longText }).strict(),
  'review/resolveComment': z.object({ commentId: rowId, by: shortText }).strict(),
  'review/reopenComment': z.object({ commentId: rowId }).strict(),

  /** What importing last year's workbook or tables would change; nothing is written. */
  'lastYear/plan': z.object({ file: filePath }).strict(),
  /** One undoable edit; another unit's file is refused (NEEDS_CONFIRMATION) unless confirmed. */
  'lastYear/import': z.object({ file: filePath, confirmOtherUnit: z.boolean().optional() }).strict(),
  'lastYear/status': none,
  'yearOverYear/get': none,
  'consolidation/preview': z.object({ files: unitFiles }).strict(),
  'consolidation/apply': z.object({ files: unitFiles }).strict(),
} as const;

export type RequestName = keyof typeof REQUEST_INPUTS;
export type RequestInput<N extends RequestName> = z.input<(typeof REQUEST_INPUTS)[N]>;

export interface RequestOutputs {
  'app/info': { readonly version: string; readonly mode: 'electron' | 'bridge' };
  'dialog/openFile': string | null;
  'dialog/saveFile': string | null;
  'workbook/recent': readonly RecentWorkbook[];
  'workbook/create': WorkbookSummary;
  'workbook/open': WorkbookSummary;
  'workbook/close': null;
  'workbook/summary': WorkbookSummary | null;
  'workbook/updateProfile': EditResult;
  'workbook/saveAs': null;
  'history/undo': EditResult & { readonly undone: string | null };
  'history/redo': EditResult & { readonly redone: string | null };
  'tables/get': TableView;
  'tables/setCell': EditResult;
  'tables/paste': EditResult;
  'tables/clearOverride': EditResult;
  'tables/addSubjectRow': EditResult;
  'tables/removeSubjectRow': EditResult;
  'units/add': EditResult & { readonly unitId: number };
  'units/remove': EditResult;
  'units/rename': EditResult;
  'units/setInOperatingCosts': EditResult;
  'projects/add': EditResult & { readonly projectId: number };
  'projects/remove': EditResult;
  'projects/rename': EditResult;
  'economicRows/add': EditResult & { readonly rowId: number };
  'economicRows/remove': EditResult;
  'checks/findings': readonly Finding[];
  'goals/list': readonly ProjectGoalSheet[];
  'goals/set': EditResult;
  'goals/getWholeUnit': WholeUnitGoalSheet | null;
  'goals/setWholeUnit': EditResult;
  'goals/wholeUnitBudget': WholeUnitBudget;
  'narrative/get': readonly NarrativeSection[];
  'narrative/editSentence': EditResult;
  'narrative/getInputs': NarrativeInputs;
  'narrative/setInputs': EditResult;
  'overview/get': Overview;
  'overview/set': EditResult;
  'import/preview': ImportPreviewView;
  'import/apply': WorkbookSummary;
  'import/discard': null;
  'export/pdf': PdfExportResult;
  'export/cancel': null;
  'export/xlsx': { readonly files: readonly string[] };
  'export/list': readonly ExportRecordView[];
  'review/status': ReviewStatusView;
  'review/submit': ReviewStateResult;
  'review/approve': ReviewStateResult;
  'review/reopen': ReviewStateResult;
  'review/stamp': ReviewStatusView;
  'review/versions': readonly VersionSummary[];
  'review/diff': VersionDiff;
  'review/exportDiff': { readonly file: string; readonly changes: number };
  'review/restoreVersion': EditResult;
  'review/comments': readonly ReviewComment[];
  'review/addComment': ReviewComment;
  'review/resolveComment': ReviewComment;
  'review/reopenComment': ReviewComment;
  'lastYear/plan': LastYearPlanView;
  'lastYear/import': EditResult & { readonly plan: LastYearPlanView };
  'lastYear/status': PreviousYearStatus;
  'yearOverYear/get': YearOverYearReport;
  'consolidation/preview': ConsolidationPlanView;
  'consolidation/apply': EditResult & { readonly plan: ConsolidationPlanView };
}

export type RequestOutput<N extends RequestName> = RequestOutputs[N];

/** Both maps name the same requests. */
export type ContractIsComplete = [RequestName] extends [keyof RequestOutputs]
  ? [keyof RequestOutputs] extends [RequestName]
    ? true
    : never
  : never;
export const CONTRACT_IS_COMPLETE: ContractIsComplete = true;

/** The zod-free name lists (names.ts) name exactly these requests and events. */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const REQUEST_NAMES_ARE_COMPLETE: SameNames<RequestName, (typeof REQUEST_NAMES)[number]> = true;
export const EVENT_NAMES_ARE_COMPLETE: SameNames<EventName, (typeof EVENT_NAMES)[number]> = true;

export { EVENT_NAMES, REQUEST_NAMES, isRequestName };

/** Events the main process pushes; each names the job it belongs to. */
export interface EventPayloads {
  'import/progress': {
    readonly jobId: string;
    readonly stage: 'read' | 'check' | 'compare';
    readonly done: number;
    readonly total: number;
  };
  'export/progress': {
    readonly jobId: string;
    readonly stage: 'layout' | 'draw' | 'write';
    /** Pages laid out so far, or pages of the whole document once it is known. */
    readonly pages: number;
    readonly percent: number;
  };
  /** The workbook changed outside the renderer's own request (undo in another window, import). */
  'workbook/changed': { readonly label: string };
  /**
   * A double-click on a .ysgk while a workbook is open: the page opens it as its own 打开 would,
   * after asking about unsaved drafts of the one shown.
   */
  'workbook/openRequested': { readonly path: string };
}

export type EventName = keyof EventPayloads;

/** What both the preload and the bridge client give the renderer. */
export interface ContractClient {
  invoke<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
