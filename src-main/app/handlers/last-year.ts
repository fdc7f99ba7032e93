import path from 'node:path';
import { consolidateUnits, previewConsolidation } from '../../services/consolidation/consolidate-units';
import {
  importLastYear,
  planLastYearImport,
  previousYearStatusOf,
  yearOverYearOf,
} from '../../services/last-year/last-year';
import { readLastYearDocument } from '../../services/last-year/last-year-document';
import { AppError } from '../../../shared/errors';
import type { Session } from '../session';
import { definedFields, edited } from './results';
import type { Handlers } from './types';

/** Reads last year's file (a template is parsed asynchronously); refuses if the workbook was switched meanwhile. */
async function lastYearDocument(session: Session, file: string) {
  const workbook = session.workbook();
  const document = await readLastYearDocument(path.resolve(file));
  if (session.openWorkbook() !== workbook) {
    throw new AppError('WORKBOOK_CLOSED', '读取上年文件期间工作簿已关闭或切换，未导入。');
  }
  return { workbook, document };
}

/** Last year's disclosure and the year-over-year changes, and a 部门's consolidation (issue 9). */
export const lastYearHandlers = {
  'lastYear/plan': async (session, { file }) => {
    const { workbook, document } = await lastYearDocument(session, file);
    return planLastYearImport(workbook, document);
  },
  'lastYear/import': async (session, { file, confirmOtherUnit }) => {
    const { document } = await lastYearDocument(session, file);
    const plan = importLastYear(session.editableWorkbook(), document, definedFields({ confirmOtherUnit }));
    return { plan, ...edited(session) };
  },
  'lastYear/status': (session) => previousYearStatusOf(session.workbook()),
  'yearOverYear/get': (session) => yearOverYearOf(session.workbook()),

  'consolidation/preview': (session, { files }) =>
    previewConsolidation(
      session.workbook(),
      files.map((file) => path.resolve(file)),
    ),
  'consolidation/apply': (session, { files }) => {
    const plan = consolidateUnits(
      session.editableWorkbook(),
      files.map((file) => path.resolve(file)),
    );
    return { plan, ...edited(session) };
  },
} satisfies Partial<Handlers>;
