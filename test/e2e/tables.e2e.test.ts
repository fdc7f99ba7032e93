/**
 * The renderer core in Chromium against the real services over the bridge: the new-workbook
 * wizard, typing and pasting into 表二 with its roll-ups and the 审核 findings following,
 * fixing an error from its finding, computed cells, undo/redo. Screenshots go to
 * test-artifacts/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workbook } from '../../src-main/services/workbook/workbook';
import { type E2eApp, launchApp } from './support/app';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** A grid cell by the table's row key and column key (ag-grid's row-id and col-id attributes). */
function cell(page: Page, rowKey: string, column: string): Locator {
  return page.locator(`[row-id="||${rowKey}"] [col-id="${column}"]`);
}

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

function openWorkbook(current: E2eApp): Workbook {
  const workbook = current.session.openWorkbook();
  if (workbook === null) throw new Error('no workbook open');
  return workbook;
}

function storedFen(current: E2eApp, table: 't2' | 't3', row: string, column: string): number | null {
  const found = openWorkbook(current)
    .table(table)
    .rows.find((candidate) => candidate.key === row);
  return found?.cells[column]?.fen ?? null;
}

/**
 * A 单位 workbook made and filled through the contract, closed, then opened in the page with
 * 打开… (the file dialog answered by the harness), as a user opens yesterday's file.
 */
async function startWithWorkbook(current: E2eApp, setup: (started: E2eApp) => Promise<void>) {
  const { page } = current;
  // The page asks once on load whether a workbook is open; set up only after it has its answer.
  await eventually(() =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.endsWith('/api/invoke/workbook/summary')),
    ),
  ).toBe(true);
  const file = path.join(current.folder, '测试单位.ysgk');
  await current.request('workbook/create', {
    path: file,
    profile: {
      name: '阳城县测试局',
      code: null,
      year: 2025,
      scope: '单位',
      unitType: '行政',
      supervisingDepartment: null,
    },
    subordinateUnits: [],
  });
  await setup(current);
  await current.request('workbook/close', {});
  await current.answerDialogs(file);
  await page.getByRole('button', { name: '打开…' }).click();
  await page.getByRole('toolbar', { name: '工具栏' }).getByText('阳城县测试局').waitFor();
}

/** The grid answers after a round trip to the main process; a busy CI machine may take seconds. */
function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 15_000 });
}

async function showPart(page: Page, name: RegExp) {
  await page.getByRole('navigation', { name: '文档目录' }).getByRole('button', { name }).click();
}

describe('the tables in the browser', () => {
  it('creates a 部门 workbook through the wizard, the file location from the save dialog', async () => {
    app = await launchApp();
    const { page } = app;
    const file = path.join(app.folder, '阳城县医疗保障局.ysgk');

    const wizard = page.getByRole('form', { name: '新建工作簿' });
    await wizard.getByRole('button', { name: '下一步' }).click();
    await wizard.getByRole('alert').getByText('请填写单位名称').waitFor();
    await wizard.getByLabel('单位名称').fill('阳城县医疗保障局');
    await wizard.getByLabel('年度').fill('2025');
    await wizard.getByLabel('部门预算（含下属单位）').check();
    await wizard.getByLabel('单位类型').selectOption('行政');
    await app.screenshot('start-wizard-profile');
    await wizard.getByRole('button', { name: '下一步' }).click();

    await wizard.getByRole('button', { name: '添加下属单位' }).click();
    await wizard.getByLabel('下属单位 1 名称').fill('阳城县医疗保障服务中心');
    await wizard.getByLabel('下属单位 1 类型').selectOption('事业');
    await app.screenshot('start-wizard-units');
    await wizard.getByRole('button', { name: '下一步' }).click();

    await app.answerDialogs(file);
    await wizard.getByRole('button', { name: '选择…' }).click();
    await eventually(() => wizard.getByLabel('文件位置').inputValue()).toBe(file);
    expect(app.dialogs.asked).toEqual([{ purpose: 'workbook', kind: 'save' }]);
    await wizard.getByRole('button', { name: '创建' }).click();

    await page.getByRole('toolbar', { name: '工具栏' }).getByText('阳城县医疗保障局').waitFor();
    await page
      .getByRole('navigation', { name: '文档目录' })
      .getByRole('button', { name: /^表十三 / })
      .waitFor();
    expect(fs.existsSync(file)).toBe(true);
    const content = openWorkbook(app).content();
    expect(content.profile).toMatchObject({
      name: '阳城县医疗保障局',
      year: 2025,
      scope: '部门',
      unitType: '行政',
    });
    expect(content.units.map((unit) => [unit.name, unit.unitType])).toEqual([
      ['阳城县医疗保障局', '行政'],
      ['阳城县医疗保障服务中心', '事业'],
    ]);

    // Closed, it is in 最近打开, and opens again from there.
    await page.getByRole('button', { name: '关闭' }).click();
    const recent = page.getByRole('region', { name: '最近打开' });
    await recent.getByRole('button', { name: /阳城县医疗保障局 · 2025年/ }).click();
    await page.getByRole('toolbar', { name: '工具栏' }).getByText('2025年 · 部门预算公开').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('types and pastes into 表二; its 类/款 roll-ups, 表一 and the 审核 findings follow', async () => {
    app = await launchApp();
    const { page } = app;
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.bridge.origin });
    await startWithWorkbook(app, async () => {});
    await showPart(page, /^表二 /);
    await page.getByRole('heading', { name: '表二 2025年预算收入总表' }).waitFor();

    // 科目 look-up by code, from the catalogue: 2080501 brings 208 and 20805 with it.
    await page.getByRole('button', { name: '添加科目…' }).click();
    const dialog = page.getByRole('dialog', { name: '在表二添加科目' });
    await dialog.getByLabel('查找科目').fill('离退休');
    await dialog.getByRole('button', { name: /2080501\s*行政单位离退休/ }).click();
    await dialog.getByRole('button', { name: '添加', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '添加科目…' }).click();
    await dialog.getByLabel('科目编码').fill('2080502');
    await dialog.getByRole('button', { name: '添加', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => textOf(cell(page, '20805', 'name'))).toBe('行政事业单位养老支出');
    await eventually(() => textOf(cell(page, '2080502', 'name'))).toBe('事业单位离退休');

    // Typing commits the cell; Enter moves down, as in Excel.
    await cell(page, '2080501', 'gpb').click();
    await page.keyboard.type('100.5');
    await page.keyboard.press('Enter');
    await eventually(() => textOf(cell(page, '2080501', 'gpb'))).toBe('100.50');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await eventually(() => textOf(cell(page, '2080502', 'gpb'))).toBe('20.00');
    expect(await textOf(cell(page, '20805', 'gpb'))).toBe('120.50');
    expect(await textOf(cell(page, 'total', 'gpb'))).toBe('120.50');

    // A block copied from Excel: two lines of two cells, pasted from the focused cell.
    await page.evaluate(() => navigator.clipboard.writeText('1\t2\r\n3.456\t4\r\n'));
    await cell(page, '2080501', 'gfb').click();
    await page.keyboard.press('Control+V');
    await eventually(() => textOf(cell(page, '2080502', 'socb'))).toBe('4.00');
    expect(await textOf(cell(page, '2080502', 'gfb'))).toBe('3.46');
    expect(await textOf(cell(page, '208', 'gfb'))).toBe('4.46');
    expect(await textOf(cell(page, 'total', 'total'))).toBe('130.96');
    // Computed cells are grey and take no typing.
    await eventually(() => cell(page, '20805', 'gpb').getAttribute('class')).toContain('cell-computed');
    expect(await cell(page, '2080501', 'gpb').getAttribute('class')).toContain('cell-input');
    await app.screenshot('table-t2');

    // The main process holds exactly what was typed and pasted, in 分.
    expect(storedFen(app, 't2', '2080501', 'gpb')).toBe(100_500_000);
    expect(storedFen(app, 't2', '2080502', 'gfb')).toBe(3_456_000);
    expect(storedFen(app, 't2', 'total', 'total')).toBe(130_956_000);

    // 表一 reads 表二.
    await showPart(page, /^表一 /);
    const t1 = page.getByRole('region', { name: '表一' });
    await eventually(() => textOf(t1.locator('[row-id="gpb|201|"] [col-id="income.amount"]'))).toBe('120.50');
    expect(await textOf(t1.locator('[row-id="|208|"] [col-id="expenditure.current"]'))).toBe('130.96');
    await app.screenshot('table-t1');

    // 表三 lists nothing yet: X4 names each 科目 表二 has and 表三 lacks.
    const errors = page
      .getByRole('navigation', { name: '文档目录' })
      .getByRole('button', { name: /^审核(?!流程)/ });
    await eventually(() => textOf(errors)).toMatch(/审核\d+ 个错误/);
    await errors.click();
    const errorGroup = page.getByRole('region', { name: /^错误（\d+）$/ });
    await errorGroup
      .getByRole('button', { name: /科目 2080502 事业单位离退休 列在表二，表三中没有/ })
      .waitFor();
    await app.screenshot('checks');
    expect(app.pageErrors).toEqual([]);
  });

  it('fixes an error by clicking its finding: the cell is shown, focused and flashed', async () => {
    app = await launchApp();
    const { page } = app;
    await startWithWorkbook(app, async (started) => {
      await started.request('tables/addSubjectRow', { table: 't2', code: '2080501' });
      await started.request('tables/addSubjectRow', { table: 't3', code: '2080501' });
      await started.request('tables/setCell', {
        table: 't2',
        row: '2080501',
        column: 'gpb',
        text: '103.5',
        unit: 'wanYuan',
      });
      await started.request('tables/setCell', {
        table: 't3',
        row: '2080501',
        column: 'basic',
        text: '100',
        unit: 'wanYuan',
      });
    });

    await showPart(page, /^审核(?!流程)/);
    const finding = page
      .getByRole('button', {
        name: /表三各科目支出等于表二该科目本年收入加上年结转：表三 第\d+行（2080501[^）]*）合计 100\.00 ≠ 表二/,
      })
      .first();
    const errorsBefore = openWorkbook(app)
      .findings()
      .filter((candidate) => candidate.severity === '错误').length;
    await finding.click();

    await page.getByRole('heading', { name: '表三 2025年预算支出总表' }).waitFor();
    const target = cell(page, '2080501', 'total');
    await eventually(() => target.getAttribute('class')).toContain('ag-cell-focus');
    await eventually(() => target.getAttribute('class')).toMatch(/ag-cell-data-changed/);
    expect(await target.isVisible()).toBe(true);
    await page
      .getByLabel('当前单元格')
      .getByText(/表三 第\d+行（2080501 行政单位离退休）“合计”列/)
      .waitFor();
    await page.getByLabel('当前单元格').getByText('计算值（只读）').waitFor();
    await app.screenshot('finding-to-cell');

    // The total is computed: the keyboard moves to 基本支出, where the figure is typed.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('103.5');
    await page.keyboard.press('Enter');
    await eventually(() => textOf(target)).toBe('103.50');
    await showPart(page, /^审核(?!流程)/);
    await page.getByRole('heading', { name: '审核' }).waitFor();
    expect(await finding.count()).toBe(0);
    const errorsAfter = openWorkbook(app)
      .findings()
      .filter((candidate) => candidate.severity === '错误').length;
    expect(errorsAfter).toBeLessThan(errorsBefore);
    await page.getByRole('group', { name: '审核结果统计' }).getByText(`错误 ${errorsAfter}`).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('undoes and redoes with Ctrl+Z / Ctrl+Y, refuses bad amounts in Chinese, overrides only explicitly', async () => {
    app = await launchApp();
    const { page } = app;
    await startWithWorkbook(app, async (started) => {
      await started.request('tables/addSubjectRow', { table: 't2', code: '2080501' });
    });
    await showPart(page, /^表二 /);
    const gpb = cell(page, '2080501', 'gpb');
    await gpb.click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await eventually(() => textOf(gpb)).toBe('12.00');

    // 元: 12345.67 元 is 1.234567 万元, shown as 1.23 and stored exactly.
    await page.getByRole('radiogroup', { name: '输入单位' }).getByLabel('元', { exact: true }).check();
    await gpb.click();
    await page.keyboard.type('12345.67');
    await page.keyboard.press('Enter');
    await eventually(() => textOf(gpb)).toBe('1.23');
    expect(storedFen(app, 't2', '2080501', 'gpb')).toBe(1_234_567);

    const undo = page.getByRole('button', { name: '撤销' });
    expect(await undo.getAttribute('title')).toBe(
      '撤销：修改 表二 第4行（2080501 行政单位离退休）“一般公共预算”列（Ctrl+Z）',
    );
    await gpb.click();
    await page.keyboard.press('Control+Z');
    await eventually(() => textOf(gpb)).toBe('12.00');
    await page.getByRole('status').getByText('已撤销：修改 表二 第4行').waitFor();
    await page.keyboard.press('Control+Y');
    await eventually(() => textOf(gpb)).toBe('1.23');
    await undo.click();
    await eventually(() => textOf(gpb)).toBe('12.00');
    await page.getByRole('button', { name: '重做' }).click();
    await eventually(() => textOf(gpb)).toBe('1.23');

    // A bad amount is refused with the main process's Chinese message; nothing changes.
    await gpb.click();
    await page.keyboard.type('1.2.3');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .getByText(/“1\.2\.3”含有多个小数点/)
      .waitFor();
    expect(storedFen(app, 't2', '2080501', 'gpb')).toBe(1_234_567);
    await page.getByRole('button', { name: '知道了' }).click();

    // A computed cell takes no typing; 覆盖计算值 replaces it explicitly, 恢复公式 undoes that.
    await page.getByRole('radiogroup', { name: '输入单位' }).getByLabel('万元').check();
    const total = cell(page, 'total', 'gpb');
    await total.click();
    await page.keyboard.type('5');
    expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
    await page.getByRole('button', { name: '覆盖计算值' }).click();
    await page.getByLabel('覆盖值（万元）').fill('1.24');
    await page.getByRole('button', { name: '确定覆盖' }).click();
    await eventually(() => total.getAttribute('class')).toContain('cell-overridden');
    expect(await textOf(total)).toBe('1.24');
    await page.getByLabel('当前单元格').getByText('公式得出 1.23 万元').waitFor();
    await app.screenshot('override');
    await page.getByRole('button', { name: '恢复公式' }).click();
    await eventually(() => total.getAttribute('class')).toContain('cell-computed');
    expect(await textOf(total)).toBe('1.23');
    expect(app.pageErrors).toEqual([]);
  });
});
