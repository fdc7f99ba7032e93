/**
 * Writes the goal-sheets workbook (templates README §2): one worksheet per published
 * 项目支出绩效目标表, then the 整体支出绩效目标表. Money on the sheets is in 元; the 年度 money
 * and the project's name and unit are read from the project, never from the sheet.
 */
import ExcelJS from 'exceljs';
import { wholeUnitBudget, wholeUnitBudgetLines } from '../../../shared/goal-sheets/whole-unit-budget';
import {
  FUNDING_SOURCE_ROWS,
  INDICATOR_GROUPS,
  type Indicator,
  type ProjectGoalSheet,
  type WholeUnitGoalSheet,
} from '../../../shared/goal-sheets/model';
import { type Fen, toPrintedCents } from '../../../shared/money';
import { rowKey, type WorkbookContent } from '../../../shared/workbook/content';
import type { EvaluatedWorkbook } from '../../../shared/workbook/evaluate';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The file format stores numbers as doubles: 元 with their 分. */
function yuan(fen: Fen | null): number | null {
  return fen === null ? null : fen / 100;
}

function put(sheet: ExcelJS.Worksheet, address: string, value: ExcelJS.CellValue, merge?: string): void {
  sheet.getCell(address).value = value;
  if (merge) sheet.mergeCells(merge);
}

/** A sheet name Excel accepts: no `: \ / ? * [ ]`, at most 31 characters, unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '').slice(0, 31) || '绩效目标表';
  let candidate = base;
  for (let copy = 2; used.has(candidate); copy++)
    candidate = `${base.slice(0, 31 - String(copy).length - 2)}(${copy})`;
  used.add(candidate);
  return candidate;
}

/** The nine groups in template order; a group takes max(1, its indicators on either side) rows. */
function indicatorRows(
  sides: readonly (readonly Indicator[])[],
): { group: (typeof INDICATOR_GROUPS)[number]; cells: (Indicator | undefined)[] }[] {
  return INDICATOR_GROUPS.flatMap((group) => {
    const lists = sides.map((list) => list.filter((indicator) => indicator.group === group.key));
    const count = Math.max(1, ...lists.map((list) => list.length));
    return Array.from({ length: count }, (_, index) => ({ group, cells: lists.map((list) => list[index]) }));
  });
}

function writeProjectSheet(
  sheet: ExcelJS.Worksheet,
  goal: ProjectGoalSheet,
  project: { name: string; unit: string; annual: Fen },
  year: number,
  stamp: string,
): void {
  put(sheet, 'A1', '预算部门（单位）项目支出绩效目标表', 'A1:H1');
  put(sheet, 'A2', `（${year}年度）`, 'A2:H2');
  put(sheet, 'A3', '项目名称');
  put(sheet, 'B3', project.name, 'B3:H3');
  put(sheet, 'A4', '主管部门及代码');
  put(
    sheet,
    'B4',
    goal.departmentCode === '' ? goal.departmentName : `${goal.departmentCode}-${goal.departmentName}`,
    'B4:D4',
  );
  put(sheet, 'E4', '实施单位');
  put(sheet, 'F4', project.unit, 'F4:H4');
  put(sheet, 'A5', '项目属性');
  put(sheet, 'B5', goal.attribute ?? '', 'B5:D5');
  put(sheet, 'E5', '项目期');
  put(sheet, 'F5', goal.periodYears === null ? '' : `${goal.periodYears}年`, 'F5:H5');
  put(sheet, 'A6', '项目资金（元）', 'A6:A11');
  put(sheet, 'B6', '实施期资金总额：', 'B6:C6');
  put(sheet, 'D6', yuan(goal.implementationTotal), 'D6:E6');
  put(sheet, 'F6', '年度资金总额：');
  put(sheet, 'G6', yuan(project.annual), 'G6:H6');
  FUNDING_SOURCE_ROWS.forEach(({ key, label }, index) => {
    const row = 7 + index;
    put(sheet, `B${row}`, label, `B${row}:C${row}`);
    put(sheet, `D${row}`, yuan(goal.implementationFunding[key]), `D${row}:E${row}`);
    put(sheet, `F${row}`, label);
    put(sheet, `G${row}`, yuan(goal.annualFunding[key]), `G${row}:H${row}`);
  });
  const texts: [string, string][] = [
    ['项目概况', goal.texts.overview],
    ['立项依据', goal.texts.basis],
    ['项目设立必要性', goal.texts.necessity],
    ['保证项目实施的制度、措施', goal.texts.safeguards],
    ['项目实施计划', goal.texts.plan],
  ];
  texts.forEach(([label, text], index) => {
    put(sheet, `A${12 + index}`, label);
    put(sheet, `B${12 + index}`, text, `B${12 + index}:H${12 + index}`);
  });
  put(sheet, 'A17', '总体目标', 'A17:A18');
  put(sheet, 'B17', '实施期目标', 'B17:E17');
  put(sheet, 'F17', '年度目标', 'F17:H17');
  put(sheet, 'B18', goal.overallGoal.implementation, 'B18:E18');
  put(sheet, 'F18', goal.overallGoal.annual, 'F18:H18');
  sheet.getRow(19).values = [
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '指标值',
    '二级指标',
    '三级指标',
    '指标值',
  ];
  let row = 20;
  for (const line of indicatorRows([goal.indicators.implementation, goal.indicators.annual])) {
    const [implementation, annual] = line.cells;
    sheet.getRow(row).values = [
      '绩效指标',
      line.group.level1,
      line.group.level2,
      implementation?.name ?? '',
      implementation?.value ?? '',
      line.group.level2,
      annual?.name ?? '',
      annual?.value ?? '',
    ];
    row++;
  }
  sheet.mergeCells(`A19:A${row - 1}`);
  for (let line = 3; line < row; line++) {
    for (let column = 1; column <= 8; column++) {
      const cell = sheet.getCell(line, column);
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    }
  }
  for (let line = 6; line <= 11; line++)
    for (const column of ['D', 'G']) sheet.getCell(`${column}${line}`).numFmt = '#,##0.00';
  sheet.getRow(row).values = [
    '负责人：',
    goal.footer.responsible,
    '经办人：',
    goal.footer.handler,
    '联系电话：',
    goal.footer.phone,
    '填报日期：',
    stamp,
  ];
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.columns.forEach((column, index) => (column.width = index === 0 ? 14 : 16));
  sheet.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function writeWholeUnitSheet(
  sheet: ExcelJS.Worksheet,
  goal: WholeUnitGoalSheet,
  evaluated: EvaluatedWorkbook,
  year: number,
): void {
  const budget = wholeUnitBudget(evaluated);
  const wan = (fen: Fen) => toPrintedCents(fen) / 100;
  put(sheet, 'A1', '预算部门（单位）整体支出绩效目标申报表', 'A1:E1');
  put(sheet, 'A2', `（${year}）年度`, 'A2:E2');
  put(sheet, 'A3', '部门基本信息', 'A3:A7');
  put(sheet, 'B3', '部门名称');
  put(
    sheet,
    'C3',
    goal.departmentCode === '' ? goal.departmentName : `${goal.departmentCode}-${goal.departmentName}`,
    'C3:E3',
  );
  const count = (value: number | null, unit: string) => (value === null ? '' : `${value}${unit}`);
  sheet.getRow(4).values = [
    '部门基本信息',
    '内设职能部门数',
    count(goal.internalDivisions, '个'),
    '所属预算单位数',
    count(goal.subordinateUnits, '个'),
  ];
  sheet.getRow(5).values = [
    '部门基本信息',
    '核定的人员编制数',
    count(goal.authorizedStaff, '人'),
    '实际在职人员总数',
    count((goal.staffOnEstablishment ?? 0) + (goal.otherStaff ?? 0), '人'),
  ];
  sheet.getRow(6).values = [
    '部门基本信息',
    '',
    '',
    '其中：在编人员数',
    count(goal.staffOnEstablishment, '人'),
  ];
  sheet.getRow(7).values = ['部门基本信息', '', '', '其他人员数', count(goal.otherStaff, '人')];
  put(sheet, 'A8', '部门职责');
  put(sheet, 'B8', goal.duties, 'B8:E8');
  put(sheet, 'A9', '部门战略目标');
  put(sheet, 'B9', goal.strategicGoal, 'B9:E9');
  sheet.getRow(10).values = [
    '年度预算情况',
    '按资金来源划分',
    '资金总额（万元）',
    '按资金方向划分',
    '资金总额（万元）',
  ];
  wholeUnitBudgetLines(budget).forEach((line, index) => {
    sheet.getRow(11 + index).values = [
      '年度预算情况',
      line.source,
      wan(line.sourceFen),
      line.direction,
      line.directionFen === null ? '' : wan(line.directionFen),
    ];
  });
  let row = 18;
  sheet.getRow(row).values = ['年度重点任务', '核心职能', '', '重点任务', ''];
  for (const task of goal.keyTasks) {
    row++;
    sheet.getRow(row).values = ['年度重点任务', task.coreFunction, '', task.task, ''];
  }
  row++;
  put(sheet, `A${row}`, '年度绩效目标');
  put(sheet, `B${row}`, goal.annualGoal, `B${row}:E${row}`);
  row++;
  sheet.getRow(row).values = ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'];
  for (const line of indicatorRows([goal.indicators])) {
    row++;
    const [indicator] = line.cells;
    sheet.getRow(row).values = [
      '年度绩效指标',
      line.group.level1,
      line.group.level2,
      indicator?.name ?? '',
      indicator?.value ?? '',
    ];
  }
  sheet.columns.forEach((column, index) => (column.width = index === 0 ? 14 : 24));
}

/** The goal-sheets workbook of a workbook: its published project sheets and its 整体 sheet. */
export async function exportGoalsXlsx(
  content: WorkbookContent,
  evaluated: EvaluatedWorkbook,
  sheets: readonly ProjectGoalSheet[],
  wholeUnit: WholeUnitGoalSheet | null,
  exportedAt: Date = new Date(),
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${exportedAt.getFullYear()}${pad(exportedAt.getMonth() + 1)}${pad(exportedAt.getDate())}${pad(exportedAt.getHours())}${pad(exportedAt.getMinutes())}${pad(exportedAt.getSeconds())}`;
  const units = new Map(content.units.map((unit) => [unit.id, unit.name]));
  const t12 = new Map(evaluated.t12.rows.map((row) => [row.key, row]));
  for (const goal of sheets) {
    const project = content.projects.find((candidate) => candidate.id === goal.projectId);
    if (!project || !goal.isPublished) continue;
    const annual = t12.get(rowKey.project(project.id))?.cells['total']?.fen ?? 0;
    writeProjectSheet(
      workbook.addWorksheet(sheetName(project.name, used)),
      goal,
      { name: project.name, unit: units.get(project.unitId) ?? '', annual },
      content.profile.year,
      stamp,
    );
  }
  if (wholeUnit)
    writeWholeUnitSheet(
      workbook.addWorksheet(sheetName('整体支出绩效目标表', used)),
      wholeUnit,
      evaluated,
      content.profile.year,
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
