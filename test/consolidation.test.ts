import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyGoalSheet } from '../shared/goal-sheets/model';
import type { Fen } from '../shared/money';
import { TABLE_KEYS, type TableKey } from '../shared/tables/types';
import type { EvaluatedRow, EvaluatedTable } from '../shared/workbook/evaluate';
import {
  consolidateUnits,
  consolidatedSources,
  previewConsolidation,
} from '../src-main/services/consolidation/consolidate-units';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import { Workbook } from '../src-main/services/workbook/workbook';
import { fixturePath } from './support/fixtures';
import { disclosure } from './support/cli';
import { read, unitsAndDepartment } from './support/consolidation-units';
import { errorOf } from './support/errors';
import { wan } from './support/money';

type Amounts = Record<string, Fen | null>;

function amounts(row: EvaluatedRow): Amounts {
  return Object.fromEntries(Object.entries(row.cells).map(([column, cell]) => [column, cell.fen]));
}

/** A row's name in any workbook: 科目编码 or fixed key, 表六 by its two names. */
function sumName(row: EvaluatedRow): string {
  return row.kind === 'economic' ? `${row.labels['deptEcon']}|${row.labels['govEcon']}` : row.key;
}

function addAmounts(into: Amounts, add: Amounts): Amounts {
  const sum: Amounts = { ...into };
  for (const [column, fen] of Object.entries(add)) {
    if (fen !== null) sum[column] = (sum[column] ?? 0) + fen;
    else if (!(column in sum)) sum[column] = null;
  }
  return sum;
}

/** Each row's amounts, summed over the tables given, by row name. */
function sumsByName(tables: readonly EvaluatedTable[]): Record<string, Amounts> {
  const sums: Record<string, Amounts> = {};
  for (const table of tables) {
    for (const row of table.rows) sums[sumName(row)] = addAmounts(sums[sumName(row)] ?? {}, amounts(row));
  }
  return sums;
}

/** 表十二/表十三 of a 部门: each unit's total on its row, then its projects as the unit lists them. */
function projectTree(
  units: readonly { readonly name: string; readonly table: EvaluatedTable }[],
  departmentName: string,
) {
  const total = units.reduce<Amounts>(
    (sum, unit) => addAmounts(sum, amounts(unit.table.rows[0] as EvaluatedRow)),
    {},
  );
  const rows: [string, Amounts][] = [[departmentName, total]];
  for (const unit of units) {
    const projects = unit.table.rows.filter((row) => row.kind === 'project');
    if (projects.length === 0) continue;
    rows.push([unit.name, amounts(unit.table.rows[0] as EvaluatedRow)]);
    for (const project of projects) rows.push([project.labels['name'] ?? '', amounts(project)]);
  }
  return rows;
}

function consolidationFindings(workbook: Workbook) {
  return workbook.findings().filter((finding) => /^H\d$/.test(finding.ruleId));
}

describe('部门 consolidation', () => {
  it('derives every table of the 部门 as the sums of its units, cell by cell', () => {
    const files = unitsAndDepartment();
    const unitFiles = [files.bureau, files.hospital, files.centre];
    const units = unitFiles.map((file) =>
      read(file, (workbook) => ({ name: workbook.content().profile.name, evaluated: workbook.evaluate() })),
    );
    const department = Workbook.open(files.department);
    consolidateUnits(department, unitFiles);
    const evaluated = department.evaluate();

    const summed: TableKey[] = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10'];
    for (const table of summed) {
      expect({ [table]: sumsByName([evaluated[table]]) }).toEqual({
        [table]: sumsByName(units.map((unit) => unit.evaluated[table])),
      });
    }
    expect(sumsByName([evaluated.t2])['2080109']).toMatchObject({ gpb: wan('981.12') });

    // 表十一: a row per unit with 机关运行经费 (the hospital has none).
    expect(evaluated.t11.rows.map((row) => [row.labels['unitName'], amounts(row)])).toEqual([
      ['部门合计', { total: wan('115.36'), gpb: wan('115.36'), gfb: null, socb: null }],
      ['阳城县医疗保障局', { total: wan('57.68'), gpb: wan('57.68'), gfb: null, socb: null }],
      ['阳城县医疗保险服务中心', { total: wan('57.68'), gpb: wan('57.68'), gfb: null, socb: null }],
    ]);
    // 表十二/表十三: 部门 → unit → project, each unit's projects as it lists them.
    for (const table of ['t12', 't13'] as const) {
      expect(evaluated[table].rows.map((row) => [row.labels['name'], amounts(row)])).toEqual(
        projectTree(
          units.map((unit) => ({ name: unit.name, table: unit.evaluated[table] })),
          '阳城县卫生健康局',
        ),
      );
      expect(evaluated[table].rows.filter((row) => row.kind === 'unit').every((row) => row.level === 1)).toBe(
        true,
      );
    }
    expect(department.content().units.map((unit) => [unit.name, unit.unitType])).toEqual([
      ['阳城县医疗保障局', null],
      ['山西省肿瘤医院（山西省肿瘤研究所）', null],
      ['阳城县医疗保险服务中心', '事业'],
    ]);

    // The bureau's goal sheets come with its projects.
    const bureauSheets = read(files.bureau, (workbook) =>
      workbook.goalSheets().map((sheet) => ({
        project: workbook.content().projects.find((project) => project.id === sheet.projectId)?.name,
        overview: sheet.texts.overview,
      })),
    );
    expect(bureauSheets.length).toBeGreaterThan(0);
    expect(
      department.goalSheets().map((sheet) => ({
        project: department.content().projects.find((project) => project.id === sheet.projectId)?.name,
        overview: sheet.texts.overview,
      })),
    ).toEqual(bureauSheets);
    expect(consolidationFindings(department)).toEqual([]);
    expect(TABLE_KEYS.every((key) => evaluated[key].year === 2025)).toBe(true);
    department.close();
  });

  it('flags a 部门 figure that no longer adds up to its units, naming them', () => {
    const files = unitsAndDepartment();
    const department = Workbook.open(files.department);
    consolidateUnits(department, [files.bureau, files.hospital, files.centre]);
    const project = department.content().projects.find((candidate) => candidate.name === '城乡医疗救助');
    if (!project) throw new Error('the bureau has 城乡医疗救助');

    department.setCell({
      table: 't12',
      row: `project:${project.id}`,
      column: 'gpb',
      text: '220',
      unit: 'wanYuan',
    });
    department.setCell({ table: 't2', row: '2080109', column: 'gpb', text: '1000', unit: 'wanYuan' });
    department.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '0.50', unit: 'wanYuan' });
    const centre = department.content().units.find((unit) => unit.name === '阳城县医疗保险服务中心');
    department.setCell({
      table: 't11',
      row: `unit:${centre?.id}`,
      column: 'gpb',
      text: '50',
      unit: 'wanYuan',
    });
    const messages = consolidationFindings(department).map(
      (finding) => `${finding.ruleId} ${finding.message}`,
    );
    expect(messages).toEqual([
      'H1 部门收支科目的金额等于各单位之和：表二 第15行（2080109 社会保险经办机构）“一般公共预算”列 为 1000.00，' +
        '各单位之和 981.12（阳城县医疗保障局 490.56、阳城县医疗保险服务中心 490.56）',
      'H3 部门“三公”经费等于各单位之和：表十 第2行（公务接待费）“一般公共预算”列 为 0.50，' +
        '各单位之和 0.58（阳城县医疗保障局 0.29、阳城县医疗保险服务中心 0.29）',
      'H5 表十一各单位的机关运行经费等于该单位工作簿所列：表十一 第3行（阳城县医疗保险服务中心）“一般公共预算”列 为 50.00，' +
        '单位“阳城县医疗保险服务中心”工作簿中为 57.68',
      'H6 表十二、表十三各项目的金额等于该单位工作簿所列：表十二 第3行（城乡医疗救助）“一般公共预算”列 为 220.00，' +
        '单位“阳城县医疗保障局”工作簿中为 223.00',
    ]);
    expect(consolidationFindings(department).every((finding) => finding.severity === '错误')).toBe(true);

    department.removeProject(project.id);
    expect(consolidationFindings(department).at(-1)?.message).toBe(
      '表十二、表十三各项目的金额等于该单位工作簿所列：表十二（阳城县医疗保障局 / 城乡医疗救助，该行已不在部门工作簿中） 为 0.00，' +
        '单位“阳城县医疗保障局”工作簿中为 223.00',
    );
    for (let step = 0; step < 5; step++) department.undo();
    expect(consolidationFindings(department)).toEqual([]);
    department.close();
  });

  it('replaces what the 部门 had, previews first, and is one undoable edit', () => {
    const files = unitsAndDepartment();
    const department = Workbook.open(files.department);
    department.setCell({ table: 't10', row: 'abroad', column: 'gpb', text: '1.00', unit: 'wanYuan' });
    const before = JSON.stringify(department.content());

    const plan = previewConsolidation(department, [files.bureau, files.hospital, files.centre]);
    expect(JSON.stringify(department.content())).toBe(before);
    expect(plan.units.map((unit) => [unit.name, unit.status, unit.projects])).toEqual([
      ['阳城县医疗保障局', 'new', 14],
      ['山西省肿瘤医院（山西省肿瘤研究所）', 'new', 25],
      ['阳城县医疗保险服务中心', 'new', 14],
    ]);
    expect(plan.removedUnits).toEqual(['阳城县卫生健康局']);
    // 004's 表十三 names its 主管部门, which is not this 部门: worth a look, not a refusal.
    expect(plan.notes).toContain(
      `“${files.hospital}”（山西省肿瘤医院（山西省肿瘤研究所））的主管部门为“山西省卫生健康委员会”，不是“阳城县卫生健康局”`,
    );
    expect(plan.changes.changedCells).toContainEqual({
      table: '表十',
      row: '因公出国（境）费',
      column: '一般公共预算',
      before: '1.00',
      after: null,
    });
    expect(plan.changes.newRows).toContainEqual({ table: '表十二', row: '阳城县医疗保障局 / 城乡医疗救助' });

    consolidateUnits(department, [files.bureau, files.hospital, files.centre]);
    expect(department.table('t10').rows.find((row) => row.key === 'abroad')?.cells['gpb']?.fen).toBeNull();
    expect(department.undo()).toBe('汇总 3 个单位的工作簿');
    expect(JSON.stringify(department.content())).toBe(before);
    expect(department.consolidatedUnits()).toEqual([]);
    department.close();
  });

  it('tells which unit files changed since, and a second consolidation changes only that', () => {
    const files = unitsAndDepartment();
    const unitFiles = [files.bureau, files.hospital, files.centre];
    const department = Workbook.open(files.department);
    consolidateUnits(department, unitFiles, new Date('2025-01-10T09:00:00Z'));
    expect(previewConsolidation(department, unitFiles).changes).toEqual({
      newRows: [],
      removedRows: [],
      changedCells: [],
    });

    read(files.bureau, (workbook) =>
      workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '0.39', unit: 'wanYuan' }),
    );
    expect(consolidatedSources(department).map((source) => [source.name, source.status])).toEqual([
      ['阳城县医疗保障局', 'changed'],
      ['山西省肿瘤医院（山西省肿瘤研究所）', 'unchanged'],
      ['阳城县医疗保险服务中心', 'unchanged'],
    ]);
    expect(consolidatedSources(department)[0]).toMatchObject({
      file: files.bureau,
      consolidatedAt: '2025-01-10T09:00:00.000Z',
    });
    const plan = previewConsolidation(department, unitFiles);
    expect(plan.units.map((unit) => unit.status)).toEqual(['changed', 'unchanged', 'unchanged']);
    expect(plan.changes.newRows).toEqual([]);
    expect(plan.changes.changedCells).toEqual([
      { table: '表十', row: '公务接待费', column: '合计', before: '0.58', after: '0.68' },
      { table: '表十', row: '公务接待费', column: '一般公共预算', before: '0.58', after: '0.68' },
      { table: '表十', row: '合计', column: '合计', before: '0.58', after: '0.68' },
      { table: '表十', row: '合计', column: '一般公共预算', before: '0.58', after: '0.68' },
    ]);
    consolidateUnits(department, unitFiles, new Date('2025-01-20T09:00:00Z'));
    // A unit taken in again unchanged keeps the time its figures were taken in.
    expect(consolidatedSources(department).map((source) => [source.status, source.consolidatedAt])).toEqual([
      ['unchanged', '2025-01-20T09:00:00.000Z'],
      ['unchanged', '2025-01-10T09:00:00.000Z'],
      ['unchanged', '2025-01-10T09:00:00.000Z'],
    ]);
    expect(department.table('t10').rows.find((row) => row.key === 'reception')?.cells['gpb']?.fen).toBe(
      wan('0.68'),
    );

    fs.rmSync(files.hospital);
    expect(consolidatedSources(department)[1]).toMatchObject({
      status: 'unreadable',
      problem: `找不到工作簿文件“${files.hospital}”。`,
    });
    department.close();
  });

  it('keeps the 部门’s goal sheets of projects whose unit gives none', () => {
    const files = unitsAndDepartment();
    const unitFiles = [files.bureau, files.hospital];
    const department = Workbook.open(files.department);
    consolidateUnits(department, unitFiles);
    const projectOf = (name: string) => {
      const found = department.content().projects.find((project) => project.name === name);
      if (!found) throw new Error(`no project ${name}`);
      return found.id;
    };
    const written = (projectId: number, overview: string) => ({
      ...emptyGoalSheet(projectId),
      texts: { ...emptyGoalSheet(projectId).texts, overview },
    });
    // The hospital (004 without its goals) gives no sheet; the bureau gives one for 城乡医疗救助.
    const hospitalProject = projectOf('国际交流与合作专项经费');
    const bureauProject = projectOf('城乡医疗救助');
    const bureauOverview = department.goalSheets().find((sheet) => sheet.projectId === bureauProject)
      ?.texts.overview;
    expect(bureauOverview).toMatch(/\S/u);
    department.setGoalSheet(written(hospitalProject, '部门代写的项目概况'));
    department.setGoalSheet(written(bureauProject, '部门改写的项目概况'));
    consolidateUnits(department, unitFiles);
    const overviewOf = (projectId: number) =>
      department.goalSheets().find((sheet) => sheet.projectId === projectId)?.texts.overview;
    expect(overviewOf(hospitalProject)).toBe('部门代写的项目概况');
    expect(overviewOf(bureauProject)).toBe(bureauOverview);
    department.close();
  });

  it('refuses a 单位 workbook as the 部门', () => {
    const files = unitsAndDepartment();
    const bureau = Workbook.open(files.bureau);
    const error = errorOf(() => consolidateUnits(bureau, [files.hospital]));
    expect(error.code).toBe('CONSOLIDATION_REFUSED');
    expect(error.message).toBe(
      '工作簿“阳城县医疗保障局.ysgk”是单位预算公开（阳城县医疗保障局），只有部门工作簿可以汇总下属单位。' +
        '请新建部门工作簿（公开主体选“部门”）后再汇总。',
    );
    bureau.close();
  });

  it('refuses units of another year, duplicates, 部门 files and unreadable files, all at once', () => {
    const files = unitsAndDepartment();
    const copy = path.join(files.dir, '阳城县医疗保障局副本.ysgk');
    fs.copyFileSync(files.bureau, copy);
    const otherYear = path.join(files.dir, '晋城市财政局2024.ysgk');
    importReferenceJson(fixturePath('003'), otherYear).close();
    const missing = path.join(files.dir, '不存在.ysgk');
    const open = Workbook.open(files.centre);
    const department = Workbook.open(files.department);
    const before = JSON.stringify(department.content());
    const error = errorOf(() =>
      consolidateUnits(department, [
        files.bureau,
        files.bureau,
        copy,
        otherYear,
        missing,
        files.department,
        files.centre,
      ]),
    );
    open.close();
    expect(error.code).toBe('CONSOLIDATION_REFUSED');
    expect(error.details.problems).toEqual([
      `“${files.bureau}”与“${files.bureau}”是同一个文件，每个单位只能汇总一次`,
      `“${missing}”：找不到工作簿文件“${missing}”。`,
      `“${files.department}”就是本部门工作簿，不能汇总进自己`,
      `“${files.centre}”：工作簿“阳城县医疗保险服务中心.ysgk”已被打开（可能在另一个窗口或另一个程序中），请先在那里关闭它。`,
      `“${copy}”与“${files.bureau}”都是“阳城县医疗保障局”的工作簿，同一单位只能汇总一次`,
      `“${otherYear}”是部门工作簿（晋城市财政局），只能汇总单位工作簿`,
      `“${otherYear}”是 2024 年的预算（晋城市财政局），本部门工作簿是 2025 年`,
    ]);
    expect(error.message.startsWith('汇总未执行，共 7 处问题：\n')).toBe(true);
    expect(JSON.stringify(department.content())).toBe(before);
    department.close();
  });
});

describe('disclosure consolidate', () => {
  it('previews, consolidates, lists the sources, and refuses with exit code 2', async () => {
    const files = unitsAndDepartment();
    const preview = await disclosure(
      'consolidate',
      files.department,
      files.bureau,
      files.hospital,
      '--preview',
    );
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('预览（未写入）：汇总 2 个单位到 阳城县卫生健康局.ysgk：');
    expect(preview.stdout).toContain(`阳城县医疗保障局（${files.bureau}）：14 个项目，新加入`);
    expect(read(files.department, (workbook) => workbook.consolidatedUnits())).toEqual([]);

    const done = await disclosure('consolidate', files.department, files.bureau, files.hospital);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('已汇总 2 个单位到 阳城县卫生健康局.ysgk（可撤销）：');
    const listed = await disclosure('consolidate', files.department);
    expect(listed.stdout).toContain('阳城县卫生健康局.ysgk 汇总了 2 个单位：');
    expect(listed.stdout).toContain('山西省肿瘤医院（山西省肿瘤研究所）');
    expect(listed.stdout).toContain('文件未变');

    const refused = await disclosure('consolidate', files.bureau, files.hospital);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('只有部门工作簿可以汇总下属单位');
  });
});
