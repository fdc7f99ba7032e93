import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLaunchFile } from '../../src-main/app/launch-file';
import { Workbook } from '../../src-main/services/workbook/workbook';
import { type E2eApp, launchApp } from './support/app';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('the app in Chromium over the bridge', () => {
  it('loads under its CSP, reaches the main process with the token, and shows the start page', async () => {
    app = await launchApp();
    const { page } = app;
    await expect.poll(() => page.title()).toBe('预算公开工作台');
    await page.getByRole('heading', { name: '预算公开工作台', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '新建工作簿' }).waitFor();
    await page.getByRole('button', { name: '打开…' }).waitFor();

    // The page's own origin may call the contract with the token from its URL fragment.
    const info = await page.evaluate(async () => {
      const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
      const response = await fetch('/api/invoke/app/info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      return response.json() as Promise<unknown>;
    });
    expect(info).toEqual({ ok: true, value: { version: 'e2e', mode: 'bridge' } });

    expect(app.pageErrors).toEqual([]);

    // Inline script is refused by the page's CSP.
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(inlineRan).toBe(false);
    // Refused twice: by the header's policy and by the index.html meta tag's.
    const refusal = expect.stringContaining(
      "violates the following Content Security Policy directive 'script-src 'self''",
    );
    expect(app.pageErrors).toEqual([refusal, refusal]);
    await app.screenshot('start');
  });
});

describe('a double-click on a .ysgk file while the app runs', () => {
  it('opens that workbook in the page, from the start page and from another workbook', async () => {
    app = await launchApp();
    const { page, folder } = app;
    const workbookNamed = (name: string) => {
      const workbook = Workbook.create(path.join(folder, `${name}.ysgk`), {
        name,
        code: null,
        year: 2025,
        scope: '单位',
        unitType: '行政',
        supervisingDepartment: null,
      });
      workbook.close();
      return workbook.path;
    };
    const first = workbookNamed('阳城县医疗保障局');
    const second = workbookNamed('阳城县财政局');
    await page.getByRole('heading', { name: '新建工作簿' }).waitFor();

    expect(await openLaunchFile(app.session, first)).toBeNull();
    const toolbar = page.getByRole('toolbar', { name: '工具栏' });
    await toolbar.getByText('阳城县医疗保障局').waitFor();
    const navigation = page.getByRole('navigation', { name: '文档目录' });
    const shownPart = () => navigation.locator('[aria-current="page"]').textContent();
    await navigation.getByRole('button', { name: /表二/ }).click();
    await expect.poll(shownPart).toMatch(/表二/);

    expect(await openLaunchFile(app.session, second)).toBeNull();
    await toolbar.getByText('阳城县财政局').waitFor();
    // A fresh start on the other workbook: its 概况, not the table left open on the first one.
    await expect.poll(shownPart).toMatch(/概况/);
    expect(fs.existsSync(first)).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
