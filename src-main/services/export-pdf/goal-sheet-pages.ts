/**
 * The 绩效目标表 of 十、绩效管理情况 (goal-sheets-spec §1, §3.1, §6, §7.1): every published
 * 项目支出绩效目标表 as its own page group, then the 整体支出绩效目标表. The sheets reach the
 * render worker as plain data with every amount already printed (元 on project sheets, 万元 on
 * the 整体 sheet); the project's name, unit and 年度资金总额 are read from the project and 表十二,
 * as the goal-sheets workbook reads them (spreadsheets/goals-export.ts). Every cell wraps: a
 * generator that clips text at the cell's width (the 县级 and 省级 seeds) loses what it cuts.
 */
import type { Content, ContentSection, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import {
  FUNDING_SOURCE_ROWS,
  INDICATOR_GROUPS,
  type Indicator,
  type ProjectGoalSheet,
  type WholeUnitGoalSheet,
} from '../../../shared/goal-sheets/model';
import { wholeUnitBudget, wholeUnitBudgetLines } from '../../../shared/goal-sheets/whole-unit-budget';
import { type Fen, formatWanYuan, formatYuan } from '../../../shared/money';
import { rowKey, type WorkbookContent } from '../../../shared/workbook/content';
import type { EvaluatedWorkbook } from '../../../shared/workbook/evaluate';
import { CELL_PADDING, FONT, RULE_WIDTH } from './typography';

export const PROJECT_SHEET_TITLE = '预算部门（单位）项目支出绩效目标表';
export const WHOLE_UNIT_SHEET_TITLE = '预算部门（单位）整体支出绩效目标申报表';

/** One printed 三级指标 with its 指标值. */
export interface PrintedIndicator {
  readonly name: string;
  readonly value: string;
}

/** The indicators of one 二级 group, both halves; a group without any is still printed. */
export interface PrintedIndicatorGroup {
  readonly level1: string;
  readonly level2: string;
  readonly implementation: readonly PrintedIndicator[];
  readonly annual: readonly PrintedIndicator[];
}

/** A 项目支出绩效目标表 ready to print: every amount already formatted in 元. */
export interface PrintedProjectSheet {
  readonly projectName: string;
  readonly department: string;
  readonly unit: string;
  readonly attribute: string;
  readonly period: string;
  readonly implementationTotal: string;
  readonly annualTotal: string;
  /** 中央、省级、市县(区)、单位自筹、其他: [label, 实施期, 年度]. */
  readonly funding: readonly (readonly [string, string, string])[];
  readonly texts: readonly (readonly [string, string])[];
  readonly overallGoal: { readonly implementation: string; readonly annual: string };
  readonly indicatorGroups: readonly PrintedIndicatorGroup[];
  readonly footer: {
    readonly responsible: string;
    readonly handler: string;
    readonly phone: string;
    readonly stamp: string;
  };
}

/** The 整体支出绩效目标表 ready to print: counts with their unit, amounts in 万元. */
export interface PrintedWholeUnitSheet {
  readonly department: string;
  readonly counts: {
    readonly internalDivisions: string;
    readonly subordinateUnits: string;
    readonly authorizedStaff: string;
    readonly staffTotal: string;
    readonly staffOnEstablishment: string;
    readonly otherStaff: string;
  };
  readonly duties: string;
  readonly strategicGoal: string;
  /** [来源 label, 万元, 方向 label, 万元] */
  readonly budget: readonly (readonly [string, string, string, string])[];
  readonly keyTasks: readonly { readonly coreFunction: string; readonly task: string }[];
  readonly annualGoal: string;
  readonly indicatorGroups: readonly PrintedIndicatorGroup[];
}

export interface PrintedGoalSheets {
  readonly year: number;
  readonly projects: readonly PrintedProjectSheet[];
  readonly wholeUnit: PrintedWholeUnitSheet | null;
}

/** 元 with 2 decimals and thousands separators (goal-sheets-spec §6: amounts printed in full). */
export function formatSheetYuan(fen: Fen | null): string {
  return formatYuan(fen).replace(
    /^(-?)(\d+)/,
    (_, sign: string, whole: string) => `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`,
  );
}

/** 填报日期: the export time as the templates print it, YYYYMMDDhhmmss. */
export function exportStamp(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}` +
    `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  );
}

function departmentLabel(code: string, name: string): string {
  return code === '' ? name : `${code}-${name}`;
}

function printedGroups(sides: {
  implementation: readonly Indicator[];
  annual: readonly Indicator[];
}): PrintedIndicatorGroup[] {
  const of = (list: readonly Indicator[], key: string) =>
    list.filter((indicator) => indicator.group === key).map(({ name, value }) => ({ name, value }));
  return INDICATOR_GROUPS.map((group) => ({
    level1: group.level1,
    level2: group.level2,
    implementation: of(sides.implementation, group.key),
    annual: of(sides.annual, group.key),
  }));
}

/**
 * The published sheets of a workbook, in 表十二 order (unit, then project; goal-sheets-spec §1),
 * and its 整体 sheet with the budget block read from the same evaluated tables the PDF prints.
 */
export function printedGoalSheets(
  content: WorkbookContent,
  evaluated: EvaluatedWorkbook,
  sheets: readonly ProjectGoalSheet[],
  wholeUnit: WholeUnitGoalSheet | null,
  exportedAt: Date,
): PrintedGoalSheets {
  const stamp = exportStamp(exportedAt);
  const units = new Map(content.units.map((unit) => [unit.id, unit.name]));
  const projects = new Map(content.projects.map((project) => [project.id, project]));
  const t12Order = new Map(evaluated.t12.rows.map((row, index) => [row.key, index]));
  const t12 = new Map(evaluated.t12.rows.map((row) => [row.key, row]));
  const order = (sheet: ProjectGoalSheet) =>
    t12Order.get(rowKey.project(sheet.projectId)) ?? Number.MAX_SAFE_INTEGER;
  const published = sheets
    .filter((sheet) => sheet.isPublished && projects.has(sheet.projectId))
    .sort((a, b) => order(a) - order(b) || a.projectId - b.projectId);
  return {
    year: content.profile.year,
    projects: published.map((sheet) => {
      const project = projects.get(sheet.projectId);
      const annual = t12.get(rowKey.project(sheet.projectId))?.cells['total']?.fen ?? 0;
      return {
        projectName: project?.name ?? '',
        department: departmentLabel(sheet.departmentCode, sheet.departmentName),
        unit: project === undefined ? '' : (units.get(project.unitId) ?? ''),
        attribute: sheet.attribute ?? '',
        period: sheet.periodYears === null ? '' : `${sheet.periodYears}年`,
        implementationTotal: formatSheetYuan(sheet.implementationTotal),
        annualTotal: formatSheetYuan(annual),
        funding: FUNDING_SOURCE_ROWS.map(
          ({ key, label }) =>
            [
              label,
              formatSheetYuan(sheet.implementationFunding[key]),
              formatSheetYuan(sheet.annualFunding[key]),
            ] as const,
        ),
        texts: [
          ['项目概况', sheet.texts.overview],
          ['立项依据', sheet.texts.basis],
          ['项目设立\n必要性', sheet.texts.necessity],
          ['保证项目实施的制度、措施', sheet.texts.safeguards],
          ['项目实施\n计划', sheet.texts.plan],
        ],
        overallGoal: { ...sheet.overallGoal },
        indicatorGroups: printedGroups(sheet.indicators),
        footer: { ...sheet.footer, stamp },
      };
    }),
    wholeUnit: wholeUnit === null ? null : printedWholeUnit(wholeUnit, evaluated),
  };
}

function printedWholeUnit(sheet: WholeUnitGoalSheet, evaluated: EvaluatedWorkbook): PrintedWholeUnitSheet {
  const count = (value: number | null, unit: string) => (value === null ? '' : `${value}${unit}`);
  const staffTotal =
    sheet.staffOnEstablishment === null && sheet.otherStaff === null
      ? null
      : (sheet.staffOnEstablishment ?? 0) + (sheet.otherStaff ?? 0);
  return {
    department: departmentLabel(sheet.departmentCode, sheet.departmentName),
    counts: {
      internalDivisions: count(sheet.internalDivisions, '个'),
      subordinateUnits: count(sheet.subordinateUnits, '个'),
      authorizedStaff: count(sheet.authorizedStaff, '人'),
      staffTotal: count(staffTotal, '人'),
      staffOnEstablishment: count(sheet.staffOnEstablishment, '人'),
      otherStaff: count(sheet.otherStaff, '人'),
    },
    duties: sheet.duties,
    strategicGoal: sheet.strategicGoal,
    budget: wholeUnitBudgetLines(wholeUnitBudget(evaluated)).map(
      (line) =>
        [
          line.source,
          formatWanYuan(line.sourceFen),
          line.direction,
          formatWanYuan(line.directionFen),
        ] as const,
    ),
    keyTasks: sheet.keyTasks.map(({ coreFunction, task }) => ({ coreFunction, task })),
    annualGoal: sheet.annualGoal,
    indicatorGroups: printedGroups({ implementation: [], annual: sheet.indicators }),
  };
}

// ---------------------------------------------------------------------------------------------
// Layout

const SHEET_FONT_SIZE = 9;

/** The 年度 side's label column is narrow: the long labels break where a reader expects. */
const NARROW_FUND_LABELS: Readonly<Record<string, string>> = {
  '其中：中央财政资金': '其中：\n中央财政资金',
  '市县(区)财政资金': '市县(区)\n财政资金',
};

/** 服务对象满意度指标 does not fit the 二级 column: break before 指标, not inside a word. */
function groupLabel(text: string): string {
  return text.length > 7 && text.endsWith('指标') ? `${text.slice(0, -2)}\n指标` : text;
}

/**
 * Turns every rowSpan into rows of their own whose inner rules are left out, the label in the
 * middle row. pdfmake 0.3 drops the rest of a table when a rowSpan crosses a page break (seen:
 * a sheet ended at 效益指标 on its second page), and a sheet's indicator block often does.
 */
function mergedDown(body: TableCell[][]): TableCell[][] {
  const result = body.map((line) => [...line]);
  body.forEach((line, rowIndex) =>
    line.forEach((original, column) => {
      if (typeof original !== 'object' || original === null || Array.isArray(original)) return;
      const { rowSpan: span = 1, ...rest } = original as { rowSpan?: number } & Record<string, unknown>;
      if (span <= 1) return;
      const middle = rowIndex + Math.floor((span - 1) / 2);
      for (let offset = 0; offset < span; offset++) {
        const at = rowIndex + offset;
        const target = result[at];
        if (target === undefined) continue;
        const border: [boolean, boolean, boolean, boolean] = [true, offset === 0, true, offset === span - 1];
        target[column] = (at === middle ? { ...rest, border } : { text: '', border }) as TableCell;
      }
    }),
  );
  return result;
}
const TITLE_SIZE = 15;

const SHEET_RULES: CustomTableLayout = {
  // No rule above the title or between it and the year line (pdfmake replaces the placeholders
  // of a colSpan, so their own borders cannot say so).
  hLineWidth: (line) => (line < 2 ? 0 : RULE_WIDTH),
  vLineWidth: () => RULE_WIDTH,
  paddingLeft: () => CELL_PADDING.horizontal,
  paddingRight: () => CELL_PADDING.horizontal,
  paddingTop: () => CELL_PADDING.vertical + 1,
  paddingBottom: () => CELL_PADDING.vertical + 1,
};

const NO_BORDER = [false, false, false, false] as [boolean, boolean, boolean, boolean];

/**
 * A label cell: centred, in the heading face. `id` marks where the 目录 points: on the sheet's
 * first body row, since a repeated header row would register its id again on every page.
 */
function label(
  text: string,
  extra: Partial<Record<'colSpan' | 'rowSpan', number>> = {},
  id?: string,
): TableCell {
  return {
    text,
    alignment: 'center',
    font: FONT.sans,
    ...extra,
    ...(id === undefined ? {} : { id }),
  };
}

function cell(text: string, extra: Partial<Record<'colSpan' | 'rowSpan', number>> = {}): TableCell {
  return { text, ...extra };
}

function amount(text: string, colSpan: number): TableCell {
  return { text, alignment: 'right', noWrap: true, colSpan };
}

/** A row of `width` cells: the given ones, then the placeholders pdfmake wants under a colSpan. */
function row(width: number, ...cells: TableCell[]): TableCell[] {
  const result: TableCell[] = [];
  for (const next of cells) {
    result.push(next);
    const spanned = typeof next === 'object' && next !== null && 'colSpan' in next ? next : null;
    // A borderless cell's placeholders are borderless too: pdfmake draws their rules otherwise.
    const placeholder: TableCell = spanned?.border === undefined ? {} : { text: '', border: spanned.border };
    for (let index = 1; index < (spanned?.colSpan ?? 1); index++) result.push(placeholder);
  }
  while (result.length < width) result.push({});
  return result;
}

/** Title and year line: header rows of the table, so a sheet that runs over a page repeats them. */
function titleRows(width: number, title: string, yearLine: string): TableCell[][] {
  return [
    row(width, {
      text: title,
      font: FONT.sans,
      bold: true,
      fontSize: TITLE_SIZE,
      alignment: 'center',
      colSpan: width,
      border: NO_BORDER,
      margin: [0, 0, 0, 2],
    }),
    row(width, {
      text: yearLine,
      alignment: 'center',
      colSpan: width,
      border: NO_BORDER,
      margin: [0, 0, 0, 4],
    }),
  ];
}

/**
 * The indicator block: one row per indicator (both halves side by side) or per empty group,
 * 一级 merged over its groups and 二级 over its rows. `halves` 2 prints 实施期 | 年度, 1 the
 * 整体 sheet's single year. The first column (绩效指标) is merged over the block by the caller.
 */
function indicatorBody(groups: readonly PrintedIndicatorGroup[], halves: 1 | 2): TableCell[][] {
  const lines = groups.map((group) => {
    const sides = halves === 2 ? [group.implementation, group.annual] : [group.annual];
    return { group, sides, count: Math.max(1, ...sides.map((side) => side.length)) };
  });
  const level1Rows = new Map<string, number>();
  for (const line of lines)
    level1Rows.set(line.group.level1, (level1Rows.get(line.group.level1) ?? 0) + line.count);
  const body: TableCell[][] = [];
  let previousLevel1 = '';
  for (const line of lines) {
    for (let index = 0; index < line.count; index++) {
      const cells: TableCell[] = [{}];
      const isFirstOfLevel1 = index === 0 && line.group.level1 !== previousLevel1;
      cells.push(
        isFirstOfLevel1 ? label(line.group.level1, { rowSpan: level1Rows.get(line.group.level1) ?? 1 }) : {},
      );
      for (const side of line.sides) {
        cells.push(index === 0 ? cell(groupLabel(line.group.level2), { rowSpan: line.count }) : {});
        const indicator = side[index];
        cells.push(cell(indicator?.name ?? ''), cell(indicator?.value ?? ''));
      }
      body.push(cells);
    }
    previousLevel1 = line.group.level1;
  }
  return body;
}

/** 目录 target of the first project sheet and of the 整体 sheet. */
export const GOAL_SHEET_TARGETS = {
  projects: 'goal-sheets-projects',
  wholeUnit: 'goal-sheet-whole-unit',
} as const;

/** One 项目支出绩效目标表: an 8-column table (goal-sheets-spec §3.1). */
export function projectSheetTable(sheet: PrintedProjectSheet, year: number, id?: string): ContentTable {
  const W = 8;
  const indicators = indicatorBody(sheet.indicatorGroups, 2);
  const body: TableCell[][] = [
    ...titleRows(W, PROJECT_SHEET_TITLE, `（${year}年度）`),
    row(W, label('项目名称', {}, id), cell(sheet.projectName, { colSpan: 7 })),
    row(
      W,
      label('主管部门\n及代码'),
      cell(sheet.department, { colSpan: 3 }),
      label('实施单位'),
      cell(sheet.unit, { colSpan: 3 }),
    ),
    row(
      W,
      label('项目属性'),
      cell(sheet.attribute, { colSpan: 3 }),
      label('项目期'),
      cell(sheet.period, { colSpan: 3 }),
    ),
    row(
      W,
      label('项目资金\n（元）', { rowSpan: 6 }),
      cell('实施期资金总额：', { colSpan: 2 }),
      amount(sheet.implementationTotal, 2),
      cell('年度资金总额：'),
      amount(sheet.annualTotal, 2),
    ),
    ...sheet.funding.map(([fundLabel, implementation, annual]) =>
      row(
        W,
        {},
        cell(fundLabel, { colSpan: 2 }),
        amount(implementation, 2),
        cell(NARROW_FUND_LABELS[fundLabel] ?? fundLabel),
        amount(annual, 2),
      ),
    ),
    ...sheet.texts.map(([textLabel, text]) => row(W, label(textLabel), cell(text, { colSpan: 7 }))),
    row(
      W,
      label('总体目标', { rowSpan: 2 }),
      label('实施期目标', { colSpan: 4 }),
      label('年度目标', { colSpan: 3 }),
    ),
    row(
      W,
      {},
      cell(sheet.overallGoal.implementation, { colSpan: 4 }),
      cell(sheet.overallGoal.annual, { colSpan: 3 }),
    ),
    [
      label('绩效指标', { rowSpan: indicators.length + 1 }),
      ...['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'].map((text) =>
        label(text),
      ),
    ],
    ...indicators,
    row(W, {
      columns: [
        { text: `负责人：${sheet.footer.responsible}`, width: '*' },
        { text: `经办人：${sheet.footer.handler}`, width: '*' },
        { text: `联系电话：${sheet.footer.phone}`, width: '*' },
        { text: `填报日期：${sheet.footer.stamp}`, width: 'auto' },
      ],
      columnGap: 6,
      colSpan: W,
    }),
  ];
  return {
    table: {
      headerRows: 2,
      // Column 0 the row headings; 1 一级; 2–4 and 5–7 the 实施期 and 年度 halves.
      widths: [44, 46, 64, '*', 50, 64, '*', 50],
      body: mergedDown(body),
    },
    layout: SHEET_RULES,
    font: FONT.serif,
    fontSize: SHEET_FONT_SIZE,
  };
}

/** The 整体支出绩效目标申报表: a 5-column table (goal-sheets-spec §7.1). */
export function wholeUnitSheetTable(sheet: PrintedWholeUnitSheet, year: number, id?: string): ContentTable {
  const W = 5;
  const indicators = indicatorBody(sheet.indicatorGroups, 1);
  const body: TableCell[][] = [
    ...titleRows(W, WHOLE_UNIT_SHEET_TITLE, `（${year}）年度`),
    row(
      W,
      label('部门基本信息', { rowSpan: 5 }),
      label('部门名称', {}, id),
      cell(sheet.department, { colSpan: 3 }),
    ),
    row(
      W,
      {},
      label('内设职能部门数'),
      cell(sheet.counts.internalDivisions),
      label('所属预算单位数'),
      cell(sheet.counts.subordinateUnits),
    ),
    row(
      W,
      {},
      label('核定的人员编制数'),
      cell(sheet.counts.authorizedStaff),
      label('实际在职人员总数'),
      cell(sheet.counts.staffTotal),
    ),
    row(W, {}, cell(''), cell(''), label('其中：在编人员数'), cell(sheet.counts.staffOnEstablishment)),
    row(W, {}, cell(''), cell(''), label('其他人员数'), cell(sheet.counts.otherStaff)),
    row(W, label('部门职责'), cell(sheet.duties, { colSpan: 4 })),
    row(W, label('部门战略目标'), cell(sheet.strategicGoal, { colSpan: 4 })),
    row(
      W,
      label('年度预算情况', { rowSpan: sheet.budget.length + 1 }),
      label('按资金来源划分'),
      label('资金总额（万元）'),
      label('按资金方向划分'),
      label('资金总额（万元）'),
    ),
    ...sheet.budget.map(([source, sourceAmount, direction, directionAmount]) =>
      row(W, {}, cell(source), amount(sourceAmount, 1), cell(direction), amount(directionAmount, 1)),
    ),
    row(
      W,
      label('年度重点任务', { rowSpan: sheet.keyTasks.length + 1 }),
      label('核心职能', { colSpan: 2 }),
      label('重点任务', { colSpan: 2 }),
    ),
    ...sheet.keyTasks.map((task) =>
      row(W, {}, cell(task.coreFunction, { colSpan: 2 }), cell(task.task, { colSpan: 2 })),
    ),
    row(W, label('年度绩效目标'), cell(sheet.annualGoal, { colSpan: 4 })),
    [
      label('年度绩效指标', { rowSpan: indicators.length + 1 }),
      ...['一级指标', '二级指标', '三级指标', '指标值'].map((text) => label(text)),
    ],
    ...indicators,
  ];
  return {
    table: { headerRows: 2, widths: [60, 100, '*', 96, '*'], body: mergedDown(body) },
    layout: SHEET_RULES,
    font: FONT.serif,
    fontSize: SHEET_FONT_SIZE,
  };
}

/**
 * The sheets as sections of 第三部分: each on its own page group, the 整体 sheet last
 * (goal-sheets-spec §1, seed 002's order). The first project sheet and the 整体 sheet carry
 * the ids the 目录 points at.
 */
export function goalSheetSections(sheets: PrintedGoalSheets): ContentSection[] {
  const portrait = (content: Content): ContentSection => ({
    section: [content],
    pageOrientation: 'portrait',
  });
  return [
    ...sheets.projects.map((sheet, index) =>
      portrait(projectSheetTable(sheet, sheets.year, index === 0 ? GOAL_SHEET_TARGETS.projects : undefined)),
    ),
    ...(sheets.wholeUnit === null
      ? []
      : [portrait(wholeUnitSheetTable(sheets.wholeUnit, sheets.year, GOAL_SHEET_TARGETS.wholeUnit))]),
  ];
}
