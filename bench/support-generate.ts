import { EXPENDITURE_FUNCTION_CLASSES } from '../shared/tables/vocabulary';
import type { TableKey } from '../shared/tables/types';
import type { StoredCell, WorkbookContent } from '../shared/workbook/content';

/**
 * A synthetic 部门 workbook: `units` units sharing `projects` projects, 6 类 × 4 款 × 5 项 of
 * 支出功能分类 in 表二/三/五, 40 表六 rows, every unit in 表十一. Amounts are exact 元 figures.
 */
export function generateDepartment(units: number, projects: number): WorkbookContent {
  const cells: StoredCell[] = [];
  const input = (table: TableKey, row: string, column: string, fen: number) =>
    cells.push({ table, row, column, fen, origin: 'input', isRounded: false });
  const classes = EXPENDITURE_FUNCTION_CLASSES.slice(0, 6).map((entry) => entry.code);
  const leafCodes: string[] = [];
  const tableRows: { table: TableKey; row: string }[] = [];
  const subjects = [];
  for (const classCode of classes) {
    subjects.push({ code: classCode, name: `类${classCode}`, isUserAdded: false });
    for (let section = 1; section <= 4; section++) {
      const sectionCode = `${classCode}${String(section).padStart(2, '0')}`;
      subjects.push({ code: sectionCode, name: `款${sectionCode}`, isUserAdded: false });
      for (let item = 1; item <= 5; item++) {
        const itemCode = `${sectionCode}${String(item).padStart(2, '0')}`;
        subjects.push({ code: itemCode, name: `项${itemCode}`, isUserAdded: false });
        leafCodes.push(itemCode);
      }
    }
  }
  for (const table of ['t2', 't3', 't5'] as const) {
    for (const subject of subjects) tableRows.push({ table, row: subject.code });
  }
  leafCodes.forEach((code, index) => {
    const amount = 1_000_000 + index * 12_345;
    input('t2', code, 'gpb', amount);
    input('t3', code, 'basic', amount - 300_000);
    input('t3', code, 'project', 300_000);
    input('t5', code, 'basic', amount - 300_000);
    input('t5', code, 'project', 300_000);
  });
  const unitList = Array.from({ length: units }, (_, index) => ({
    id: index + 1,
    name: `单位${index + 1}`,
    code: null,
    unitType: index === 0 ? ('行政' as const) : ('事业' as const),
    position: index + 1,
  }));
  for (const unit of unitList) {
    tableRows.push({ table: 't11', row: `unit:${unit.id}` });
    input('t11', `unit:${unit.id}`, 'gpb', 50_000 + unit.id);
  }
  const economicRows = Array.from({ length: 40 }, (_, index) => ({
    id: index + 1,
    classCode: index < 20 ? '301' : '302',
    deptName: index < 20 ? '基本工资' : '办公费',
    govName: index < 20 ? '工资福利支出' : '商品和服务支出',
    position: index + 1,
  }));
  for (const row of economicRows)
    input('t6', `econ:${row.id}`, row.classCode === '301' ? 'personnel' : 'public', 70_000 + row.id);
  const projectList = Array.from({ length: projects }, (_, index) => ({
    id: index + 1,
    unitId: (index % units) + 1,
    kind: 'current' as const,
    name: `项目${index + 1}`,
    position: index + 1,
  }));
  for (const project of projectList) input('t12', `project:${project.id}`, 'gpb', 100_000 + project.id);
  return {
    profile: {
      name: '合成测试部门',
      code: null,
      year: 2025,
      scope: '部门',
      unitType: '行政',
      supervisingDepartment: null,
    },
    units: unitList,
    subjects,
    tableRows,
    economicRows,
    projects: projectList,
    cells,
  };
}
