/**
 * Reads the goal-sheets workbook (templates README §2) into the reference shape of the goal
 * sheets: one project sheet per worksheet, found by its title, and the 整体支出绩效目标表. Rows
 * are found by their labels in column A, not by fixed numbers; 二级 groups by name, including
 * the variants the disclosures print (可持续发展指标, 经济效果指标, 服务对象满意度 …).
 */
import path from 'node:path';
import { refusedWithProblems } from '../../../shared/errors';
import { INDICATOR_GROUPS, type IndicatorGroupKey } from '../../../shared/goal-sheets/model';
import { type Sheet, cellAddress } from './spreadsheet';

type Json = Record<string, unknown>;

const GROUP_VARIANTS: Readonly<Record<string, IndicatorGroupKey>> = {
  ...Object.fromEntries(INDICATOR_GROUPS.map((group) => [group.level2, group.key])),
  时长指标: 'timeliness',
  经济效果指标: 'economic',
  可持续发展指标: 'sustainable',
  可持续性影响指标: 'sustainable',
  服务对象满意度: 'satisfaction',
  服务对象满意度指: 'satisfaction',
  用户满意度指标: 'satisfaction',
};

const ATTRIBUTE_KINDS: readonly [RegExp, string][] = [
  [/^经常性/u, 'recurring'],
  [/^一次性/u, 'one-off'],
  [/^延续性/u, 'multi-year'],
];

function compact(text: string): string {
  return text.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
}

function rowOf(sheet: Sheet, label: RegExp, from = 0): number {
  return sheet.rows.findIndex((row, index) => index >= from && label.test(compact(row[0]?.text ?? '')));
}

function text(sheet: Sheet, row: number, column: number): string {
  return row < 0 ? '' : (sheet.rows[row]?.[column]?.text ?? '');
}

class GoalsReader {
  readonly problems: string[] = [];

  constructor(private readonly file: string) {}

  amount(sheet: Sheet, row: number, column: number): { raw: string | null; value: number | null } {
    const raw = text(sheet, row, column);
    if (raw === '') return { raw: null, value: null };
    const value = Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(value) || value < 0) {
      this.problems.push(
        `${path.basename(this.file)} ${sheet.name}!${cellAddress(row, column)}：应为金额（元），实际为“${raw}”`,
      );
      return { raw, value: null };
    }
    return { raw, value };
  }

  funds(sheet: Sheet, firstRow: number, column: number): Json {
    const keys = ['total', 'central', 'provincial', 'cityCounty', 'selfRaised', 'other'];
    return Object.fromEntries(
      keys.map((key, offset) => [key, this.amount(sheet, firstRow + offset, column)]),
    );
  }

  /** Indicator rows: 一级 in B; 实施期 二级/三级/指标值 in C–E; 年度 in F–H. */
  indicators(
    sheet: Sheet,
    header: number,
    end: number,
    sides: readonly { group: number; name: number; value: number }[],
  ) {
    const lists = sides.map(() => [] as Json[]);
    for (let row = header + 1; row < end; row++) {
      sides.forEach((side, index) => {
        const groupLabel = compact(text(sheet, row, side.group));
        const name = text(sheet, row, side.name);
        const value = text(sheet, row, side.value);
        if (name === '' && value === '') return;
        const key = GROUP_VARIANTS[groupLabel];
        if (!key) {
          this.problems.push(
            `${path.basename(this.file)} ${sheet.name}!${cellAddress(row, side.group)}：“${groupLabel}”不是二级指标`,
          );
          return;
        }
        lists[index]?.push({ l2Key: key, l3: name, value: value === '' ? null : { raw: value } });
      });
    }
    return lists;
  }
}

function projectSheet(reader: GoalsReader, sheet: Sheet): Json {
  const department = text(sheet, rowOf(sheet, /^主管部门及代码$/u), 1);
  const departmentMatch = /^(\d+)-(.+)$/u.exec(department);
  const attribute = text(sheet, rowOf(sheet, /^项目属性$/u), 1);
  const periodRow = rowOf(sheet, /^项目属性$/u);
  const fundsRow = rowOf(sheet, /^项目资金/u);
  const goalRow = rowOf(sheet, /^总体目标$/u);
  const indicatorRow = rowOf(sheet, /^绩效指标$/u);
  const footerRow = rowOf(sheet, /^负责人/u);
  const end = footerRow < 0 ? sheet.rows.length : footerRow;
  const [implementation = [], annual = []] =
    indicatorRow < 0
      ? []
      : reader.indicators(sheet, indicatorRow, end, [
          { group: 2, name: 3, value: 4 },
          { group: 5, name: 6, value: 7 },
        ]);
  return {
    projectName: text(sheet, rowOf(sheet, /^项目名称$/u), 1),
    department: { raw: department, code: departmentMatch?.[1] ?? null, name: departmentMatch?.[2] ?? null },
    implementingUnit: text(sheet, rowOf(sheet, /^主管部门及代码$/u), 5),
    projectAttributeKind: ATTRIBUTE_KINDS.find(([pattern]) => pattern.test(attribute))?.[1] ?? null,
    projectPeriod: { years: Number(/\d+/u.exec(text(sheet, periodRow, 5))?.[0] ?? Number.NaN) || null },
    funds:
      fundsRow < 0
        ? {}
        : { implementation: reader.funds(sheet, fundsRow, 3), annual: reader.funds(sheet, fundsRow, 6) },
    texts: {
      overview: text(sheet, rowOf(sheet, /^项目概况$/u), 1),
      basis: text(sheet, rowOf(sheet, /^立项依据$/u), 1),
      necessity: text(sheet, rowOf(sheet, /^项目设立必要性$/u), 1),
      safeguards: text(sheet, rowOf(sheet, /^保证项目实施的制度、措施$/u), 1),
      plan: text(sheet, rowOf(sheet, /^项目实施计划$/u), 1),
    },
    overallGoal: { implementation: text(sheet, goalRow + 1, 1), annual: text(sheet, goalRow + 1, 5) },
    indicators: { implementation, annual },
    footer: {
      responsible: text(sheet, footerRow, 1),
      handler: text(sheet, footerRow, 3),
      phone: text(sheet, footerRow, 5),
    },
  };
}

function wholeUnitSheet(reader: GoalsReader, sheet: Sheet): Json {
  const info = rowOf(sheet, /^部门基本信息$/u);
  const tasksRow = rowOf(sheet, /^年度重点任务$/u);
  const goalRow = rowOf(sheet, /^年度绩效目标$/u);
  const indicatorRow = rowOf(sheet, /^年度绩效指标$/u);
  const [indicators = []] =
    indicatorRow < 0
      ? []
      : reader.indicators(sheet, indicatorRow, sheet.rows.length, [{ group: 2, name: 3, value: 4 }]);
  const department = text(sheet, info, 2);
  const keyTasks = [];
  for (let row = tasksRow + 1; tasksRow >= 0 && row < goalRow; row++) {
    keyTasks.push({ coreFunction: text(sheet, row, 1), task: text(sheet, row, 3) });
  }
  return {
    contentPresent: true,
    basicInfo: {
      departmentCode: /^(\d+)-/u.exec(department)?.[1] ?? '',
      departmentName: department.replace(/^\d+-/u, ''),
      internalDivisions: text(sheet, info + 1, 2),
      subordinateUnits: text(sheet, info + 1, 4),
      authorizedStaff: text(sheet, info + 2, 2),
      staffOnEstablishment: text(sheet, info + 3, 4),
      otherStaff: text(sheet, info + 4, 4),
    },
    duties: text(sheet, rowOf(sheet, /^部门职责$/u), 1),
    strategicGoal: text(sheet, rowOf(sheet, /^部门战略目标$/u), 1),
    keyTasks,
    annualGoal: text(sheet, goalRow, 1),
    indicators,
  };
}

/** The goal sheets of a goals workbook, in the reference shape; every problem names its cell. */
export function goalsFromSheets(file: string, sheets: readonly Sheet[]): Json {
  const reader = new GoalsReader(file);
  const titleOf = (sheet: Sheet) => compact(sheet.rows[0]?.[0]?.text ?? '');
  const projectSheets = sheets
    .filter((sheet) => /项目支出绩效目标表$/u.test(titleOf(sheet)))
    .map((sheet) => projectSheet(reader, sheet));
  const whole = sheets.find((sheet) => /整体支出绩效目标(申报)?表$/u.test(titleOf(sheet)));
  if (projectSheets.length === 0 && !whole)
    reader.problems.push(`${path.basename(file)}：没有找到绩效目标表（第一行应为表名）`);
  if (reader.problems.length > 0) {
    throw refusedWithProblems('导入', reader.problems, { file });
  }
  return { projectSheets, wholeUnitSheet: whole ? wholeUnitSheet(reader, whole) : null };
}
