/**
 * Never losing typing: a goal sheet edited but not saved survives moving to another part, and
 * 关闭 first asks, naming it — 取消 stays with the draft, 保存全部并继续 saves it (read back
 * through the contract) then closes, 放弃修改并继续 closes without it. Closing the page asks
 * (beforeunload) only while a draft is unsaved. A double-clicked .ysgk, which the main process
 * asks the page to open, waits until the drafts of the one shown are settled.
 */
import type { Dialog, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectGoalSheet } from '../../shared/goal-sheets/model';
import { openLaunchFile } from '../../src-main/app/launch-file';
import { type E2eApp, launchApp } from './support/app';
import { openWorkbook } from './content-workbook';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const PROJECT = '城乡医疗救助';
const GOAL = '保障困难群众基本医疗需求，试未保存草稿';

function showPart(page: Page, label: string) {
  return page
    .getByRole('navigation', { name: '文档目录' })
    .getByRole('button', { name: label, exact: true })
    .click();
}

/** Types a new 年度目标 into the project's sheet without saving it, and leaves the part. */
async function leaveGoalSheetUnsaved(page: Page): Promise<void> {
  await showPart(page, '绩效目标表');
  const list = page.getByRole('navigation', { name: '绩效目标表清单' });
  await list.getByRole('button', { name: `${PROJECT} 已填` }).click();
  const form = page.getByRole('form', { name: `绩效目标表 ${PROJECT}` });
  await form.getByRole('textbox', { name: '年度目标' }).fill(GOAL);
  await list.getByRole('button', { name: `${PROJECT} 未保存 已填` }).waitFor();
  // Another part and back: the draft is kept.
  await showPart(page, '概况');
  await showPart(page, '绩效目标表');
  await expect.poll(() => form.getByRole('textbox', { name: '年度目标' }).inputValue()).toBe(GOAL);
}

async function savedAnnualGoal(app: E2eApp): Promise<string | undefined> {
  const sheets = (await app.request('goals/list', {})) as readonly ProjectGoalSheet[];
  const summary = await app.request('workbook/summary', {});
  const project = summary?.projects.find((candidate) => candidate.name === PROJECT);
  return sheets.find((sheet) => sheet.projectId === project?.id)?.overallGoal.annual;
}

function closeButton(page: Page) {
  return page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '关闭' });
}

describe('unsaved drafts', () => {
  it('关闭 asks, naming the sheet: 取消 keeps the draft, 保存全部并继续 saves it and closes', async () => {
    app = await launchApp();
    const { page } = app;
    const file = await openWorkbook(app, '002');
    const before = await savedAnnualGoal(app);
    expect(before).not.toBe(GOAL);
    await leaveGoalSheetUnsaved(page);

    await closeButton(page).click();
    const question = page.getByRole('alertdialog', { name: '有未保存的修改' });
    await question.getByText('关闭工作簿前，以下内容还没有保存：').waitFor();
    expect(
      await question.getByRole('list', { name: '未保存的内容' }).getByRole('listitem').allTextContents(),
    ).toEqual([`绩效目标表“${PROJECT}”`]);
    await app.screenshot('unsaved-close-question');

    await question.getByRole('button', { name: '取消' }).click();
    await question.waitFor({ state: 'detached' });
    const form = page.getByRole('form', { name: `绩效目标表 ${PROJECT}` });
    expect(await form.getByRole('textbox', { name: '年度目标' }).inputValue()).toBe(GOAL);
    expect(await app.request('workbook/summary', {})).toMatchObject({ path: file });
    expect(await savedAnnualGoal(app)).toBe(before);

    await closeButton(page).click();
    await question.getByRole('button', { name: '保存全部并继续' }).click();
    await page.getByRole('button', { name: '打开…' }).waitFor();
    expect(await app.request('workbook/summary', {})).toBeNull();
    await app.request('workbook/open', { path: file });
    expect(await savedAnnualGoal(app)).toBe(GOAL);
    expect(app.pageErrors).toEqual([]);
  });

  it('放弃修改并继续 closes without saving the draft', async () => {
    app = await launchApp();
    const { page } = app;
    const file = await openWorkbook(app, '002');
    const before = await savedAnnualGoal(app);
    await leaveGoalSheetUnsaved(page);

    await closeButton(page).click();
    const question = page.getByRole('alertdialog', { name: '有未保存的修改' });
    await question.getByRole('button', { name: '放弃修改并继续' }).click();
    await page.getByRole('button', { name: '打开…' }).waitFor();
    await app.request('workbook/open', { path: file });
    expect(await savedAnnualGoal(app)).toBe(before);
    // Opened again, the sheet shows what was saved: the discarded draft is gone.
    await app.answerDialogs(file);
    await page.getByRole('button', { name: '打开…' }).click();
    await showPart(page, '绩效目标表');
    await page
      .getByRole('navigation', { name: '绩效目标表清单' })
      .getByRole('button', { name: `${PROJECT} 已填` })
      .click();
    const form = page.getByRole('form', { name: `绩效目标表 ${PROJECT}` });
    await expect.poll(() => form.getByRole('textbox', { name: '年度目标' }).inputValue()).toBe(before);
  });

  it('a refused save keeps the question open with the refusal, and the workbook open', async () => {
    app = await launchApp();
    const { page } = app;
    const file = await openWorkbook(app, '002');
    await leaveGoalSheetUnsaved(page);
    const form = page.getByRole('form', { name: `绩效目标表 ${PROJECT}` });
    await form.getByRole('textbox', { name: '实施期资金总额' }).fill('2230000.005');

    await closeButton(page).click();
    const question = page.getByRole('alertdialog', { name: '有未保存的修改' });
    await question.getByRole('button', { name: '保存全部并继续' }).click();
    await question
      .getByRole('alert')
      .getByText(
        `绩效目标表“${PROJECT}”：实施期资金总额（元）：“2230000.005”元的精度超过 1 分（最多 2 位小数）`,
      )
      .waitFor();
    await app.screenshot('unsaved-close-refused');
    expect(await app.request('workbook/summary', {})).toMatchObject({ path: file });
    await question.getByRole('button', { name: '取消' }).click();
    expect(await form.getByRole('textbox', { name: '年度目标' }).inputValue()).toBe(GOAL);
  });

  it('a double-clicked file waits for a sentence rewrite kept across parts to be saved', async () => {
    app = await launchApp();
    const { page } = app;
    const other = await openWorkbook(app, 'empty', '其他单位');
    await closeButton(page).click();
    const file = await openWorkbook(app, '002');

    await showPart(page, '情况说明');
    const label = '一、单位预算收支数据变动情况及原因 第1句';
    const sentence = page.getByRole('article', { name: label });
    await sentence.getByRole('button', { name: '改写' }).click();
    const rewrite = '2025年度阳城县医疗保障局预算收入总计1,415.02万元，收支平衡。';
    await sentence.getByRole('textbox').fill(rewrite);
    await showPart(page, '概况');
    await showPart(page, '情况说明');
    expect(await sentence.getByRole('textbox').inputValue()).toBe(rewrite);
    await sentence.getByText('未保存').waitFor();

    // A double-click on a .ysgk while a workbook is open: the main process asks the page to open it.
    const doubleClick = async () => {
      if (app === null) return;
      expect(await openLaunchFile(app.session, other)).toBeNull();
    };
    await doubleClick();
    const question = page.getByRole('alertdialog', { name: '有未保存的修改' });
    await question.getByText('打开“其他单位.ysgk”前，以下内容还没有保存：').waitFor();
    expect(await question.getByRole('listitem').allTextContents()).toEqual([`情况说明 改写“${label}”`]);
    // Nothing switched while the page asks: its undo history and drafts stay with the file shown.
    expect(await app.request('workbook/summary', {})).toMatchObject({ path: file });

    await question.getByRole('button', { name: '取消' }).click();
    expect(await sentence.getByRole('textbox').inputValue()).toBe(rewrite);
    expect(await app.request('workbook/summary', {})).toMatchObject({ path: file });

    await doubleClick();
    await question.getByRole('button', { name: '保存全部并继续' }).click();
    await page.getByRole('toolbar', { name: '工具栏' }).getByText('其他单位').waitFor();
    expect(await app.request('workbook/summary', {})).toMatchObject({ path: other });
    await app.request('workbook/open', { path: file });
    const sections = await app.request('narrative/get', {});
    const saved = sections.flatMap((section) => section.sentences).filter((candidate) => candidate.isEdited);
    expect(saved.map((candidate) => candidate.text)).toEqual([rewrite]);
    expect(app.pageErrors).toEqual([]);
  });

  it('closing the page asks (beforeunload) only while a draft is unsaved', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    };
    page.on('dialog', onDialog);

    // Saved: nothing to lose, the page closes without asking.
    const calmPage = await page.context().newPage();
    calmPage.on('dialog', onDialog);
    await calmPage.goto(app.bridge.url);
    await calmPage.getByRole('navigation', { name: '文档目录' }).waitFor();
    await calmPage.close({ runBeforeUnload: true });
    await expect.poll(() => calmPage.isClosed()).toBe(true);
    expect(dialogs).toEqual([]);

    await leaveGoalSheetUnsaved(page);
    // Chromium shows its prompt only after the user interacted with the page, as typing did.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
  });
});
