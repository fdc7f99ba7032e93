/**
 * The content screens end to end, in Chromium against the real services: importing the 002
 * templates with the preview of changes, a refused template, editing a goal sheet's indicator
 * in the grid, rewriting a 情况说明 sentence and seeing it marked, and filling in 概况.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ImportPreviewView } from '../../shared/contract/views';
import { afterEach, describe, expect, it } from 'vitest';
import { type E2eApp, launchApp } from './support/app';
import { openWorkbook } from './content-workbook';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function invoke<T>(app: E2eApp, name: string, input: unknown): Promise<T> {
  const result = await app.session.handleRequest(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

function showPart(page: Page, label: string) {
  return page
    .getByRole('navigation', { name: '文档目录' })
    .getByRole('button', { name: label, exact: true })
    .click();
}

describe('import dialog', () => {
  it('previews the 002 templates with progress, then imports them as one undoable step', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, 'empty');
    const progress: string[] = [];
    app.session.events.subscribe((event) => {
      if (event.name === 'import/progress') progress.push(event.payload.stage);
    });
    // Whether the progress bar was ever on screen: the preview of two small files is quick.
    await page.evaluate(() => {
      const seen = { bar: false };
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      new MutationObserver(() => {
        if (document.querySelector('progress[aria-label="导入进度"]')) seen.bar = true;
      }).observe(document.body, { childList: true, subtree: true });
    });

    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog', { name: '导入 Excel 模板' });
    await app.answerDialogs(app.template('002-tables.xlsx'), app.template('002-goals.xlsx'));
    await dialog.getByRole('button', { name: '选择表格模板…' }).click();
    await dialog.getByRole('group', { name: '表格模板' }).getByText('002-tables.xlsx').waitFor();
    await dialog.getByRole('button', { name: '选择绩效目标表模板…' }).click();
    await dialog.getByRole('group', { name: '绩效目标表模板' }).getByText('002-goals.xlsx').waitFor();
    const answered = page.waitForResponse((response) =>
      response.url().endsWith('/api/invoke/import/preview'),
    );
    await dialog.getByRole('button', { name: '预览导入' }).click();
    const { value: expected } = (await (await answered).json()) as { value: ImportPreviewView };

    const preview = dialog.getByLabel('导入预览');
    await preview.waitFor();
    expect(app.dialogs.asked.slice(-2)).toEqual([
      { purpose: 'tables', kind: 'open' },
      { purpose: 'goals', kind: 'open' },
    ]);
    expect(progress).toContain('read');
    expect(progress.at(-1)).toBe('compare');
    expect(
      await page.evaluate(() => (window as unknown as { progressSeen: { bar: boolean } }).progressSeen.bar),
    ).toBe(true);
    // What the main process found, as the dialog shows it: the 10 sheets of 002 all match a
    // 表十二 project; the new workbook's own 合计 rows, named after 测试单位, go.
    expect(expected.goalSheetCount).toBe(10);
    expect(expected.removedRows).toEqual([
      { table: '表十二', row: '测试单位' },
      { table: '表十三', row: '测试单位' },
    ]);
    await preview.getByText('绩效目标表 10 张').waitFor();
    await preview
      .getByText(
        `新增行 ${expected.newRows.length}，删除行 2，金额变动的单元格 ${expected.changedCells.length}`,
      )
      .waitFor();
    await preview.getByText('删除行 2 行（表十二 1，表十三 1）').click();
    await preview.getByRole('list', { name: '删除行' }).getByText('表十二 测试单位').waitFor();
    const firstChange = expected.changedCells[0];
    if (!firstChange) throw new Error('the import changes cells');
    const changes = preview.getByRole('table', { name: '金额变动' });
    await changes
      .getByRole('row', {
        name: `${firstChange.table} ${firstChange.row} ${firstChange.column} ${firstChange.before ?? '（空）'} → ${firstChange.after ?? '（空）'}`,
      })
      .waitFor();
    expect(await dialog.getByLabel('未匹配的绩效目标表').count()).toBe(0);
    await app.screenshot('import-preview');

    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('toolbar', { name: '工具栏' }).getByText('阳城县医疗保障局').waitFor();
    const summary = await invoke<{ history: { undoLabel: string } }>(app, 'workbook/summary', {});
    expect(summary.history.undoLabel).toBe('导入 002-tables.xlsx');
    expect(app.pageErrors).toEqual([]);
  }, 120_000);

  it('refuses a template with a word in an amount cell, naming the file, sheet and cell', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, 'empty');
    const broken = new ExcelJS.Workbook();
    await broken.xlsx.readFile(app.template('002-tables.xlsx'));
    const sheet = broken.getWorksheet('表二');
    if (!sheet) throw new Error('002-tables.xlsx has 表二');
    sheet.getCell('E8').value = '四九〇.56';
    const file = path.join(app.folder, '改坏的表格.xlsx');
    await broken.xlsx.writeFile(file);

    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog', { name: '导入 Excel 模板' });
    await app.answerDialogs(file);
    await dialog.getByRole('button', { name: '选择表格模板…' }).click();
    await dialog.getByText('改坏的表格.xlsx').waitFor();
    await dialog.getByRole('button', { name: '预览导入' }).click();
    const refusal = dialog.getByRole('alert', { name: '导入未执行' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      '导入未执行，共 1 处问题：\n改坏的表格.xlsx 表二!E8：应为金额（万元），实际为“四九〇.56”：“四九〇.56”不是有效的金额',
    );
    await app.screenshot('import-refused');
    // Nothing was written: the workbook is still the empty one.
    const summary = await invoke<{ profile: { name: string }; history: { canUndo: boolean } }>(
      app,
      'workbook/summary',
      {},
    );
    expect(summary.profile.name).toBe('测试单位');
    expect(summary.history.canUndo).toBe(false);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
  }, 120_000);
});

interface SavedSheet {
  readonly projectId: number;
  readonly implementationTotal: number | null;
  readonly indicators: { readonly annual: readonly { name: string; value: string }[] };
}

describe('绩效目标表', () => {
  it('lists the projects with and without a sheet, edits an indicator in the grid and saves the sheet', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    await showPart(page, '绩效目标表');
    // goal-sheets-spec §8.1 R1: two 表十二 rows of 002 have no sheet.
    await page.getByText('表十二共 12 个项目，已有绩效目标表 10 个，缺 2 个').waitFor();
    const list = page.getByRole('navigation', { name: '绩效目标表清单' });
    await list.getByRole('button', { name: '中央财政医疗救助补助资金 缺表' }).waitFor();
    await list.getByRole('button', { name: '省级财政医疗救助补助资金 缺表' }).waitFor();
    await list.getByRole('button', { name: '城乡医疗救助 已填' }).click();

    const form = page.getByRole('form', { name: '绩效目标表 城乡医疗救助' });
    const grid = form.getByRole('region', { name: '年度绩效指标' });
    const inpatients = grid.getByRole('row', { name: /住院人数/ });
    // The structure of ≥5000人次: comparator, number, unit.
    await expect
      .poll(() => inpatients.getByRole('gridcell').allTextContents())
      .toEqual(expect.arrayContaining(['住院人数', '≥5000人次', '数值', '≥', '5000', '人次']));
    await inpatients.getByRole('gridcell', { name: '5000', exact: true }).dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('6000');
    await page.keyboard.press('Enter');
    await inpatients.getByRole('gridcell', { name: '≥6000人次' }).waitFor();

    // A value the parser cannot structure is flagged in its row.
    const awareness = grid.getByRole('row', { name: /政策知晓率/ });
    await awareness.getByRole('gridcell', { name: '≥80%' }).dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('良好');
    await page.keyboard.press('Enter');
    await awareness.getByRole('gridcell', { name: /未能识别指标值的结构/ }).waitFor();
    await form.getByText('1 个指标值未能识别结构').waitFor();

    // An amount finer than 1 分 is refused in Chinese, naming the field, and nothing is saved.
    const total = form.getByRole('textbox', { name: '实施期资金总额' });
    await total.fill('2230000.005');
    await form.getByText('“2230000.005”元的精度超过 1 分（最多 2 位小数）').waitFor();
    await form.getByRole('button', { name: '保存绩效目标表' }).click();
    const refusal = form.getByRole('alert', { name: '未能保存' });
    await refusal
      .getByText('实施期资金总额（元）：“2230000.005”元的精度超过 1 分（最多 2 位小数）')
      .waitFor();
    await total.fill('2,230,000.5');
    await app.screenshot('goal-sheet-edited');
    await form.getByRole('button', { name: '保存绩效目标表' }).click();
    await form.getByRole('status').getByText('绩效目标表已保存').waitFor();

    const sheets = await invoke<readonly SavedSheet[]>(app, 'goals/list', {});
    const saved = sheets.find((sheet) =>
      sheet.indicators.annual.some((indicator) => indicator.name === '住院人数'),
    );
    expect(saved?.implementationTotal).toBe(223_000_050);
    expect(saved?.indicators.annual).toEqual(
      expect.arrayContaining([
        { group: 'quantity', name: '住院人数', value: '≥6000人次' },
        { group: 'sustainable', name: '政策知晓率', value: '良好' },
      ]),
    );
    const summary = await invoke<{ history: { undoLabel: string } }>(app, 'workbook/summary', {});
    expect(summary.history.undoLabel).toBe('修改绩效目标表 城乡医疗救助');

    // 撤销 takes the whole sheet back in one step, and the form follows.
    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '撤销' }).click();
    await inpatients.getByRole('gridcell', { name: '≥5000人次' }).waitFor();
    expect(await total.inputValue()).toBe('2230000.00');

    // A project without a sheet gets an empty form; saving it makes the sheet.
    await list.getByRole('button', { name: '中央财政医疗救助补助资金 缺表' }).click();
    const newForm = page.getByRole('form', { name: '绩效目标表 中央财政医疗救助补助资金' });
    await newForm.getByText('尚无绩效目标表，保存后建立').waitFor();
    await newForm.getByRole('combobox', { name: '项目属性' }).selectOption('一次性项目(1年结束)');
    await newForm.getByRole('textbox', { name: '项目期（年）' }).fill('1');
    await newForm.getByRole('button', { name: '添加指标' }).click();
    // The caret lands in the new row's 三级指标 once the grid has taken the row; typing before then is lost.
    await newForm.locator('.ag-cell-inline-editing input:focus').waitFor();
    await page.keyboard.type('救助人次');
    await page.keyboard.press('Enter');
    await newForm
      .getByRole('region', { name: '年度绩效指标' })
      .getByRole('row', { name: /救助人次/ })
      .waitFor();
    await app.screenshot('goal-sheet-new');
    await newForm.getByRole('button', { name: '保存绩效目标表' }).click();
    await list.getByRole('button', { name: '中央财政医疗救助补助资金 已填' }).waitFor();
    await page.getByText('表十二共 12 个项目，已有绩效目标表 11 个，缺 1 个').waitFor();

    await list.getByRole('button', { name: /整体支出绩效目标申报表/ }).click();
    await page
      .getByRole('form', { name: '整体支出绩效目标申报表' })
      .getByRole('region', { name: '整体支出年度绩效指标' })
      .waitFor();
    await app.screenshot('goal-sheet-whole-unit');
    expect(app.pageErrors).toEqual([]);
  }, 180_000);
});

describe('情况说明 and 概况', () => {
  it('marks a rewritten sentence, and 需要复核 once the figures under it change', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    await showPart(page, '情况说明');

    const sentence = page.getByRole('article', { name: '一、单位预算收支数据变动情况及原因 第1句' });
    await sentence.getByText(/^2025年度阳城县医疗保障局预算收入总计1,415.02万元/).waitFor();
    await sentence.getByRole('button', { name: '改写' }).click();
    const rewrite = '2025年度阳城县医疗保障局预算收入总计1,415.02万元，支出总计1,415.01万元，收支基本平衡。';
    await sentence.getByRole('textbox').fill(rewrite);
    await sentence.getByRole('button', { name: '保存改写' }).click();
    await sentence.getByText('已改写').waitFor();
    await sentence.getByText(rewrite).waitFor();
    await sentence.getByText('按表格生成：').waitFor();
    expect(await sentence.getByText('需要复核').count()).toBe(0);

    // Last year's income changes the generated sentence under the rewrite.
    await page.getByRole('tab', { name: '填报内容' }).click();
    const inputs = page.getByRole('form', { name: '情况说明填报内容' });
    await inputs.getByRole('textbox', { name: '上年收入预算合计' }).fill('1,300.5');
    await inputs.getByRole('button', { name: '保存填报内容' }).click();
    await inputs.getByRole('status').getByText('填报内容已保存，情况说明已重新生成').waitFor();
    const saved = await invoke<{ previousYear: { incomeTotal: number } }>(app, 'narrative/getInputs', {});
    expect(saved.previousYear.incomeTotal).toBe(1_300_500_000);

    await page.getByRole('tab', { name: '情况说明' }).click();
    await sentence.getByText('需要复核').waitFor();
    await page.getByText('已改写 1 句，其中 1 句需要复核').waitFor();
    // The chart after its sentence, from the sentence's figures.
    await page.getByRole('img', { name: /^收入预算图：一般公共预算拨款收入 1,392.64万元 98.42%/ }).waitFor();
    await sentence.scrollIntoViewIfNeeded();
    await app.screenshot('narrative');

    // Saving an empty rewrite restores the generated sentence.
    await sentence.getByRole('button', { name: '恢复生成的句子' }).click();
    await page.getByText('共 17 句，已改写 0 句').waitFor();
    expect(await sentence.getByText('已改写').count()).toBe(0);

    await page.getByRole('tab', { name: '名词解释' }).click();
    await page.getByRole('region', { name: '名词解释' }).getByText('指为保障机构正常运转').waitFor();
    expect(app.pageErrors).toEqual([]);
  }, 180_000);

  it('fills in 概况: duties split from pasted text, 编制 and 实有人数, and shows the printed sentences', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, 'empty');
    await showPart(page, '概况');
    const form = page.getByRole('form', { name: '概况' });
    await form.getByText('粘贴整段职责文本').click();
    await form
      .getByRole('textbox', { name: /^职责文本/ })
      .fill('（一）贯彻执行医疗保障法律法规。\n（二）组织制定医保目录。\n（三）负责医保基金监管。');
    await form.getByRole('button', { name: '拆分并替换职责清单' }).click();
    await form.getByRole('textbox', { name: '职责 3' }).waitFor();
    expect(await form.getByRole('textbox', { name: '职责 2' }).inputValue()).toBe('组织制定医保目录。');

    await form.getByRole('button', { name: '添加编制' }).click();
    await form.getByRole('textbox', { name: '编制类别 1' }).fill('行政编制');
    await form.getByRole('textbox', { name: '编制数 1（名）' }).fill('6');
    await form.getByRole('checkbox', { name: '填写实有人数' }).check();
    await form.getByRole('textbox', { name: '统计日期' }).fill('2024年12月31日');
    await form.getByRole('textbox', { name: '实有人数（人）' }).fill('6');
    const preview = form.getByLabel('机构设置情况预览');
    await preview.getByText('核定行政编制6名。').waitFor();
    await preview.getByText('截至2024年12月31日实有人数6人。').waitFor();
    await form.getByRole('button', { name: '保存概况' }).click();
    await form.getByRole('status').getByText('概况已保存').waitFor();
    await form.getByRole('list', { name: '职责清单' }).scrollIntoViewIfNeeded();
    await app.screenshot('overview');

    const overview = await invoke<{ duties: string[]; establishment: unknown[] }>(app, 'overview/get', {});
    expect(overview.duties).toEqual([
      '贯彻执行医疗保障法律法规。',
      '组织制定医保目录。',
      '负责医保基金监管。',
    ]);
    expect(overview.establishment).toEqual([{ kind: '行政编制', count: 6 }]);

    // An unsaved change stays with its workbook: closing it asks first, and once discarded,
    // opening another shows nothing of it.
    await form.getByRole('textbox', { name: '机构设置补充说明' }).fill('未保存的说明');
    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '关闭' }).click();
    const question = page.getByRole('alertdialog', { name: '有未保存的修改' });
    expect(await question.getByRole('listitem').allTextContents()).toEqual(['概况']);
    await question.getByRole('button', { name: '放弃修改并继续' }).click();
    await openWorkbook(app, 'empty', '另一个单位');
    await showPart(page, '概况');
    await form.getByRole('textbox', { name: '机构设置补充说明' }).waitFor();
    expect(await form.getByRole('textbox', { name: '机构设置补充说明' }).inputValue()).toBe('');
    expect(await form.getByRole('textbox', { name: '职责 1' }).count()).toBe(0);
    expect(await form.getByRole('button', { name: '保存概况' }).isDisabled()).toBe(true);
    expect(app.pageErrors).toEqual([]);
  }, 120_000);
});
