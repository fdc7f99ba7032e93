/**
 * The names of the contract's requests and events, without their schemas: what the sandboxed
 * preload needs to refuse anything else, without bundling zod. requests.ts checks at compile
 * time that these lists name exactly the requests and events it defines.
 */
export const REQUEST_NAMES = [
  'app/info',
  'dialog/openFile',
  'dialog/saveFile',
  'workbook/recent',
  'workbook/create',
  'workbook/open',
  'workbook/close',
  'workbook/summary',
  'workbook/updateProfile',
  'workbook/saveAs',
  'history/undo',
  'history/redo',
  'tables/get',
  'tables/setCell',
  'tables/paste',
  'tables/clearOverride',
  'tables/addSubjectRow',
  'tables/removeSubjectRow',
  'units/add',
  'units/remove',
  'units/rename',
  'units/setInOperatingCosts',
  'projects/add',
  'projects/remove',
  'projects/rename',
  'economicRows/add',
  'economicRows/remove',
  'checks/findings',
  'goals/list',
  'goals/set',
  'goals/getWholeUnit',
  'goals/setWholeUnit',
  'goals/wholeUnitBudget',
  'narrative/get',
  'narrative/editSentence',
  'narrative/getInputs',
  'narrative/setInputs',
  'overview/get',
  'overview/set',
  'import/preview',
  'import/apply',
  'import/discard',
  'export/pdf',
  'export/cancel',
  'export/xlsx',
  'export/list',
  'review/status',
  'review/submit',
  'review/approve',
  'review/reopen',
  'review/stamp',
  'review/versions',
  'review/diff',
  'review/exportDiff',
  'review/comments',
  'review/addComment',
  'review/resolveComment',
  'review/reopenComment',
  'lastYear/plan',
  'lastYear/import',
  'lastYear/status',
  'yearOverYear/get',
  'consolidation/preview',
  'consolidation/apply',
] as const;

export const EVENT_NAMES = ['import/progress', 'export/progress', 'workbook/changed'] as const;

const requestNames: ReadonlySet<string> = new Set(REQUEST_NAMES);

export function isRequestName(name: unknown): name is (typeof REQUEST_NAMES)[number] {
  return typeof name === 'string' && requestNames.has(name);
}
