/**
 * What the app shows before the service would refuse: a 已定稿 workbook read-only everywhere
 * with one notice, 内部审核's notice that edits void stamps, 定稿 disabled with its reason;
 * removals confirmed in an in-app alert dialog naming what goes; 表十二/表十三's column-number
 * row; every table screen within a 1366×768 screen; the 整体 sheet's 年度预算情况 block.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { wholeUnitBudget, wholeUnitBudgetLines } from '../../shared/goal-sheets/whole-unit-budget';
import { formatWanYuan } from '../../shared/money';
import { TABLE_DEFINITIONS } from '../../shared/tables/definitions';
import { TABLE_KEYS } from '../../shared/tables/types';
import { openWorkbook, workbookOf } from './content-workbook';
import { eventually, showPart, typeIntoCell } from './navigation';
import { type E2eApp, launchApp } from './support/app';

const FINALISED_NOTICE = '已定稿：如需修改，请在审核流程中退回编制中';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

function gridCell(page: Page, row: string, column: string): Locator {
  return page.locator(`[row-id="||${row}"] [col-id="${column}"]`);
}

/** Double-clicks a cell and types, as a user would; answers whether an editor opened. */
async function tryToEdit(page: Page, cell: Locator): Promise<boolean> {
  await cell.dblclick();
  const isEditing = (await page.locator('.ag-cell-inline-editing').count()) > 0;
  await page.keyboard.press('Escape');
  return isEditing;
}

async function stamp(page: Page, screen: Locator): Promise<void> {
  await screen.getByRole('button', { name: '签章…' }).click();
  const dialog = page.getByRole('dialog', { name: '签章' });
  await dialog.getByLabel('审核人').fill('张审核');
  await dialog.getByLabel('职务或角色').fill('财务科科长');
  await dialog.getByRole('button', { name: '盖章' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the review state in every screen', () => {
  it('warns that edits void stamps in 内部审核, offers 定稿 only when the service would take it, and shows 已定稿 read-only', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    await showPart(page, /^审核流程/);
    const screen = page.getByRole('region', { name: '审核流程' });
    await screen.getByLabel('您的姓名').fill('王编制');
    await screen.getByRole('button', { name: '提交审核' }).click();
    await page
      .getByRole('note')
      .getByText(/^内部审核中：此时修改内容，已盖的印章将显示为“已失效”/)
      .waitFor();

    const approve = screen.getByRole('button', { name: '定稿' });
    await screen.getByText('暂不能定稿：第 1 版尚无有效的“通过”印章').waitFor();
    expect(await approve.isDisabled()).toBe(true);
    await stamp(page, screen);
    await eventually(() => approve.isDisabled()).toBe(false);

    // An edit during 内部审核 is taken, and 定稿 is withdrawn with the reason the service would give.
    await showPart(page, /^表二 /);
    await typeIntoCell(page, '2080109', 'gpb', '400', '400.00');
    await showPart(page, /^审核流程/);
    await screen
      .getByText('暂不能定稿：第 1 版提交审核后内容已有改动；请退回编制中，再重新提交审核')
      .waitFor();
    expect(await approve.isDisabled()).toBe(true);
    await app.screenshot('polish-approve-blocked');
    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '撤销' }).click();
    await eventually(() => approve.isDisabled()).toBe(false);
    await approve.click();
    const stages = screen.getByRole('list', { name: '审核阶段' });
    await eventually(async () => (await stages.locator('[aria-current="step"]').textContent())?.trim()).toBe(
      '已定稿',
    );

    // One notice, above whichever screen is shown.
    await page.getByRole('note').getByText(FINALISED_NOTICE, { exact: true }).waitFor();
    expect(await page.getByText(FINALISED_NOTICE).count()).toBe(1);
    const toolbar = page.getByRole('toolbar', { name: '工具栏' });
    expect(await toolbar.getByRole('button', { name: '导入' }).isDisabled()).toBe(true);

    // 表二: no cell opens an editor, typing and pasting change nothing, the row tools are off.
    await showPart(page, /^表二 /);
    const cell = gridCell(page, '2080109', 'gpb');
    await eventually(async () => (await cell.textContent())?.trim()).toBe('490.56');
    expect(await tryToEdit(page, cell)).toBe(false);
    await cell.click();
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    const table = page.getByRole('region', { name: '表二' });
    expect(await table.getByRole('button', { name: '添加科目…' }).isDisabled()).toBe(true);
    expect(await table.getByRole('button', { name: '删除科目' }).isDisabled()).toBe(true);
    expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
    expect(
      workbookOf(app)
        .table('t2')
        .rows.find((row) => row.key === '2080109')?.cells['gpb']?.fen,
    ).toBe(490_560_000);
    await app.screenshot('polish-finalised-table');

    // The goal sheets: every field and button of the form is off, the indicator grid opens no editor.
    await showPart(page, /^绩效目标表/);
    await page
      .getByRole('navigation', { name: '绩效目标表清单' })
      .getByRole('button', { name: '城乡医疗救助 已填' })
      .click();
    const form = page.getByRole('form', { name: '绩效目标表 城乡医疗救助' });
    expect(await form.getByRole('textbox', { name: '实施期资金总额' }).isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: '添加指标' }).isDisabled()).toBe(true);
    const indicator = form
      .getByRole('region', { name: '年度绩效指标' })
      .getByRole('row', { name: /住院人数/ })
      .getByRole('gridcell', { name: '住院人数', exact: true });
    expect(await tryToEdit(page, indicator)).toBe(false);
    // Which list is shown is not an edit: the tabs still switch.
    await form.getByRole('tab', { name: /^实施期绩效指标/ }).click();
    await form.getByRole('region', { name: '实施期绩效指标' }).waitFor();
    await app.screenshot('polish-finalised-goal-sheet');
    await page
      .getByRole('navigation', { name: '绩效目标表清单' })
      .getByRole('button', { name: /整体支出绩效目标申报表/ })
      .click();
    const whole = page.getByRole('form', { name: '整体支出绩效目标申报表' });
    expect(await whole.getByRole('textbox', { name: '部门职责' }).isDisabled()).toBe(true);

    // 情况说明 and 概况.
    await showPart(page, /^情况说明/);
    await page.getByRole('tab', { name: '填报内容' }).click();
    const inputs = page.getByRole('form', { name: '情况说明填报内容' });
    await inputs.waitFor();
    expect(await inputs.getByRole('textbox').first().isDisabled()).toBe(true);
    await app.screenshot('polish-finalised-narrative');
    await showPart(page, /^概况/);
    const overview = page.getByRole('form', { name: '概况' });
    await overview.waitFor();
    expect(await overview.getByRole('textbox').first().isDisabled()).toBe(true);
    expect(await overview.getByRole('button', { name: '保存概况' }).isDisabled()).toBe(true);

    // Last year's document would be taken into the workbook: not offered.
    await showPart(page, /^上年数据/);
    expect(await page.getByRole('button', { name: '导入上年数据…' }).isDisabled()).toBe(true);
    await app.screenshot('polish-finalised-last-year');
    expect(app.pageErrors).toEqual([]);
  }, 240_000);
});

describe('removals, column numbers, the 1366 px screen and the 整体 budget block', () => {
  it('asks before removing a project, a subject or an indicator, naming it', async () => {
    app = await launchApp();
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await openWorkbook(app, '002');
    const projects = () => workbookOf(app as E2eApp).content().projects.length;
    const before = projects();

    await showPart(page, /^表十二 /);
    const t12 = page.getByRole('region', { name: '表十二' });
    const project = workbookOf(app)
      .content()
      .projects.find((candidate) => candidate.name === '城乡医疗救助');
    if (project === undefined) throw new Error('002 has no 城乡医疗救助');
    await gridCell(page, `project:${project.id}`, 'total').click();
    await t12.getByRole('button', { name: '删除项目' }).click();
    const confirm = page.getByRole('alertdialog', { name: '删除项目' });
    await confirm.getByText('将删除项目“城乡医疗救助”及其绩效目标表。删除后可以撤销（Ctrl+Z）。').waitFor();
    await app.screenshot('polish-confirm-removal');
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(projects()).toBe(before);
    await t12.getByRole('button', { name: '删除项目' }).click();
    await confirm.getByRole('button', { name: '确定删除' }).click();
    await gridCell(page, `project:${project.id}`, 'total').waitFor({ state: 'detached' });
    expect(projects()).toBe(before - 1);

    await showPart(page, /^表二 /);
    await gridCell(page, '2080109', 'gpb').click();
    await page.getByRole('region', { name: '表二' }).getByRole('button', { name: '删除科目' }).click();
    const subject = page.getByRole('alertdialog', { name: '删除科目' });
    await subject
      .getByText('将删除科目“2080109 社会保险经办机构”及其下级科目。删除后可以撤销（Ctrl+Z）。')
      .waitFor();
    // Esc answers 取消.
    await page.keyboard.press('Escape');
    await subject.waitFor({ state: 'detached' });
    await gridCell(page, '2080109', 'gpb').waitFor();

    // A sheet of another project, with indicators.
    const sheet = workbookOf(app)
      .goalSheets()
      .find((candidate) => candidate.projectId !== project.id && candidate.indicators.annual.length > 1);
    const sheetProject = workbookOf(app)
      .content()
      .projects.find((candidate) => candidate.id === sheet?.projectId);
    if (sheetProject === undefined) throw new Error('002 has no other sheet with indicators');
    await showPart(page, /^绩效目标表/);
    await page
      .getByRole('navigation', { name: '绩效目标表清单' })
      .getByRole('button', { name: `${sheetProject.name} 已填` })
      .click();
    const form = page.getByRole('form', { name: `绩效目标表 ${sheetProject.name}` });
    const grid = form.getByRole('region', { name: '年度绩效指标' });
    const firstRow = grid.getByRole('row').nth(1);
    const name = ((await firstRow.locator('[col-id="name"]').textContent()) ?? '').trim();
    const rowsBefore = await grid.getByRole('row').count();
    await firstRow.locator('[col-id="name"]').click();
    await form.getByRole('button', { name: '删除指标' }).click();
    const indicator = page.getByRole('alertdialog', { name: '删除指标' });
    await indicator.getByText(`将从年度绩效指标中删除指标“${name}”`, { exact: false }).waitFor();
    await indicator.getByRole('button', { name: '确定删除' }).click();
    await eventually(() => grid.getByRole('row').count()).toBe(rowsBefore - 1);
    expect(app.pageErrors).toEqual([]);
  }, 180_000);

  it('numbers the columns of 表十二 and 表十三, fits every table in 1366 px and shows the 整体 budget block', async () => {
    app = await launchApp();
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await openWorkbook(app, '002');

    const widths: Record<string, number> = {};
    for (const key of TABLE_KEYS) {
      const definition = TABLE_DEFINITIONS[key];
      await showPart(page, new RegExp(`^${definition.shortName} `));
      const region = page.getByRole('region', { name: definition.shortName });
      // A chosen cell fills the bar above the grid with its description and tools: the widest state.
      await region.locator('[row-id] .cell-amount').last().click();
      await region.getByLabel('当前单元格').waitFor();
      widths[definition.shortName] = await page.evaluate(() => document.documentElement.scrollWidth);
      if (key === 't2') await app.screenshot('polish-t2-1366');
      if (definition.hasColumnNumbers) {
        const numbers = page
          .getByRole('region', { name: definition.shortName })
          .locator('.row-column-numbers');
        const printed = Object.values(definition.columns)
          .flat()
          .filter((column) => column.isPublished);
        await eventually(() =>
          numbers.locator('[aria-colindex]').evaluateAll((cells) =>
            cells
              .map(
                (cell) =>
                  [Number(cell.getAttribute('aria-colindex')), (cell.textContent ?? '').trim()] as const,
              )
              .sort(([a], [b]) => a - b)
              .map(([, text]) => text),
          ),
        ).toEqual(printed.map((_, index) => String(index + 1)));
        await app.screenshot(`polish-${key}-column-numbers`);
      }
    }
    expect(Object.entries(widths).filter(([, width]) => width > 1366)).toEqual([]);

    await showPart(page, /^绩效目标表/);
    await page
      .getByRole('navigation', { name: '绩效目标表清单' })
      .getByRole('button', { name: /整体支出绩效目标申报表/ })
      .click();
    const block = page.getByRole('table', { name: '年度预算情况（万元）' });
    const expected = wholeUnitBudgetLines(wholeUnitBudget(workbookOf(app).evaluate())).map((line) => [
      line.source,
      formatWanYuan(line.sourceFen),
      line.direction,
      formatWanYuan(line.directionFen),
    ]);
    await eventually(async () => {
      const rows = await block.getByRole('row').all();
      return Promise.all(
        rows
          .slice(1)
          .map(async (row) => (await row.locator('th, td').allTextContents()).map((text) => text.trim())),
      );
    }).toEqual(expected);
    expect(expected[0]?.[1]).not.toBe('0.00');
    await block.scrollIntoViewIfNeeded();
    await app.screenshot('polish-whole-unit-budget');
    expect(app.pageErrors).toEqual([]);
  }, 180_000);
});
