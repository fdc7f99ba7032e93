import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture, withoutBookkeeping } from './support/fixtures';
import { disclosure } from './support/cli';
import { tempDir } from './support/temp-dir';

describe('the disclosure command', () => {
  it('creates a workbook and shows its empty tables as aligned text', async () => {
    const file = path.join(tempDir(), '新单位.ysgk');
    const created = await disclosure(
      'new',
      file,
      '--unit',
      '某县财政局',
      '--year',
      '2026',
      '--scope',
      '部门',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('已创建工作簿');
    const shown = await disclosure('show', file, '--table', '10');
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\n').slice(0, 4)).toEqual([
      '表十  2026年财政拨款安排“三公”经费支出预算表',
      '部门名称：某县财政局',
      '单位：万元',
      '项目                  合计  一般公共预算  政府性基金预算  国有资本经营预算',
    ]);
    expect(shown.stdout).toContain('注：本表无数据');
    expect(
      (await disclosure('new', file, '--unit', 'x', '--year', '2026', '--scope', '部门')).stderr,
    ).toContain('已存在');
  });

  it('refuses bad arguments with a usage message and exit code 2', async () => {
    const dir = tempDir();
    const noScope = await disclosure('new', path.join(dir, 'a.ysgk'), '--unit', '某局', '--year', '2025');
    expect(noScope.code).toBe(2);
    expect(noScope.stderr).toContain('--scope');
    expect((await disclosure('frobnicate')).stderr).toContain('未知命令');
    expect((await disclosure('show', path.join(dir, 'missing.ysgk'))).stderr).toContain('找不到工作簿文件');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('imports a seed, refuses to overwrite unless told, and shows --json equal to the fixture', async () => {
    const file = path.join(tempDir(), '003.ysgk');
    const imported = await disclosure('import', fixturePath('003'), '-o', file);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/4 个单位，25 个项目/);
    const again = await disclosure('import', fixturePath('003'), '-o', file);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect((await disclosure('import', fixturePath('003'), '-o', file, '--force')).code).toBe(0);

    const shown = JSON.parse((await disclosure('show', file, '--json')).stdout);
    const fixture = readFixture('003');
    expect(Object.keys(shown.tables)).toEqual(Object.keys(fixture.tables));
    expect(shown.tables.t12).toEqual(withoutBookkeeping(fixture.tables['t12']));
    expect(shown.tables.t6).toEqual(withoutBookkeeping(fixture.tables['t6']));
    const one = JSON.parse((await disclosure('show', file, '--json', '--table', '2')).stdout);
    expect(Object.keys(one.tables)).toEqual(['t2']);
  });

  it('prints 表一 with income and expenditure side by side and marks overridden cells', async () => {
    const file = path.join(tempDir(), '002.ysgk');
    await disclosure('import', fixturePath('002'), '-o', file);
    const t1 = (await disclosure('show', file, '--table', '1')).stdout.split('\n');
    expect(t1[3]).toMatch(/^项目\s+2025年\s+项目\s+2025年合计\s+当年预算安排\s+上年结转安排$/);
    expect(t1[4]).toMatch(/^一、一般公共预算\s+1392\.64\s+一、一般公共服务支出$/);
    expect(t1.find((line) => line.includes('十、卫生健康支出'))).toMatch(
      /十、卫生健康支出\s+738\.82\s+716\.44\s+22\.38$/,
    );
    const t3 = (await disclosure('show', file, '--table', '3')).stdout;
    // 表三 210 is printed 738.83 although 基本 120.23 + 项目 618.59 = 738.82 (tables-spec.md §6.1).
    expect(t3).toMatch(/210\s+卫生健康支出\s+738\.83\*/);
    expect(t3).toContain('* 覆盖了计算值的单元格');
  });
});

describe('disclosure check', () => {
  it('prints the 审核 findings of a seed, 尾差 as 提示, and exits 1 with 错误', async () => {
    const checked = await disclosure('check', fixturePath('002'));
    // The tables alone: each of the 12 表十二 projects lacks its goal sheet (R1).
    expect(checked.code).toBe(1);
    const lines = checked.stdout.trim().split('\n');
    expect(lines[0]).toBe('审核 002-tables.json：错误 12 项，提示 30 项，信息 4 项');
    expect(lines).toContain(
      '[提示] X4 表三各科目支出等于表二该科目本年收入加上年结转：表三 第12行（210 卫生健康支出）合计 738.83 ≠ ' +
        '表二 第12行（210 卫生健康支出）合计 716.44 + 上年结转 22.38 = 738.82（差 0.01），在四舍五入误差之内（尾差）',
    );
    const json = JSON.parse((await disclosure('check', fixturePath('002'), '--json')).stdout);
    expect(json).toHaveLength(46);
    expect(json[0]).toMatchObject({ ruleId: 'T1.6', severity: '提示', isRounding: true });
  });

  it('exits 1 when a workbook has an error', async () => {
    const file = path.join(tempDir(), 'broken.ysgk');
    await disclosure('new', file, '--unit', '某局', '--year', '2025', '--scope', '单位');
    const { Workbook } = await import('../src-main/services/workbook/workbook');
    const workbook = Workbook.open(file);
    workbook.addSubjectRow({ table: 't2', code: '2101101' });
    workbook.setCell({ table: 't2', row: '2101101', column: 'gpb', text: '100', unit: 'yuan' });
    workbook.close();
    const checked = await disclosure('check', file);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^审核 broken\.ysgk：错误 \d+ 项/);
    expect(checked.stdout).toContain('[错误] X4 表二与表三列出相同的科目');
  });
});

describe('disclosure import --force', () => {
  it('keeps the existing workbook when the new import fails, and never replaces one open elsewhere', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'mine.ysgk');
    await disclosure('new', target, '--unit', '我的单位', '--year', '2025', '--scope', '单位');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ kind: '单位' }));
    const failed = await disclosure('import', bad, '-o', target, '--force');
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('unitName');
    expect((await disclosure('show', target, '--json')).stdout).toContain('我的单位');
    expect(fs.readdirSync(dir).sort()).toEqual(['bad.json', 'mine.ysgk']);

    const { startChild, waitForLine, outputOf } = await import('./support/child-process');
    const holder = startChild('hold', target);
    await waitForLine(holder, 'ready');
    try {
      const refused = await disclosure('import', fixturePath('002'), '-o', target, '--force');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('已被打开');
    } finally {
      holder.kill('SIGKILL');
      await outputOf(holder);
    }
    expect((await disclosure('import', fixturePath('002'), '-o', target, '--force')).code).toBe(0);
    expect((await disclosure('show', target, '--json')).stdout).toContain('阳城县医疗保障局');
    expect((await disclosure('import', fixturePath('002'), '-o', dir, '--force')).stderr).toContain(
      '是一个文件夹',
    );
  });
});

describe('disclosure show --adjusted', () => {
  it('prints tables that add up after 尾差调整 and lists each adjustment', async () => {
    const file = path.join(tempDir(), '003.ysgk');
    await disclosure('import', fixturePath('003'), '-o', file);
    const shown = await disclosure('show', file, '--table', '2', '--adjusted');
    expect(shown.code).toBe(0);
    // §6.1 003 #1: 20805 printed 323.66 over 71.63 + 11.26 + 240.76 = 323.65; the largest part takes the 0.01.
    expect(shown.stdout).toMatch(
      /2080505\s+\u3000\u3000机关事业单位基本养老保险缴费支出\s+240\.77\s+240\.77/,
    );
    expect(shown.stdout).toContain('尾差调整 2 处（工作簿中保存的金额不变）：');
    expect(shown.stdout).toContain(
      '表二 第15行（2080505 机关事业单位基本养老保险缴费支出）“合计”列 240.76 → 240.77',
    );
    const unadjusted = await disclosure('show', file, '--table', '2');
    expect(unadjusted.stdout).toMatch(
      /2080505\s+\u3000\u3000机关事业单位基本养老保险缴费支出\s+240\.76\s+240\.76/,
    );
  });
});

describe('disclosure narrative', () => {
  it('prints 第三部分 generated from the tables and 第四部分', async () => {
    const file = path.join(tempDir(), '003.ysgk');
    await disclosure('import', fixturePath('003'), '-o', file);
    const printed = await disclosure('narrative', file);
    expect(printed.code).toBe(0);
    const lines = printed.stdout.split('\n');
    expect(lines[0]).toBe('第三部分 2024年度部门预算情况说明');
    expect(lines).toContain('三、支出预算情况说明');
    expect(lines).toContain(
      '2024年度晋城市财政局支出预算4,585.44万元，其中：基本支出2,805.92万元，占61.19%；项目支出1,779.52万元，占38.81%。',
    );
    expect(lines).toContain('第四部分 名词解释');
    expect(lines.at(-2)).toBe('12. 财政拨款：包含一般公共预算、政府性基金预算、国有资本经营预算。');
  });
});

describe('disclosure import of a tables .xlsx', () => {
  it('imports a hand-edited template to the seed’s tables', async () => {
    const file = path.join(tempDir(), '004.ysgk');
    const source = fileURLToPath(new URL('./fixtures/templates/004-tables-messy.xlsx', import.meta.url));
    const imported = await disclosure('import', source, '-o', file);
    expect(imported.code).toBe(0);
    const shown = JSON.parse((await disclosure('show', file, '--json', '--table', '12')).stdout);
    expect(shown.tables.t12).toEqual(withoutBookkeeping(readFixture('004').tables['t12']));
    const bad = await disclosure(
      'import',
      fixturePath('004').replace('.json', '.xlsx'),
      '-o',
      path.join(tempDir(), 'y.ysgk'),
    );
    expect(bad.code).toBe(2);
  });
});
