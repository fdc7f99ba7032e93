import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testSession } from './support/app-session';
import { rawPages } from './support/pdf';
import { tempDir } from './support/temp-dir';

const TEMPLATES = fileURLToPath(new URL('./fixtures/templates/', import.meta.url));

const PROFILE = {
  name: '测试县卫生健康局',
  code: null,
  year: 2025,
  scope: '部门' as const,
  unitType: '行政' as const,
  supervisingDepartment: null,
};

async function withNewWorkbook() {
  const app = testSession();
  const dir = tempDir();
  const summary = await app.invoke('workbook/create', {
    path: path.join(dir, '测试'),
    profile: PROFILE,
    subordinateUnits: [{ name: '测试县疾病预防控制中心', unitType: '事业' }],
  });
  return { app, dir, summary };
}

describe('the session’s handlers on a real workbook file', () => {
  it('creates a workbook, types a cell, finds it in the 审核, undoes it, and lists the file as recent', async () => {
    const { app, summary } = await withNewWorkbook();
    expect(summary.path).toMatch(/测试\.ysgk$/);
    expect(fs.existsSync(summary.path)).toBe(true);
    expect(summary.units.map((unit) => unit.name)).toEqual(['测试县卫生健康局', '测试县疾病预防控制中心']);
    expect(summary.history).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });

    await app.invoke('tables/addSubjectRow', { table: 't2', code: '2101101' });
    const typed = await app.invoke('tables/setCell', {
      table: 't2',
      row: '2101101',
      column: 'gpb',
      text: '12.34',
      unit: 'wanYuan',
    });
    expect(typed.history.undoLabel).toContain('表二');
    const t2 = await app.invoke('tables/get', { table: 't2' });
    expect(t2.key).toBe('t2');
    expect(t2.rows.find((row) => row.key === 'total')?.cells['gpb']?.fen).toBe(12_340_000);
    const findings = await app.invoke('checks/findings', {});
    const aboutCell = findings.filter((finding) =>
      finding.cells.some((cell) => cell.table === 't2' && cell.row === '2101101'),
    );
    expect(aboutCell.length).toBeGreaterThan(0);

    const undone = await app.invoke('history/undo', {});
    expect(undone.undone).toBe(typed.history.undoLabel);
    expect(undone.history.canRedo).toBe(true);
    const after = await app.invoke('tables/get', { table: 't2' });
    expect(after.rows.find((row) => row.key === 'total')?.cells['gpb']?.fen ?? null).toBe(null);

    const recent = await app.invoke('workbook/recent', {});
    expect(recent).toEqual([
      expect.objectContaining({ path: summary.path, name: '测试县卫生健康局', year: 2025 }),
    ]);
  });

  it('refuses bad input at the boundary with BAD_REQUEST naming the field, and writes nothing', async () => {
    const { app } = await withNewWorkbook();
    const unknown = await app.refusal('tables/drop', {});
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', message: '没有名为“tables/drop”的请求。' });

    const badTable = await app.refusal('tables/setCell', {
      table: 't99',
      row: 'total',
      column: 'gpb',
      text: '1',
      unit: 'wanYuan',
    });
    expect(badTable.code).toBe('BAD_REQUEST');
    expect(badTable.message).toMatch(/^请求“tables\/setCell”的参数有误：table：/);

    const badYear = await app.refusal('workbook/updateProfile', { changes: { year: '2025年' } });
    expect(badYear.message).toContain('changes.year：');
    const extraKey = await app.refusal('tables/get', { table: 't1', sql: 'DROP TABLE cells' });
    expect(extraKey.message).toContain('"sql"');
    const noInput = await app.refusal('checks/findings', undefined);
    expect(noInput.code).toBe('BAD_REQUEST');

    const history = (await app.invoke('workbook/summary', {}))?.history;
    expect(history?.canUndo).toBe(false);
  });

  it('passes the services’ Chinese refusals through, and hides internal errors behind a logged generic message', async () => {
    const { app } = await withNewWorkbook();
    const computed = await app.refusal('tables/setCell', {
      table: 't2',
      row: 'total',
      column: 'gpb',
      text: '1',
      unit: 'wanYuan',
    });
    expect(computed.code).toBe('COMPUTED_CELL');
    expect(computed.message).toContain('由公式计算，不能直接修改');
    expect(computed.details.table).toBe('表二');

    await app.invoke('workbook/close', {});
    expect(await app.invoke('workbook/summary', {})).toBe(null);
    expect((await app.refusal('checks/findings', {})).code).toBe('WORKBOOK_CLOSED');

    const internal = await app.refusal('dialog/openFile', { purpose: 'workbook' });
    expect(internal.code).toBe('INTERNAL');
    expect(internal.message).not.toContain('no dialog');
    expect(app.logged).toEqual([new Error('no dialog in this test')]);
  });

  it('renames a project and a unit, refusing a malformed request with BAD_REQUEST and a taken name in Chinese', async () => {
    const { app, summary } = await withNewWorkbook();
    const [bureau, centre] = summary.units;
    if (bureau === undefined || centre === undefined) throw new Error('the workbook has two units');
    const { projectId } = await app.invoke('projects/add', {
      unitId: centre.id,
      kind: 'current',
      name: '疾病监测',
    });

    for (const [name, input, field] of [
      ['projects/rename', { projectId, name: 42 }, 'name'],
      ['projects/rename', { projectId: -1, name: '传染病监测' }, 'projectId'],
      ['projects/rename', { projectId, name: '监'.repeat(201) }, 'name'],
      ['units/rename', { unitId: centre.id }, 'name'],
      ['units/rename', { unitId: centre.id, name: '新名称', code: '001' }, '"code"'],
    ] as const) {
      const refusal = await app.refusal(name, input);
      expect(refusal.code, `${name} ${JSON.stringify(input)}`).toBe('BAD_REQUEST');
      expect(refusal.message).toContain(field);
    }

    const renamed = await app.invoke('projects/rename', { projectId, name: '传染病监测' });
    expect(renamed.history.undoLabel).toBe('重命名项目 疾病监测 → 传染病监测');
    await app.invoke('units/rename', { unitId: centre.id, name: '测试县疾控中心' });
    const after = await app.invoke('workbook/summary', {});
    expect(after?.projects.map((project) => project.name)).toEqual(['传染病监测']);
    expect(after?.units.map((unit) => unit.name)).toEqual(['测试县卫生健康局', '测试县疾控中心']);

    const taken = await app.refusal('units/rename', { unitId: centre.id, name: '测试县卫生健康局' });
    expect(taken).toMatchObject({
      code: 'INVALID_ROW',
      message: '已有名为“测试县卫生健康局”的单位，单位名称不能重复',
    });
    expect((await app.invoke('workbook/summary', {}))?.history.undoLabel).toBe(
      '重命名单位 测试县疾病预防控制中心 → 测试县疾控中心',
    );
  });

  it('reopens a workbook it closed and refuses a file that is not one', async () => {
    const { app, summary, dir } = await withNewWorkbook();
    await app.invoke('workbook/close', {});
    const reopened = await app.invoke('workbook/open', { path: summary.path });
    expect(reopened.profile.name).toBe('测试县卫生健康局');
    const notWorkbook = path.join(dir, 'notes.ysgk');
    fs.writeFileSync(notWorkbook, '不是工作簿');
    expect((await app.refusal('workbook/open', { path: notWorkbook })).code).toBe('NOT_A_WORKBOOK');
    // The refused file did not replace the open workbook.
    expect((await app.invoke('workbook/summary', {}))?.path).toBe(summary.path);
  });
});

describe('importing a template into the open workbook', () => {
  it('previews 002’s tables and goal sheets with progress, applies them as one undoable step', async () => {
    const { app, summary } = await withNewWorkbook();
    const preview = await app.invoke('import/preview', {
      jobId: 'import-1',
      tablesFile: path.join(TEMPLATES, '002-tables.xlsx'),
      goalsFile: path.join(TEMPLATES, '002-goals.xlsx'),
    });
    expect(preview.importId).toBe('import-1');
    expect(preview.newRows.length).toBeGreaterThan(20);
    expect(preview.newRows).toContainEqual({ table: '表二', row: '210 卫生健康支出' });
    expect(preview.goalSheetCount).toBeGreaterThan(0);
    const stages = app.events
      .filter((event) => event.name === 'import/progress')
      .map((event) => event.payload as { stage: string; done: number; total: number; jobId: string });
    expect(new Set(stages.map((stage) => stage.jobId))).toEqual(new Set(['import-1']));
    expect(stages.filter((stage) => stage.stage === 'read').length).toBeGreaterThan(13);
    expect(stages.at(-1)).toMatchObject({ stage: 'compare', done: 1, total: 1 });
    // Nothing is written by a preview.
    expect((await app.invoke('workbook/summary', {}))?.history.canUndo).toBe(false);

    const applied = await app.invoke('import/apply', { importId: 'import-1' });
    expect(applied.path).toBe(summary.path);
    expect(applied.profile).toMatchObject({ name: '阳城县医疗保障局', year: 2025, unitType: '行政' });
    expect(applied.history.undoLabel).toBe('导入 002-tables.xlsx');
    expect(app.events.at(-1)).toEqual({
      name: 'workbook/changed',
      payload: { label: '导入 002-tables.xlsx' },
    });
    const goals = await app.invoke('goals/list', {});
    expect(goals).toHaveLength(preview.goalSheetCount);
    const t1 = await app.invoke('tables/get', { table: 't1' });
    expect(t1.isEmpty).toBe(false);

    // The same preview cannot be applied twice.
    expect((await app.refusal('import/apply', { importId: 'import-1' })).code).toBe('INVALID_INPUT');

    await app.invoke('history/undo', {});
    const restored = await app.invoke('workbook/summary', {});
    expect(restored?.profile.name).toBe('测试县卫生健康局');
    expect(restored?.units).toHaveLength(2);
    expect(await app.invoke('goals/list', {})).toEqual([]);
    expect((await app.invoke('tables/get', { table: 't1' })).isEmpty).toBe(true);
  });

  it('keeps the goal sheets of projects the next template still has', async () => {
    const { app } = await withNewWorkbook();
    const importTables = async (jobId: string, goalsFile: string | null) => {
      await app.invoke('import/preview', {
        jobId,
        tablesFile: path.join(TEMPLATES, '002-tables.xlsx'),
        goalsFile,
      });
      return app.invoke('import/apply', { importId: jobId });
    };
    await importTables('with-goals', path.join(TEMPLATES, '002-goals.xlsx'));
    const sheets = await app.invoke('goals/list', {});
    expect(sheets.length).toBeGreaterThan(0);
    const projectNames = async () => {
      const { projects } = (await app.invoke('workbook/summary', {})) ?? { projects: [] };
      const names = new Map(projects.map((project) => [project.id, project.name]));
      return (await app.invoke('goals/list', {})).map((sheet) => names.get(sheet.projectId));
    };
    const before = await projectNames();
    await importTables('tables-only', null);
    expect(await projectNames()).toEqual(before);
    expect(before).not.toContain(undefined);
  });

  it('refuses a damaged template whole, naming the file, and leaves the workbook untouched', async () => {
    const { app, dir } = await withNewWorkbook();
    const damaged = path.join(dir, '表格.xlsx');
    fs.writeFileSync(damaged, fs.readFileSync(path.join(TEMPLATES, '002-tables.xlsx')).subarray(0, 5000));
    const refused = await app.refusal('import/preview', {
      jobId: 'bad',
      tablesFile: damaged,
      goalsFile: null,
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('表格.xlsx');
    const notXlsx = await app.refusal('import/preview', {
      jobId: 'bad',
      tablesFile: path.join(dir, 'tables.csv'),
      goalsFile: null,
    });
    expect(notXlsx.message).toContain('应为 .xlsx 文件');
    expect((await app.refusal('import/apply', { importId: 'bad' })).code).toBe('INVALID_INPUT');
    expect((await app.invoke('workbook/summary', {}))?.history.canUndo).toBe(false);
  });
});

describe('exporting the disclosure PDF', () => {
  async function importedWorkbook() {
    const context = await withNewWorkbook();
    await context.app.invoke('import/preview', {
      jobId: 'import',
      tablesFile: path.join(TEMPLATES, '002-tables.xlsx'),
      goalsFile: null,
    });
    await context.app.invoke('import/apply', { importId: 'import' });
    return context;
  }

  it('exports a watermarked draft with progress events and records it', async () => {
    const { app, dir } = await importedWorkbook();
    const exported = await app.invoke('export/pdf', {
      jobId: 'pdf-1',
      outputFile: path.join(dir, '草稿'),
      kind: 'draft',
      figures: 'asEntered',
    });
    expect(exported.file).toBe(path.join(dir, '草稿.pdf'));
    expect(exported.pageCount).toBeGreaterThan(10);
    expect(fs.statSync(exported.file).size).toBe(exported.bytes);
    expect(rawPages(exported.file)[1]?.replace(/\s/g, '')).toContain('仅供内部审核');
    const progress = app.events
      .filter((event) => event.name === 'export/progress')
      .map((event) => event.payload);
    expect(progress.some((payload) => 'stage' in payload && payload.stage === 'layout')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ jobId: 'pdf-1', stage: 'write', percent: 100 });
    expect(await app.invoke('export/list', {})).toEqual([
      expect.objectContaining({ kind: 'draft', format: 'pdf', file: exported.file }),
    ]);
  });

  it('keeps edits out while exporting, and a cancelled export leaves no file and no record', async () => {
    const { app, dir } = await importedWorkbook();
    const outputFile = path.join(dir, 'cancelled.pdf');
    let editWhileExporting: Promise<unknown> | null = null;
    let switchWhileExporting: Promise<unknown> | null = null;
    const cancelled = new Promise<void>((resolve) => {
      const stop = app.session.events.subscribe((event) => {
        if (event.name !== 'export/progress') return;
        stop();
        editWhileExporting = app.refusal('history/undo', {});
        switchWhileExporting = app.refusal('workbook/create', {
          path: path.join(dir, 'other.ysgk'),
          profile: PROFILE,
          subordinateUnits: [],
        });
        void app.invoke('export/cancel', { jobId: 'pdf-2' }).then(() => resolve());
      });
    });
    const refusal = await app.refusal('export/pdf', {
      jobId: 'pdf-2',
      outputFile,
      kind: 'draft',
      figures: 'adjusted',
    });
    await cancelled;
    expect(refusal).toEqual({ code: 'CANCELLED', message: '已取消导出。', details: {} });
    expect(await editWhileExporting).toMatchObject({ code: 'WORKBOOK_BUSY' });
    expect(await switchWhileExporting).toMatchObject({ code: 'WORKBOOK_BUSY' });
    expect(fs.existsSync(path.join(dir, 'other.ysgk'))).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.includes('cancelled'))).toEqual([]);
    expect(await app.invoke('export/list', {})).toEqual([]);
    // The workbook is editable again once the export has ended.
    expect((await app.invoke('history/undo', {})).undone).toBe('导入 002-tables.xlsx');
  });
});
