import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyGoalSheet } from '../shared/goal-sheets/model';
import { rowKey } from '../shared/workbook/content';
import { exportDisclosurePdf } from '../src-main/services/export-pdf/export-disclosure-pdf';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { Workbook } from '../src-main/services/workbook/workbook';
import { errorOf } from './support/errors';
import { fixturePath } from './support/fixtures';
import { importSeed, layoutPages, rawPages, squeezed, tableStartPages } from './support/pdf';
import { finalise } from './support/review';
import { newWorkbook } from './support/workbooks';

function projectName(workbook: Workbook, projectId: number): string | undefined {
  return workbook.content().projects.find((project) => project.id === projectId)?.name;
}

function rowOf(workbook: Workbook, table: 't11' | 't12' | 't13', key: string) {
  return workbook.table(table).rows.find((row) => row.key === key);
}

/** A 单位 workbook with one 表十二 project, its 12.34 万元 and a 绩效目标表 that says so. */
function workbookWithProject() {
  const workbook = newWorkbook();
  const unitId = workbook.content().units[0]?.id ?? 0;
  const projectId = workbook.addProject({ unitId, kind: 'current', name: '医保信息系统运维' });
  const key = rowKey.project(projectId);
  workbook.setCell({ table: 't12', row: key, column: 'gpb', text: '12.34', unit: 'wanYuan' });
  const sheet = emptyGoalSheet(projectId);
  workbook.setGoalSheet({ ...sheet, texts: { ...sheet.texts, overview: '保障医保信息系统全年稳定运行' } });
  return { workbook, unitId, projectId, key };
}

describe('renaming a project', () => {
  it('keeps its row, figures and 绩效目标表, as one step undone and redone, across reopening', () => {
    const { workbook, projectId, key } = workbookWithProject();
    workbook.renameProject(projectId, '  医疗保障信息平台运行维护  ');

    expect(projectName(workbook, projectId)).toBe('医疗保障信息平台运行维护');
    expect(rowOf(workbook, 't12', key)?.labels['name']).toBe('医疗保障信息平台运行维护');
    expect(rowOf(workbook, 't12', key)?.cells['gpb']?.fen).toBe(12_340_000);
    expect(rowOf(workbook, 't12', rowKey.total)?.cells['total']?.fen).toBe(12_340_000);
    expect(workbook.goalSheets().map((sheet) => [sheet.projectId, sheet.texts.overview])).toEqual([
      [projectId, '保障医保信息系统全年稳定运行'],
    ]);
    expect(workbook.historyLabels().undo).toBe('重命名项目 医保信息系统运维 → 医疗保障信息平台运行维护');

    expect(workbook.undo()).toBe('重命名项目 医保信息系统运维 → 医疗保障信息平台运行维护');
    expect(projectName(workbook, projectId)).toBe('医保信息系统运维');
    expect(rowOf(workbook, 't12', key)?.cells['gpb']?.fen).toBe(12_340_000);
    expect(workbook.goalSheets()).toHaveLength(1);
    // The step before the rename is still the goal sheet's: the rename was one step.
    expect(workbook.historyLabels().undo).toBe('修改绩效目标表 医保信息系统运维');

    workbook.redo();
    expect(projectName(workbook, projectId)).toBe('医疗保障信息平台运行维护');
    const file = workbook.path;
    workbook.close();

    const reopened = Workbook.open(file);
    expect(projectName(reopened, projectId)).toBe('医疗保障信息平台运行维护');
    expect(rowOf(reopened, 't12', key)?.cells['gpb']?.fen).toBe(12_340_000);
    expect(reopened.goalSheets()[0]?.projectId).toBe(projectId);
    expect(reopened.historyLabels().undo).toBe('重命名项目 医保信息系统运维 → 医疗保障信息平台运行维护');
    reopened.close();
  });

  it('refuses an empty, too long or taken name in Chinese and records nothing', () => {
    const { workbook, unitId, projectId } = workbookWithProject();
    const other = workbook.addProject({ unitId, kind: 'current', name: '医保政策宣传经费' });
    const carriedOver = workbook.addProject({ unitId, kind: 'carryover', name: '医保信息系统运维' });
    const stepsBefore = workbook.historyLabels();

    expect(errorOf(() => workbook.renameProject(projectId, '   '))).toMatchObject({
      code: 'INVALID_ROW',
      message: '项目名称不能为空',
    });
    expect(errorOf(() => workbook.renameProject(projectId, '经'.repeat(201))).message).toBe(
      '项目名称不能超过 200 个字（现为 201 个字）',
    );
    expect(errorOf(() => workbook.renameProject(other, ' 医保信息系统运维 ')).message).toBe(
      '表十二中测试县医疗保障局已有名为“医保信息系统运维”的项目，同一单位的项目名称不能重复',
    );
    expect(errorOf(() => workbook.renameProject(9999, '新项目')).message).toBe('找不到编号为 9999 的项目');
    expect(projectName(workbook, other)).toBe('医保政策宣传经费');
    expect(workbook.historyLabels()).toEqual(stepsBefore);

    // 表十三 is another list: the carried-over project may share the current one's name.
    workbook.renameProject(other, '经'.repeat(200));
    expect(projectName(workbook, other)).toHaveLength(200);
    workbook.renameProject(carriedOver, '医保信息系统运维（上年结转）');
    workbook.renameProject(carriedOver, '医保政策宣传经费');
    expect(projectName(workbook, carriedOver)).toBe('医保政策宣传经费');
    // The name it has already is not a change, and no step.
    const labels = workbook.historyLabels();
    workbook.renameProject(projectId, '医保信息系统运维 ');
    expect(workbook.historyLabels()).toEqual(labels);
    workbook.close();
  });
});

describe('renaming a unit', () => {
  it('keeps its projects and rows in 表十一/表十二, and refuses a name another unit has', () => {
    const workbook = newWorkbook('部门');
    const centre = workbook.addUnit({ name: '医疗保障服务中心', unitType: '事业' });
    workbook.setUnitInOperatingCosts(centre, true);
    workbook.setCell({ table: 't11', row: rowKey.unit(centre), column: 'gpb', text: '3', unit: 'wanYuan' });
    const projectId = workbook.addProject({ unitId: centre, kind: 'current', name: '经办服务' });
    workbook.setCell({
      table: 't12',
      row: rowKey.project(projectId),
      column: 'gpb',
      text: '5',
      unit: 'wanYuan',
    });

    workbook.renameUnit(centre, '医疗保障事务中心');
    expect(workbook.historyLabels().undo).toBe('重命名单位 医疗保障服务中心 → 医疗保障事务中心');
    expect(workbook.content().units.map((unit) => unit.name)).toEqual([
      '测试县医疗保障局',
      '医疗保障事务中心',
    ]);
    expect(rowOf(workbook, 't11', rowKey.unit(centre))?.labels['unitName']).toBe('医疗保障事务中心');
    expect(rowOf(workbook, 't11', rowKey.unit(centre))?.cells['total']?.fen).toBe(3_000_000);
    expect(rowOf(workbook, 't12', rowKey.unit(centre))?.labels['name']).toBe('医疗保障事务中心');
    expect(rowOf(workbook, 't12', rowKey.unit(centre))?.cells['gpb']?.fen).toBe(5_000_000);
    expect(workbook.content().projects.find((project) => project.id === projectId)?.unitId).toBe(centre);

    expect(errorOf(() => workbook.renameUnit(centre, '测试县医疗保障局')).message).toBe(
      '已有名为“测试县医疗保障局”的单位，单位名称不能重复',
    );
    expect(errorOf(() => workbook.renameUnit(centre, '')).message).toBe('单位名称不能为空');
    expect(errorOf(() => workbook.renameUnit(77, '某单位')).message).toBe('找不到编号为 77 的单位');

    workbook.undo();
    expect(workbook.content().units.map((unit) => unit.name)).toEqual([
      '测试县医疗保障局',
      '医疗保障服务中心',
    ]);
    workbook.redo();
    expect(workbook.content().units[1]?.name).toBe('医疗保障事务中心');
    workbook.close();
  });
});

describe('naming the subordinate units of a new 部门', () => {
  it('refuses a name the 本级 or another unit has, or one too long, and writes no file', () => {
    const profile = {
      name: '阳城县卫生健康局',
      code: null,
      year: 2025,
      scope: '部门',
      unitType: '行政',
      supervisingDepartment: null,
    } as const;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-units-'));
    const create = (names: string[]) => () =>
      Workbook.create(
        path.join(folder, `${names.length}.ysgk`),
        profile,
        names.map((name) => ({ name, unitType: null })),
      );
    expect(errorOf(create(['阳城县人民医院', ' 阳城县人民医院 '])).message).toBe(
      '已有名为“阳城县人民医院”的单位，单位名称不能重复',
    );
    expect(errorOf(create(['阳城县卫生健康局'])).message).toBe(
      '已有名为“阳城县卫生健康局”的单位，单位名称不能重复',
    );
    expect(errorOf(create(['院'.repeat(201), '甲', '乙'])).message).toBe(
      '单位名称不能超过 200 个字（现为 201 个字）',
    );
    expect(fs.readdirSync(folder)).toEqual([]);
    const created = create(['阳城县人民医院', '阳城县中医院', '阳城县妇幼保健院', '阳城县疾控中心'])();
    expect(created.content().units.map((unit) => unit.name)).toHaveLength(5);
    created.close();
  });
});

describe('renaming in 已定稿', () => {
  it('refuses both renames, before looking at the name', () => {
    const { workbook, unitId, projectId } = workbookWithProject();
    finalise(workbook);
    for (const rename of [
      () => workbook.renameProject(projectId, '新名称'),
      () => workbook.renameProject(projectId, ''),
      () => workbook.renameUnit(unitId, '新单位名称'),
    ]) {
      expect(errorOf(rename)).toMatchObject({
        code: 'REVIEW_STATE',
        message: '工作簿已定稿，不能再修改；如需修改，请先退回编制中（需说明理由）',
      });
    }
    expect(projectName(workbook, projectId)).toBe('医保信息系统运维');
    workbook.close();
  });
});

describe('the disclosure after renaming a project (seed 002)', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-rename-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints the new name in 表十二 and on the project’s 绩效目标表, with its figures', async () => {
    const workbook = importSeed('002');
    importGoalsJson(workbook, fixturePath('002').replace('-tables.json', '-goals.json'));
    const project = workbook.content().projects.find((candidate) => candidate.name === '网络维护费');
    if (project === undefined) throw new Error('seed 002 has no 网络维护费');
    expect(workbook.goalSheets().some((sheet) => sheet.projectId === project.id && sheet.isPublished)).toBe(
      true,
    );
    workbook.renameProject(project.id, '医保信息系统运行维护费');
    finalise(workbook);
    const file = path.join(folder, '002.pdf');
    // Final: without the watermark, whose letters pdftotext would mix into the text.
    await exportDisclosurePdf(
      workbook,
      { outputFile: file, kind: 'final', figures: 'asEntered', overrideReason: '测试' },
      { inThisThread: true },
    );
    workbook.close();

    const pages = layoutPages(file);
    const raw = rawPages(file).map(squeezed);
    const starts = tableStartPages(pages);
    const t12 = raw.slice((starts[11] ?? 0) - 1, (starts[12] ?? 0) - 1).join('');
    expect(t12).toContain('医保信息系统运行维护费8.10');
    expect(t12).not.toContain('网络维护费');
    const sheets = raw.slice(raw.findLastIndex((page) => page.includes('十、绩效管理情况'))).join('');
    expect(sheets).toContain('项目名称医保信息系统运行维护费');
    expect(sheets).not.toContain('项目名称网络维护费');
  }, 120_000);
});
