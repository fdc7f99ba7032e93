/**
 * The export dialog end to end: a draft PDF of the 002 workbook with the watermark found in the
 * real file (pdftotext), its progress, result and log; a final version refused without the
 * reason 错误 findings call for.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type E2eApp, launchApp } from './support/app';
import { openWorkbook } from './content-workbook';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** The text of each page in drawing order; the rotated watermark comes out one character a line. */
function rawPages(file: string): string[] {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\f')
    .slice(0, -1);
}

describe('export dialog', () => {
  it('exports a draft PDF with the 仅供内部审核 watermark on its pages, with progress, and logs it', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    const stages: string[] = [];
    app.session.events.subscribe((event) => {
      if (event.name === 'export/progress') stages.push(event.payload.stage);
    });

    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '导出' }).click();
    const dialog = page.getByRole('dialog', { name: '导出' });
    expect(await dialog.getByRole('radio', { name: /^草稿/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('textbox', { name: '水印文字' }).inputValue()).toBe('仅供内部审核');
    const output = path.join(app.folder, '草稿.pdf');
    await app.answerDialogs(output);
    await dialog.getByRole('button', { name: '选择PDF 文件…' }).click();
    await dialog.getByRole('group', { name: 'PDF 文件' }).getByText('草稿.pdf').waitFor();
    await dialog.getByRole('button', { name: '导出 PDF' }).click();
    // While it runs the dialog shows its progress and offers 取消导出 instead of 关闭.
    await dialog.getByRole('button', { name: '取消导出' }).waitFor();
    await dialog.getByRole('progressbar', { name: '导出进度' }).waitFor();
    await dialog
      .getByRole('status')
      .getByText(/^正在(排版|绘制)/)
      .waitFor();
    expect(await dialog.getByRole('textbox', { name: '水印文字' }).isDisabled()).toBe(true);
    await app.screenshot('export-running');

    const result = dialog.getByRole('status', { name: '导出结果' });
    await result.waitFor({ timeout: 150_000 });
    expect(app.dialogs.asked.at(-1)).toEqual({ purpose: 'pdf', kind: 'save' });
    expect(stages).toContain('draw');
    expect(stages.at(-1)).toBe('write');

    const pages = rawPages(output);
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain(`文件：${output}`);
    expect(shown).toContain(`共 ${pages.length} 页`);
    const size = /页，([\d.]+) (KB|MB)$/.exec(shown);
    const bytes = Number(size?.[1]) * (size?.[2] === 'MB' ? 1024 * 1024 : 1024);
    expect(Math.abs(bytes - fs.statSync(output).size) / fs.statSync(output).size).toBeLessThan(0.06);
    const watermarked = pages.filter((text) => text.replace(/\s/g, '').includes('仅供内部审核'));
    expect(watermarked.length).toBe(pages.length);
    const log = dialog.getByRole('table', { name: '导出记录' });
    await log.getByRole('cell', { name: '草稿.pdf' }).waitFor();
    await app.screenshot('export-draft');
    expect(app.pageErrors).toEqual([]);
  }, 240_000);

  it('cancels a running export: no file, no record', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '导出' }).click();
    const dialog = page.getByRole('dialog', { name: '导出' });
    const output = path.join(app.folder, '取消.pdf');
    await app.answerDialogs(output);
    await dialog.getByRole('button', { name: '选择PDF 文件…' }).click();
    await dialog.getByRole('button', { name: '导出 PDF' }).click();
    // Once the main process reports progress, the job is running there and can be cancelled.
    await dialog
      .getByRole('status')
      .getByText(/^正在(排版|绘制)/)
      .waitFor();
    await dialog.getByRole('button', { name: '取消导出' }).click();
    await dialog.getByRole('alert', { name: '未能导出' }).getByText('已取消导出，没有生成文件。').waitFor();
    await dialog.getByRole('button', { name: '关闭' }).waitFor();
    expect(fs.readdirSync(app.folder).filter((name) => name.startsWith('取消.pdf'))).toEqual([]);
    expect(await dialog.getByText('导出记录（0）').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  }, 120_000);

  it('asks for a reason before a final version with 错误 findings, and names them', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '导出' }).click();
    const dialog = page.getByRole('dialog', { name: '导出' });
    await dialog.getByRole('radio', { name: '正式版' }).check();
    // 002's two 表十二 projects without a goal sheet are 错误 (README, R1).
    await dialog.getByText('审核还有 2 个错误。').waitFor();
    const output = path.join(app.folder, '正式版.pdf');
    await app.answerDialogs(output);
    await dialog.getByRole('button', { name: '选择PDF 文件…' }).click();
    await dialog.getByRole('button', { name: '导出 PDF' }).click();
    await dialog
      .getByRole('alert', { name: '未能导出' })
      .getByText('审核有 2 个错误，导出正式版须填写强制导出理由')
      .waitFor();
    await app.screenshot('export-final-refused');
    expect(fs.existsSync(output)).toBe(false);
    expect(app.pageErrors).toEqual([]);
  }, 120_000);
});
