import { afterEach, describe, expect, it } from 'vitest';
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
