import { wholeUnitBudget } from '../../../shared/goal-sheets/whole-unit-budget';
import { edit } from './results';
import type { Handlers } from './types';

/** The goal sheets, 情况说明 and 概况: the parts of the document beside the tables. */
export const documentHandlers = {
  'goals/list': (session) => session.workbook().goalSheets(),
  'goals/set': (session, { sheet }) => edit(session, (workbook) => workbook.setGoalSheet(sheet)),
  'goals/getWholeUnit': (session) => session.workbook().wholeUnitGoalSheet(),
  'goals/setWholeUnit': (session, { sheet }) =>
    edit(session, (workbook) => workbook.setWholeUnitGoalSheet(sheet)),
  'goals/wholeUnitBudget': (session) => wholeUnitBudget(session.workbook().evaluate()),

  'narrative/get': (session) => session.workbook().narrative(),
  'narrative/editSentence': (session, { sentenceId, text }) =>
    edit(session, (workbook) => workbook.editSentence(sentenceId, text)),
  'narrative/getInputs': (session) => session.workbook().narrativeInputs(),
  'narrative/setInputs': (session, { inputs }) =>
    edit(session, (workbook) => workbook.setNarrativeInputs(inputs)),

  'overview/get': (session) => session.workbook().overview(),
  'overview/set': (session, { overview }) => edit(session, (workbook) => workbook.setOverview(overview)),
} satisfies Partial<Handlers>;
