/**
 * The e2e harness: the real main-process services behind the dev/test bridge, on a fresh data
 * folder, and the built renderer in Debian's Chromium driven by playwright-core. Importing this
 * module makes the test file build the renderer first if needed (beforeAll).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { beforeAll, vi } from 'vitest';
import type { RequestInput, RequestName, RequestOutput } from '../../../shared/contract/requests';
import { Session } from '../../../src-main/app/session';
import { DialogQueue } from '../../../src-main/bridge/dialog-queue';
import { type RunningBridge, TEST_DIALOG_PATH, startBridge } from '../../../src-main/bridge/server';
import { RENDERER_FOLDER, ensureRendererBuilt } from './renderer-build';

export const CHROMIUM = '/usr/bin/chromium';
/** tech-notes §2.7: headless, and nothing that reaches the network on its own. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = fileURLToPath(new URL('../../../test-artifacts/e2e/', import.meta.url));
const TEMPLATES = fileURLToPath(new URL('../../fixtures/templates/', import.meta.url));

// A browser test waits on rendering, and `npm test` runs it beside every other test file on
// two cores: more time than vitest.config.ts gives a unit test.
vi.setConfig({ testTimeout: 120_000 });

// A fresh clone has no dist/renderer: the first e2e file builds it (vite, ~10 s; more on a busy machine).
beforeAll(ensureRendererBuilt, 300_000);

export interface E2eApp {
  readonly page: Page;
  readonly session: Session;
  readonly bridge: RunningBridge;
  /** What the renderer's file dialogs will answer, and what they asked. */
  readonly dialogs: DialogQueue;
  /** A fresh folder for the test's workbooks and exports; removed by close(). */
  readonly folder: string;
  /** Messages of console errors, failed requests and uncaught exceptions in the page. */
  readonly pageErrors: string[];
  /** Calls the contract from the test, as the renderer would, to set up a state; throws on a refusal. */
  request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  /** Queues answers of the next file dialogs through the bridge's test endpoint, as a test harness from outside would. */
  answerDialogs(...paths: (string | null)[]): Promise<void>;
  /** A copy of a template fixture (e.g. '002-tables.xlsx') in the test's folder. */
  template(name: string): string;
  /** Saves test-artifacts/e2e/<name>.png of the whole page and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the bridge on a fresh data folder and opens the app in a new Chromium. */
export async function launchApp(): Promise<E2eApp> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ysgk-e2e-'));
  const dataFolder = path.join(folder, '.app-data');
  const dialogs = new DialogQueue();
  const session = new Session({ mode: 'bridge', version: 'e2e', dataFolder, dialogs });
  const bridge = await startBridge({ session, dialogs, rendererFolder: RENDERER_FOLDER });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('requestfailed', (request) => {
      // Leaving the page cuts the event stream; that is not an error of the app.
      if (!request.url().includes('/api/events'))
        pageErrors.push(`${request.url()} ${request.failure()?.errorText}`);
    });
    await page.goto(bridge.url);
    const openedBrowser = browser;
    return {
      page,
      session,
      bridge,
      dialogs,
      folder,
      pageErrors,
      async request(name, input) {
        const result = await session.handleRequest(name, input);
        if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
        return result.value as never;
      },
      async answerDialogs(...paths) {
        const response = await fetch(`${bridge.origin}${TEST_DIALOG_PATH}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
          body: JSON.stringify({ answers: paths }),
        });
        if (!response.ok) throw new Error(`dialog queue refused: ${response.status}`);
      },
      template(name) {
        const copy = path.join(folder, name);
        fs.copyFileSync(path.join(TEMPLATES, name), copy);
        return copy;
      },
      async screenshot(name) {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async close() {
        await openedBrowser.close();
        await bridge.close();
        session.dispose();
        fs.rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await bridge.close();
    session.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
