import { AppError } from '../../../shared/errors';
import type { CommentTarget } from '../../../shared/review/model';
import { amountColumnsOfSide } from '../../../shared/tables/definitions';
import { TABLE_KEYS, type TableKey } from '../../../shared/tables/types';
import { describeCell, rowReference } from '../../../shared/workbook/describe';
import type { EvaluatedTable } from '../../../shared/workbook/evaluate';
import type { Workbook } from '../workbook/workbook';

function tableOf(workbook: Workbook, key: string): EvaluatedTable {
  if (!(TABLE_KEYS as readonly string[]).includes(key)) {
    throw new AppError('UNKNOWN_CELL', `没有表格“${key}”（应为 t1 至 t13）`);
  }
  return workbook.table(key as TableKey);
}

function rowOf(table: EvaluatedTable, row: string) {
  const found = table.rows.find((candidate) => candidate.key === row);
  if (!found) {
    throw new AppError('INVALID_ROW', `${table.definition.shortName}中没有行“${row}”`, {
      table: table.definition.shortName,
      row,
    });
  }
  return found;
}

/**
 * Where a comment points, in the words the printed document uses; refuses a target that does
 * not exist in the workbook as it is now.
 */
export function describeCommentTarget(workbook: Workbook, target: CommentTarget): string {
  switch (target.kind) {
    case 'cell': {
      const table = tableOf(workbook, target.table);
      const row = rowOf(table, target.row);
      if (!amountColumnsOfSide(table.definition, row.side).includes(target.column)) {
        throw new AppError(
          'UNKNOWN_CELL',
          `${table.definition.shortName}中没有行“${target.row}”的“${target.column}”列金额单元格`,
          { table: table.definition.shortName, row: target.row, column: target.column },
        );
      }
      return describeCell(table, target);
    }
    case 'row': {
      const table = tableOf(workbook, target.table);
      rowOf(table, target.row); // refuses a row the table does not have
      return `${table.definition.shortName} ${rowReference(table, target.row)}`;
    }
    case 'goalSheet': {
      if (target.projectId === null) return '整体支出绩效目标表';
      const project = workbook.content().projects.find((candidate) => candidate.id === target.projectId);
      if (!project) throw new AppError('INVALID_ROW', `找不到编号为 ${target.projectId} 的项目`);
      return `项目“${project.name}”的绩效目标表`;
    }
    case 'section': {
      const section = workbook.narrative().find((candidate) => candidate.no === target.sectionNo);
      if (!section) throw new AppError('INVALID_ROW', `情况说明中没有第“${target.sectionNo}”部分`);
      return `情况说明 ${section.no}、${section.title}`;
    }
  }
}
