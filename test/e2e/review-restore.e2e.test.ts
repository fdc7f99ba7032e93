/**
 * 恢复到此版本 in the browser: the 002 workbook submitted and stamped, a cell edited in 表二 so
 * the stamp shows 已失效, then 第 1 版 restored with a reason — the stamp is 有效 again and the
 * cell shows its old value.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbook } from './content-workbook';
import { eventually, showPart, typeIntoCell } from './navigation';
import { type E2eApp, launchApp } from './support/app';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('恢复到此版本 in the app', () => {
  it('restores the stamped version after an edit: the stamp shows 有效 and the cell its old value', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    const toolbar = page.getByRole('toolbar', { name: '工具栏' });

    await showPart(page, /^审核流程/);
    const screen = page.getByRole('region', { name: '审核流程' });
    await screen.getByLabel('您的姓名').fill('王编制');
    await screen.getByRole('button', { name: '提交审核' }).click();
    await toolbar.getByRole('button', { name: '审核状态：内部审核' }).waitFor();
    await screen.getByRole('button', { name: '签章…' }).click();
    const stampDialog = page.getByRole('dialog', { name: '签章' });
    await stampDialog.getByLabel('职务或角色').fill('财务科科长');
    await stampDialog.getByRole('button', { name: '盖章' }).click();
    await stampDialog.waitFor({ state: 'detached' });
    const stampRow = screen.getByRole('row', { name: '王编制的印章' });
    await stampRow.getByText('有效', { exact: true }).waitFor();

    // The findings follow the content: the edit's 错误 go with the restore.
    const checks = page.getByRole('navigation', { name: '文档目录' }).getByRole('button', { name: /^审核 / });
    const findingsAtVersion = await checks.textContent();
    await showPart(page, /^表二 /);
    await typeIntoCell(page, '2080109', 'gpb', '400', '400.00');
    await toolbar.getByRole('button', { name: '审核状态：内部审核，1 枚印章已失效' }).waitFor();
    await eventually(() => checks.textContent()).not.toBe(findingsAtVersion);

    await showPart(page, /^审核流程/);
    await stampRow.getByText('已失效', { exact: true }).waitFor();
    const versions = screen.getByRole('region', { name: '版本与差异' });
    const restoreButton = versions
      .getByRole('row', { name: '第 1 版' })
      .getByRole('button', { name: '恢复到此版本…' });
    await restoreButton.click();
    const dialog = page.getByRole('dialog', { name: '恢复到第 1 版' });
    expect(
      await dialog.getByRole('list', { name: '将要改回的内容' }).getByRole('listitem').allTextContents(),
    ).toEqual(['表格金额：1 处']);
    const confirm = dialog.getByRole('button', { name: '确定恢复' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByText('请填写恢复的原因').waitFor();
    await dialog.getByText('查看明细（共 1 处）').click();
    const detail = dialog.getByRole('region', { name: '表格金额' }).getByRole('row').nth(1);
    expect(await detail.getByRole('cell').allTextContents()).toEqual([
      '表二',
      '第4行（2080109 社会保险经办机构）',
      '一般公共预算',
      '400.00',
      '490.56',
    ]);
    await dialog.getByLabel('恢复原因（必填）').fill('审核退回修改，改回初稿');
    await app.screenshot('review-restore-dialog');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });

    await stampRow.getByText('有效', { exact: true }).waitFor();
    await toolbar.getByRole('button', { name: '审核状态：内部审核' }).waitFor();
    expect(await toolbar.getByRole('button', { name: '撤销' }).isDisabled()).toBe(false);
    await eventually(() => checks.textContent()).toBe(findingsAtVersion);
    const log = screen.getByRole('table', { name: '审核记录' });
    expect(await log.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      expect.any(String),
      '—',
      '恢复到第 1 版',
      '审核退回修改，改回初稿',
    ]);
    // Nothing left to restore: the button says so instead of opening the dialog.
    expect(await restoreButton.isDisabled()).toBe(true);
    expect(await restoreButton.getAttribute('title')).toBe('当前内容与该版本相同');
    await app.screenshot('review-restored');

    await showPart(page, /^表二 /);
    const cell = page.locator('[row-id="||2080109"] [col-id="gpb"]');
    await eventually(async () => (await cell.textContent())?.trim()).toBe('490.56');
    expect(app.pageErrors).toEqual([]);
  }, 300_000);
});
