/** Moving about the app in the e2e tests of 审核流程, 上年数据 and 汇总下属单位. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The page answers after a round trip to the main process; a busy CI machine may take seconds. */
export function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 15_000 });
}

/** Clicks a part of the document in the navigation, by its label. */
export async function showPart(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: '文档目录' }).getByRole('button', { name }).click();
}

/** Types an amount into a grid cell of the table shown, by its row and column key, and waits for it. */
export async function typeIntoCell(page: Page, row: string, column: string, text: string, shown: string) {
  const cell = page.locator(`[row-id="||${row}"] [col-id="${column}"]`);
  await cell.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await eventually(async () => (await cell.textContent())?.trim()).toBe(shown);
  return cell;
}
