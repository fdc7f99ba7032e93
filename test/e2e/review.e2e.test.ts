/**
 * 内部审核 in the browser: the 002 workbook submitted, stamped 通过 with a seal image, a cell
 * edited in 表二 — the stamp shows 已失效 in the toolbar and on the 审核流程 screen — the
 * difference of the version and the content now, exported to .xlsx, a comment on the edited
 * cell resolved and reopened, and a draft PDF whose 内部审核签章页 prints the stale stamp.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutPages } from '../support/pdf';
import { sealPng } from '../support/png';
import { openWorkbook } from './content-workbook';
import { eventually, showPart, typeIntoCell } from './navigation';
import { type E2eApp, launchApp } from './support/app';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

describe('内部审核 in the app', () => {
  it('submits, stamps with a seal, shows the stamp 已失效 after an edit, diffs, comments and prints the stamp page', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    const toolbar = page.getByRole('toolbar', { name: '工具栏' });
    await toolbar.getByRole('button', { name: '审核状态：编制中' }).waitFor();

    await showPart(page, /^审核流程/);
    const screen = page.getByRole('region', { name: '审核流程' });
    await screen.getByLabel('您的姓名').fill('王编制');
    await screen.getByRole('button', { name: '提交审核' }).click();
    const stages = screen.getByRole('list', { name: '审核阶段' });
    await eventually(() => textOf(stages.locator('[aria-current="step"]'))).toBe('内部审核');
    await toolbar.getByRole('button', { name: '审核状态：内部审核' }).waitFor();
    // 提交审核 closes the edit history.
    expect(await toolbar.getByRole('button', { name: '撤销' }).isDisabled()).toBe(true);

    await screen.getByRole('button', { name: '签章…' }).click();
    const dialog = page.getByRole('dialog', { name: '签章' });
    expect(await dialog.getByLabel('审核人').inputValue()).toBe('王编制');
    await dialog.getByLabel('审核人').fill('张审核');
    await dialog.getByLabel('职务或角色').fill('财务科科长');
    expect(await dialog.getByRole('radio', { name: '通过' }).isChecked()).toBe(true);
    await dialog.getByLabel('意见说明（可选）').fill('数据无误');
    await dialog
      .getByLabel('印章图片', { exact: true })
      .setInputFiles({ name: '公章.png', mimeType: 'image/png', buffer: sealPng() });
    await dialog.getByRole('img', { name: '所选印章' }).waitFor();
    await app.screenshot('review-stamp-dialog');
    await dialog.getByRole('button', { name: '盖章' }).click();
    await dialog.waitFor({ state: 'detached' });
    const stampRow = screen.getByRole('row', { name: '张审核的印章' });
    await stampRow.getByText('有效', { exact: true }).waitFor();
    await stampRow.getByRole('img', { name: '张审核的印章图片' }).waitFor();
    await stampRow.getByText('通过：数据无误').waitFor();
    await app.screenshot('review-stamped');

    // An edit in 表二: the toolbar's badge says the stamp no longer holds, at once.
    await showPart(page, /^表二 /);
    const cell = await typeIntoCell(page, '2080109', 'gpb', '400', '400.00');
    // Enter moved down; the reviewer points at the edited cell again.
    await cell.click();
    await toolbar.getByRole('button', { name: '审核状态：内部审核，1 枚印章已失效' }).waitFor();

    await showPart(page, /^审核流程/);
    await stampRow.getByText('已失效', { exact: true }).waitFor();
    await stampRow.getByText('盖章后内容有改动（当前内容与第 1 版不同）').waitFor();
    await screen.getByText('与第 1 版不同，内容已改动').waitFor();
    await app.screenshot('review-stale');
    expect(await screen.getByRole('button', { name: '签章…' }).isDisabled()).toBe(true);

    // The difference of 第 1 版 and the content now is exactly the edit.
    const versions = screen.getByRole('region', { name: '版本与差异' });
    const compare = versions.getByRole('group', { name: '比较版本' });
    expect(await compare.getByLabel('从').inputValue()).toBe('1');
    expect(await compare.getByLabel('到').inputValue()).toBe('current');
    await compare.getByRole('button', { name: '比较差异' }).click();
    await versions.getByRole('status').getByText('第 1 版 → 当前内容：1 处不同').waitFor();
    const amounts = versions.getByRole('region', { name: '表格金额' });
    const changed = amounts.getByRole('row').nth(1);
    expect(await changed.getByRole('cell').allTextContents()).toEqual([
      '表二',
      '第4行（2080109 社会保险经办机构）',
      '一般公共预算',
      '490.56',
      '400.00',
      '转到',
    ]);
    await versions.scrollIntoViewIfNeeded();
    await app.screenshot('review-diff');
    const diffFile = path.join(app.folder, '差异.xlsx');
    await app.answerDialogs(diffFile);
    await compare.getByRole('button', { name: '导出差异…' }).click();
    await compare.getByRole('status').getByText(`已导出 1 处不同：${diffFile}`).waitFor();
    expect(app.dialogs.asked.at(-1)).toEqual({ purpose: 'reviewDiff', kind: 'save' });
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.readFile(diffFile);
    const sheet = exported.getWorksheet('版本差异');
    expect([sheet?.getCell('D3').value, sheet?.getCell('E3').value]).toEqual(['490.56', '400.00']);

    // A comment on the cell chosen in 表二, resolved and reopened.
    const comments = screen.getByRole('region', { name: '批注' });
    const form = comments.getByRole('group', { name: '添加批注' });
    expect(await form.getByRole('radio', { name: '所选单元格' }).isChecked()).toBe(true);
    await form
      .getByLabel('所选单元格')
      .getByText('表二 第4行（2080109 社会保险经办机构）“一般公共预算”列')
      .waitFor();
    await form.getByLabel('批注内容').fill('调减依据请附上');
    await form.getByRole('button', { name: '添加批注' }).click();
    const comment = comments.getByRole('listitem').filter({ hasText: '调减依据请附上' });
    await comment.getByText('未处理').waitFor();
    expect(await textOf(comment.locator('.comment__place'))).toBe(
      '表二 第4行（2080109 社会保险经办机构）“一般公共预算”列',
    );
    await screen.getByRole('region', { name: '审核状态' }).getByText('1 条', { exact: true }).waitFor();
    await comments.scrollIntoViewIfNeeded();
    await app.screenshot('review-comments');
    await comment.getByRole('button', { name: '标记已处理' }).click();
    await comments.getByText('没有未处理的批注。').waitFor();
    await comments.getByLabel('只看未处理的批注').uncheck();
    await comment.getByText(/^已处理（王编制 /).waitFor();
    await comment.getByRole('button', { name: '重新打开' }).click();
    await comment.getByText('未处理').waitFor();

    // The draft PDF ends with the stamp page, which prints the stamp as stale.
    await toolbar.getByRole('button', { name: '导出' }).click();
    const exportDialog = page.getByRole('dialog', { name: '导出' });
    const pdf = path.join(app.folder, '审核草稿.pdf');
    await app.answerDialogs(pdf);
    await exportDialog.getByRole('button', { name: '选择PDF 文件…' }).click();
    await exportDialog.getByRole('button', { name: '导出 PDF' }).click();
    await exportDialog.getByRole('status', { name: '导出结果' }).waitFor({ timeout: 150_000 });
    const stampPage = layoutPages(pdf).at(-1) ?? '';
    expect(stampPage).toContain('内部审核签章页');
    expect(stampPage).toContain('工作簿状态：内部审核');
    expect(stampPage).toMatch(/张审核\s+财务科科长/);
    expect(stampPage).toContain('通过：数据无误');
    expect(stampPage).toContain('已失效');
    expect(stampPage).toContain('与审核版本不同，内容已改动');
    expect(fs.existsSync(`${pdf}.partial`)).toBe(false);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);

  it('does not offer 定稿 before a stamp and takes it back to 编制中 only with a reason', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, 'empty');
    await showPart(page, /^审核流程/);
    const screen = page.getByRole('region', { name: '审核流程' });
    // Without a name nothing is signed.
    expect(await screen.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true);
    await screen.getByLabel('您的姓名').fill('王编制');
    await screen.getByRole('button', { name: '提交审核' }).click();
    // 定稿 is not offered while the service would refuse it; the screen says why.
    const approve = screen.getByRole('button', { name: '定稿' });
    expect(await approve.isDisabled()).toBe(true);
    await screen.getByText('暂不能定稿：第 1 版尚无有效的“通过”印章').waitFor();
    expect(await approve.getAttribute('title')).toBe('第 1 版尚无有效的“通过”印章，不能定稿');

    await screen.getByRole('button', { name: '退回…' }).click();
    const dialog = page.getByRole('dialog', { name: '退回编制' });
    const confirm = dialog.getByRole('button', { name: '确认退回编制' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('退回理由').fill('数据需补充');
    await app.screenshot('review-reopen-dialog');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    const stages = screen.getByRole('list', { name: '审核阶段' });
    await eventually(() => textOf(stages.locator('[aria-current="step"]'))).toBe('编制中');
    const history = screen.getByRole('table', { name: '审核记录' });
    expect(await history.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      expect.any(String),
      '王编制',
      '内部审核 → 编制中',
      '数据需补充',
    ]);
    expect(app.pageErrors).toEqual([]);
  });
});
