/**
 * Renaming in place: a project on 表十二 (its amounts and 绩效目标表 stay), a unit in the 单位
 * dialog; a taken name refused inside the dialog; 撤销 brings the old name back. Screenshots
 * go to test-artifacts/e2e/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbook, workbookOf } from './content-workbook';
import { eventually, showPart } from './navigation';
import { type E2eApp, launchApp } from './support/app';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('renaming a project and a unit', () => {
  it('renames a project on 表十二, seen in 表十二 and the 绩效目标表 list, and 撤销 brings the old name back', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    const project = workbookOf(app)
      .content()
      .projects.find((candidate) => candidate.name === '网络维护费');
    if (project === undefined) throw new Error('002 has no 网络维护费');
    const row = page.locator(`[row-id="||project:${project.id}"]`);
    const nameCell = row.locator('[col-id="name"]');
    const amountCell = row.locator('[col-id="total"]');

    await showPart(page, /^表十二 /);
    const t12 = page.getByRole('region', { name: '表十二' });
    const renameButton = t12.getByRole('button', { name: '重命名项目…' });
    expect(await renameButton.isDisabled()).toBe(true);
    await amountCell.click();
    await renameButton.click();
    const dialog = page.getByRole('dialog', { name: '重命名项目' });
    const input = dialog.getByRole('textbox', { name: '新的项目名称' });
    expect(await input.inputValue()).toBe('网络维护费');

    // A name another project of the unit has: refused inside the dialog, nothing changed.
    await input.fill('城乡医疗救助');
    await input.press('Enter');
    await dialog
      .getByRole('alert')
      .getByText('表十二中阳城县医疗保障局已有名为“城乡医疗救助”的项目，同一单位的项目名称不能重复')
      .waitFor();
    await app.screenshot('rename-project-refused');
    expect(workbookOf(app).historyLabels().undo).toBe('导入 002-tables.xlsx');

    await input.fill('医保信息系统运行维护费');
    await app.screenshot('rename-project-dialog');
    await input.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => (await nameCell.textContent())?.trim()).toBe('医保信息系统运行维护费');
    expect((await amountCell.textContent())?.trim()).toBe('8.10');

    await showPart(page, /^绩效目标表/);
    const list = page.getByRole('navigation', { name: '绩效目标表清单' });
    await list.getByRole('button', { name: '医保信息系统运行维护费 已填' }).waitFor();
    expect(await list.getByRole('button', { name: '网络维护费 已填' }).count()).toBe(0);

    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '撤销' }).click();
    await list.getByRole('button', { name: '网络维护费 已填' }).waitFor();
    await showPart(page, /^表十二 /);
    await eventually(async () => (await nameCell.textContent())?.trim()).toBe('网络维护费');
    expect(
      workbookOf(app)
        .goalSheets()
        .some((sheet) => sheet.projectId === project.id),
    ).toBe(true);

    // The unit, from the 单位 dialog: Esc leaves the rename, not the list of units.
    await t12.getByRole('button', { name: '单位…' }).click();
    const units = page.getByRole('dialog', { name: '单位' });
    await units.getByRole('button', { name: '重命名单位阳城县医疗保障局' }).click();
    const renameUnit = page.getByRole('dialog', { name: '重命名单位' });
    await renameUnit.getByRole('textbox', { name: '新的单位名称' }).fill('阳城县医疗保障服务中心');
    await app.screenshot('rename-unit-dialog');
    await page.keyboard.press('Escape');
    await renameUnit.waitFor({ state: 'detached' });
    await units.getByRole('button', { name: '重命名单位阳城县医疗保障局' }).click();
    await renameUnit.getByRole('textbox', { name: '新的单位名称' }).fill('阳城县医疗保障服务中心');
    await page.keyboard.press('Enter');
    await renameUnit.waitFor({ state: 'detached' });
    await units.getByRole('cell', { name: '阳城县医疗保障服务中心', exact: true }).waitFor();
    expect(
      workbookOf(app)
        .content()
        .units.map((unit) => unit.name),
    ).toEqual(['阳城县医疗保障服务中心']);
    expect(app.pageErrors).toEqual([]);
  }, 180_000);
});
