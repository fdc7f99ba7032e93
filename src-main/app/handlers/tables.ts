import type { TableView } from '../../../shared/contract/views';
import { definedFields, edit, edited } from './results';
import type { Handlers } from './types';

export const tableHandlers = {
  'tables/get': (session, { table }): TableView => {
    const { definition, ...evaluated } = session.workbook().table(table);
    return { ...evaluated, key: definition.key };
  },
  'tables/setCell': (session, { override, ...cell }) =>
    edit(session, (workbook) => workbook.setCell({ ...cell, ...definedFields({ override }) })),
  'tables/paste': (session, paste) => edit(session, (workbook) => workbook.pasteBlock(paste)),
  'tables/clearOverride': (session, address) => edit(session, (workbook) => workbook.clearOverride(address)),
  'tables/addSubjectRow': (session, { table, code, ...optional }) =>
    edit(session, (workbook) => workbook.addSubjectRow({ table, code, ...definedFields(optional) })),
  'tables/removeSubjectRow': (session, row) => edit(session, (workbook) => workbook.removeSubjectRow(row)),

  'units/add': (session, { name, unitType, code }) => {
    const unitId = session.editableWorkbook().addUnit({ name, unitType, ...definedFields({ code }) });
    return { unitId, ...edited(session) };
  },
  'units/remove': (session, { unitId }) => edit(session, (workbook) => workbook.removeUnit(unitId)),
  'units/rename': (session, { unitId, name }) =>
    edit(session, (workbook) => workbook.renameUnit(unitId, name)),
  'units/setInOperatingCosts': (session, { unitId, isListed }) =>
    edit(session, (workbook) => workbook.setUnitInOperatingCosts(unitId, isListed)),
  'projects/add': (session, project) => {
    const projectId = session.editableWorkbook().addProject(project);
    return { projectId, ...edited(session) };
  },
  'projects/remove': (session, { projectId }) =>
    edit(session, (workbook) => workbook.removeProject(projectId)),
  'projects/rename': (session, { projectId, name }) =>
    edit(session, (workbook) => workbook.renameProject(projectId, name)),
  'economicRows/add': (session, row) => {
    const rowId = session.editableWorkbook().addEconomicRow(row);
    return { rowId, ...edited(session) };
  },
  'economicRows/remove': (session, { rowId }) =>
    edit(session, (workbook) => workbook.removeEconomicRow(rowId)),

  'checks/findings': (session) => session.workbook().findings(),
} satisfies Partial<Handlers>;
