/**
 * 上年数据 and 汇总下属单位 in the browser: last year's tables of another unit's name imported
 * after the user confirms it is the same unit, where each previous-year figure came from, the
 * year-over-year change of a cell edited this year; a 部门 consolidated from two unit
 * workbooks chosen one by one, after a preview.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_NARRATIVE_INPUTS } from '../../shared/narrative/inputs';
import { importReferenceJson } from '../../src-main/services/workbook/import-reference-json';
import { fixturePath, readFixture } from '../support/fixtures';
import { newWorkbook } from '../support/workbooks';
import { openWorkbook } from './content-workbook';
import { eventually, showPart, typeIntoCell } from './navigation';
import { type E2eApp, launchApp } from './support/app';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('last year’s data in the app', () => {
  it('imports last year’s tables after confirming the unit, shows their source and the year-over-year change', async () => {
    app = await launchApp();
    const { page } = app;
    await openWorkbook(app, '002');
    const lastYear = readFixture('002');
    lastYear['year'] = 2024;
    lastYear['unitName'] = '阳城县医疗保障服务中心';
    const file = path.join(app.folder, '2024年表格.json');
    fs.writeFileSync(file, JSON.stringify(lastYear));

    // This year 社会保险经办机构 gets 400.00 万元 instead of 490.56.
    await showPart(page, /^表二 /);
    await typeIntoCell(page, '2080109', 'gpb', '400', '400.00');

    await showPart(page, /^上年数据/);
    const screen = page.getByRole('region', { name: '上年数据' });
    await screen.getByText('尚未导入上年数据。', { exact: false }).waitFor();
    await app.answerDialogs(file);
    await screen.getByRole('button', { name: '导入上年数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入上年数据' });
    const figures = dialog.getByRole('table', { name: '上年数的变化' });
    await figures.getByRole('row', { name: /^预算收入总计/ }).waitFor();
    expect(await figures.getByRole('row').count()).toBe(9);
    await dialog
      .getByRole('note')
      .getByText(/是“阳城县医疗保障服务中心”的单位预算公开/)
      .waitFor();
    await app.screenshot('last-year-plan');
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    // The main process asks before taking another unit's figures.
    await dialog
      .getByRole('alertdialog', { name: '请确认' })
      .getByText(/请确认后再导入/)
      .waitFor();
    expect(app.session.openWorkbook()?.previousYear()).toBeNull();
    await dialog.getByRole('button', { name: '确认是同一单位，导入' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.dialogs.asked.at(-1)).toEqual({ purpose: 'lastYear', kind: 'open' });

    const source = screen.getByRole('region', { name: '上年文件' });
    await source.getByText('2024年表格.json').waitFor();
    await source.getByText('阳城县医疗保障服务中心（2024 年单位预算公开）').waitFor();
    const figureRows = screen.getByRole('region', { name: '情况说明的上年数' }).getByRole('row');
    await eventually(() => figureRows.filter({ hasText: '取自上年文件' }).count()).toBe(8);

    const tables = screen.getByRole('region', { name: '各表同比' });
    await tables.getByRole('button', { name: /^表二 / }).click();
    const row = tables
      .getByRole('table', { name: '表二各行同比' })
      .getByRole('row')
      .filter({ hasText: '2080109 社会保险经办机构' });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '2080109 社会保险经办机构',
      '490.56',
      '400.00',
      '-90.56',
      '-18.46%',
    ]);
    await tables.getByLabel('只看有增减的行').check();
    await eventually(() => tables.getByRole('table', { name: '表二各行同比' }).getByRole('row').count()).toBe(
      // The header, 合计's chain 208 → 20801 → 2080109; 合计 itself is the seed's published figure.
      4,
    );
    await tables.scrollIntoViewIfNeeded();
    await app.screenshot('last-year');

    // The import is one undoable edit.
    await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '撤销' }).click();
    await screen.getByText('尚未导入上年数据。', { exact: false }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('consolidates a 部门 from two unit workbooks added one by one, after a preview', async () => {
    app = await launchApp();
    const { page, folder } = app;
    const bureau = path.join(folder, '阳城县医疗保障局.ysgk');
    const bureauWorkbook = importReferenceJson(fixturePath('002'), bureau);
    const { assets } = EMPTY_NARRATIVE_INPUTS;
    bureauWorkbook.setNarrativeInputs({
      ...EMPTY_NARRATIVE_INPUTS,
      assets: { ...assets, officeArea: '1200.5' },
    });
    bureauWorkbook.close();
    const hospital = path.join(folder, '山西省肿瘤医院.ysgk');
    importReferenceJson(fixturePath('004'), hospital).close();
    const department = newWorkbook('部门');
    department.close();
    await app.answerDialogs(department.path);
    await page.getByRole('button', { name: '打开…' }).click();

    await showPart(page, /^汇总下属单位/);
    const screen = page.getByRole('region', { name: '汇总下属单位' });
    const chosen = screen.getByRole('list', { name: '已选的单位工作簿' });
    for (const file of [bureau, hospital]) {
      await app.answerDialogs(file);
      await screen.getByRole('button', { name: '添加单位工作簿…' }).click();
      await chosen.getByText(path.basename(file), { exact: true }).waitFor();
    }
    expect(app.dialogs.asked.slice(-2)).toEqual([
      { purpose: 'unitWorkbook', kind: 'open' },
      { purpose: 'unitWorkbook', kind: 'open' },
    ]);
    expect(await screen.getByRole('button', { name: '汇总', exact: true }).isDisabled()).toBe(true);
    await screen.getByRole('button', { name: '预览汇总' }).click();
    const units = screen.getByRole('table', { name: '下属单位' });
    await units.getByRole('row', { name: /^阳城县医疗保障局/ }).waitFor();
    expect(await units.getByRole('row').nth(2).getByRole('cell').first().textContent()).toBe(
      '山西省肿瘤医院（山西省肿瘤研究所）',
    );
    const area = screen
      .getByRole('table', { name: '情况说明填报内容' })
      .getByRole('row', { name: /^办公用房建筑总面积/ });
    expect(await area.getByRole('cell').allTextContents()).toEqual([
      '办公用房建筑总面积（平方米）',
      '—',
      '1200.5',
      '阳城县医疗保障局 1200.5、山西省肿瘤医院（山西省肿瘤研究所） 未填',
    ]);
    await app.screenshot('consolidation-preview');
    await screen.getByRole('button', { name: '汇总', exact: true }).click();
    await screen.getByRole('status').getByText('已汇总 2 个单位的工作簿；可以撤销。').waitFor();
    const names = app.session
      .openWorkbook()
      ?.content()
      .units.map((unit) => unit.name);
    expect(names).toEqual(expect.arrayContaining(['阳城县医疗保障局', '山西省肿瘤医院（山西省肿瘤研究所）']));
    expect(app.session.openWorkbook()?.narrativeInputs().assets.officeArea).toBe('1200.5');
    const undo = page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '撤销' });
    expect(await undo.getAttribute('title')).toBe('撤销：汇总 2 个单位的工作簿（Ctrl+Z）');
    expect(app.pageErrors).toEqual([]);
  });
});
