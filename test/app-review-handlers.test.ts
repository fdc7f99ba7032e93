/**
 * The 内部审核, last-year and consolidation requests through the session, on real workbook
 * files: what the renderer sends, checked at the boundary, answered as plain data.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SEAL_MAX_BYTES } from '../shared/review/seal-png';
import { TABLE_KEYS } from '../shared/tables/types';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import { testSession } from './support/app-session';
import { fixturePath, readFixture } from './support/fixtures';
import { wan } from './support/money';
import { sealPng } from './support/png';
import { tempDir } from './support/temp-dir';
import { newWorkbook } from './support/workbooks';

/** Seed 002 (阳城县医疗保障局, 2025) as a workbook file, open in a fresh session. */
async function session002() {
  const app = testSession();
  const dir = tempDir();
  const file = path.join(dir, '阳城县医疗保障局.ysgk');
  importReferenceJson(fixturePath('002'), file).close();
  await app.invoke('workbook/open', { path: file });
  return { app, dir, file };
}

/** The 002 tables as a reference JSON of another year, optionally under another unit's name. */
function tables002(dir: string, year: number, name?: string): string {
  const json = readFixture('002');
  json['year'] = year;
  if (name !== undefined) json['unitName'] = name;
  const file = path.join(dir, `002-${year}${name === undefined ? '' : `-${name}`}.json`);
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

const EDIT = { table: 't2', row: '2080109', column: 'gpb', text: '400.00', unit: 'wanYuan' } as const;

describe('内部审核 through the session', () => {
  it('submits, stamps with a seal, shows the stamp 已失效 after an edit, diffs and exports the edit', async () => {
    const { app, dir } = await session002();
    await app.invoke('tables/setCell', EDIT);
    expect((await app.invoke('workbook/summary', {}))?.history.canUndo).toBe(true);

    const submitted = await app.invoke('review/submit', { by: '编制人', note: '初稿' });
    expect(submitted.status.state).toBe('内部审核');
    expect(submitted.status.latestVersion?.id).toBe(1);
    // 提交审核 closes the edit history: the renderer's 撤销 must go grey.
    expect(submitted.history.canUndo).toBe(false);

    const seal = sealPng();
    const stamped = await app.invoke('review/stamp', {
      reviewer: '张审核',
      role: '财务科科长',
      opinion: '通过',
      opinionText: '数据无误',
      sealPngBase64: seal.toString('base64'),
    });
    expect(stamped.stamps).toHaveLength(1);
    const [stamp] = stamped.stamps;
    expect(stamp).toMatchObject({ reviewer: '张审核', status: '有效', statusReason: '', versionId: 1 });
    expect(Buffer.from(stamp?.sealPngBase64 ?? '', 'base64').equals(seal)).toBe(true);
    // Plain data: the answer survives JSON as the bridge sends it.
    expect(JSON.parse(JSON.stringify(stamped))).toEqual(stamped);

    await app.invoke('tables/setCell', { ...EDIT, text: '401.00' });
    const after = await app.invoke('review/status', {});
    expect(after.changedSinceLatestVersion).toBe(true);
    expect(after.stamps[0]?.status).toBe('已失效');
    expect(after.stamps[0]?.statusReason).toContain('第 1 版');
    const refused = await app.refusal('review/approve', { by: '分管领导' });
    expect(refused.code).toBe('REVIEW_STATE');
    expect(refused.message).toContain('内容已有改动');

    const diff = await app.invoke('review/diff', { from: 1, to: 'current' });
    expect(diff.fromLabel).toBe('第 1 版');
    expect(diff.toLabel).toBe('当前内容');
    expect(diff.cells.map((cell) => [cell.table, cell.row, cell.column, cell.before, cell.after])).toEqual([
      ['t2', '2080109', 'gpb', '400.00', '401.00'],
    ]);
    expect(diff.cells[0]?.afterFen).toBe(wan('401.00'));

    const exported = await app.invoke('review/exportDiff', {
      from: 1,
      to: 'current',
      outputFile: path.join(dir, '差异'),
    });
    expect(exported).toEqual({ file: path.join(dir, '差异.xlsx'), changes: 1 });
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(exported.file);
    const sheet = read.getWorksheet('版本差异');
    expect(sheet?.getCell('A1').value).toBe('第 1 版 → 当前内容');
    expect(sheet?.getRow(3).values).toEqual([
      undefined,
      '表格金额（万元）',
      diff.cells[0]?.place,
      '',
      '400.00',
      '401.00',
    ]);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);

    // Undoing the edit brings back the stamped content: the stamp is 有效 again.
    await app.invoke('history/undo', {});
    expect((await app.invoke('review/status', {})).stamps[0]?.status).toBe('有效');
    const approved = await app.invoke('review/approve', { by: '分管领导' });
    expect(approved.status.state).toBe('已定稿');
    const frozen = await app.refusal('tables/setCell', EDIT);
    expect(frozen.code).toBe('REVIEW_STATE');

    const reopenWithoutReason = await app.refusal('review/reopen', { by: '分管领导', reason: ' ' });
    expect(reopenWithoutReason).toMatchObject({ code: 'INVALID_INPUT', message: '请填写退回的理由' });
    const reopened = await app.invoke('review/reopen', {
      by: '分管领导',
      reason: '补充说明',
      to: '内部审核',
    });
    expect(reopened.status.state).toBe('内部审核');
    expect(reopened.status.history.map((change) => [change.from, change.to, change.reason])).toEqual([
      ['编制中', '内部审核', '初稿'],
      ['内部审核', '已定稿', ''],
      ['已定稿', '内部审核', '补充说明'],
    ]);
    expect((await app.invoke('review/versions', {})).map((version) => version.stampCount)).toEqual([1]);
  });

  it('refuses an oversized or non-PNG seal at the boundary and in the service, and a 退回修改 without words', async () => {
    const { app } = await session002();
    await app.invoke('review/submit', { by: '编制人' });
    const stamp = { reviewer: '张审核', role: '科长', opinion: '通过', opinionText: '' } as const;

    const huge = Buffer.alloc(SEAL_MAX_BYTES + 3).toString('base64');
    const tooBig = await app.refusal('review/stamp', { ...stamp, sealPngBase64: huge });
    expect(tooBig.code).toBe('BAD_REQUEST');
    expect(tooBig.message).toContain('sealPngBase64：印章图片不能超过 512 KB');

    const notPng = await app.refusal('review/stamp', {
      ...stamp,
      sealPngBase64: Buffer.from('GIF89a not a png at all, but long enough').toString('base64'),
    });
    expect(notPng.code).toBe('INVALID_SEAL');
    expect(notPng.message).toContain('不是 PNG 图片');

    const returned = await app.refusal('review/stamp', { ...stamp, opinion: '退回修改' });
    expect(returned).toMatchObject({ code: 'INVALID_INPUT', message: '退回修改时请写明修改意见' });
    expect((await app.invoke('review/status', {})).stamps).toEqual([]);
  });

  it('restores a version as one undoable edit, the reason required and checked at the boundary', async () => {
    const { app } = await session002();
    await app.invoke('review/submit', { by: '编制人' });
    await app.invoke('review/stamp', { reviewer: '张审核', role: '科长', opinion: '通过', opinionText: '' });
    await app.invoke('tables/setCell', EDIT);
    expect((await app.invoke('review/status', {})).stamps[0]?.status).toBe('已失效');

    const malformed = await app.refusal('review/restoreVersion', { versionId: '1', reason: '退回' });
    expect(malformed.code).toBe('BAD_REQUEST');
    const noReason = await app.refusal('review/restoreVersion', { versionId: 1, reason: '' });
    expect(noReason).toMatchObject({ code: 'INVALID_INPUT', message: '请填写恢复到该版本的原因' });

    const restored = await app.invoke('review/restoreVersion', { versionId: 1, reason: '审核退回修改' });
    expect(restored.history).toMatchObject({ canUndo: true, undoLabel: '恢复到第 1 版（审核退回修改）' });
    const status = await app.invoke('review/status', {});
    expect(status.stamps[0]?.status).toBe('有效');
    expect(status.currentSha256).toBe(status.latestVersion?.contentSha256);
    expect((await app.invoke('review/diff', { from: 1, to: 'current' })).cells).toEqual([]);
  });

  it('adds comments on a cell and a section, filters the unresolved, resolves and reopens them', async () => {
    const { app } = await session002();
    const onCell = await app.invoke('review/addComment', {
      target: { kind: 'cell', table: 't2', row: '2080109', column: 'gpb' },
      author: '张审核',
      text: '请核对金额',
    });
    expect(onCell.place).toContain('表二');
    expect(onCell.place).toContain('2080109');
    const onSection = await app.invoke('review/addComment', {
      target: { kind: 'section', sectionNo: '一' },
      author: '张审核',
      text: '表述过长',
    });
    expect(onSection.place).toMatch(/^情况说明 一、/);
    const unknown = await app.refusal('review/addComment', {
      target: { kind: 'cell', table: 't2', row: '9999999', column: 'gpb' },
      author: '张审核',
      text: '？',
    });
    expect(unknown.code).toBe('INVALID_ROW');
    const badKind = await app.refusal('review/addComment', {
      target: { kind: 'page', no: 3 },
      author: '张审核',
      text: '？',
    });
    expect(badKind.code).toBe('BAD_REQUEST');

    const resolved = await app.invoke('review/resolveComment', { commentId: onCell.id, by: '编制人' });
    expect(resolved.resolvedBy).toBe('编制人');
    const unresolved = await app.invoke('review/comments', { unresolvedOnly: true });
    expect(unresolved.map((comment) => comment.id)).toEqual([onSection.id]);
    expect((await app.invoke('review/status', {})).unresolvedComments).toBe(1);
    const reopened = await app.invoke('review/reopenComment', { commentId: onCell.id });
    expect(reopened.resolvedAt).toBeNull();
    expect(await app.invoke('review/comments', { unresolvedOnly: true })).toHaveLength(2);
    const missing = await app.refusal('review/reopenComment', { commentId: 999 });
    expect(missing.message).toBe('没有编号为 999 的批注');
  });
});

describe('last year and the year-over-year report through the session', () => {
  it('plans, asks to confirm another unit’s file, imports as one undoable edit, and reports the changes', async () => {
    const { app, dir } = await session002();
    expect((await app.invoke('yearOverYear/get', {})).tables).toEqual([]);

    const otherUnit = tables002(dir, 2024, '阳城县医疗保险服务中心');
    const plan = await app.invoke('lastYear/plan', { file: otherUnit });
    expect(plan.source).toMatchObject({ kind: 'tablesJson', unitName: '阳城县医疗保险服务中心', year: 2024 });
    expect(plan.confirmation).toContain('请确认后再导入');
    const unconfirmed = await app.refusal('lastYear/import', { file: otherUnit });
    expect(unconfirmed.code).toBe('NEEDS_CONFIRMATION');
    expect((await app.invoke('lastYear/status', {})).source).toBeNull();

    const imported = await app.invoke('lastYear/import', { file: otherUnit, confirmOtherUnit: true });
    expect(imported.history.undoLabel).toBe('导入上年数据 002-2024-阳城县医疗保险服务中心.json');
    const status = await app.invoke('lastYear/status', {});
    expect(status.source?.fileName).toBe('002-2024-阳城县医疗保险服务中心.json');
    expect(status.figures.every((figure) => figure.origin === 'file')).toBe(true);
    const income = status.figures.find((figure) => figure.key === 'incomeTotal');
    expect(income?.value).toBe(imported.plan.figures.find((figure) => figure.key === 'incomeTotal')?.after);

    // Last year's tables are this year's; one cell changed this year.
    await app.invoke('tables/setCell', EDIT);
    const report = await app.invoke('yearOverYear/get', {});
    expect(report.tables.map((table) => table.table)).toEqual(TABLE_KEYS);
    const t2 = report.tables.find((table) => table.table === 't2');
    // 社会保险经办机构 was 490.56 万元 last year: 90.56 less is 18.46 % less.
    expect(t2?.lines.find((line) => line.key === '2080109')).toMatchObject({
      lastYear: wan('490.56'),
      thisYear: wan('400.00'),
      change: -wan('90.56'),
      percent: '-18.46',
      presence: 'both',
    });
    const wrongYear = await app.refusal('lastYear/plan', { file: tables002(dir, 2023) });
    expect(wrongYear.code).toBe('WRONG_YEAR');
    await app.invoke('history/undo', {});
    await app.invoke('history/undo', {});
    expect((await app.invoke('lastYear/status', {})).source).toBeNull();
  });

  it('consolidates a 部门 from its units’ workbooks chosen one by one, after a preview', async () => {
    const app = testSession();
    const dir = tempDir();
    const bureau = path.join(dir, '阳城县医疗保障局.ysgk');
    importReferenceJson(fixturePath('002'), bureau).close();
    const hospital = path.join(dir, '山西省肿瘤医院.ysgk');
    importReferenceJson(fixturePath('004'), hospital).close();
    const department = newWorkbook('部门');
    department.close();
    await app.invoke('workbook/open', { path: department.path });

    const preview = await app.invoke('consolidation/preview', { files: [bureau, hospital] });
    expect(preview.units.map((unit) => [unit.name, unit.status])).toEqual([
      ['阳城县医疗保障局', 'new'],
      ['山西省肿瘤医院（山西省肿瘤研究所）', 'new'],
    ]);
    expect(preview.changes.changedCells.length).toBeGreaterThan(0);
    // Neither unit entered 情况说明 figures: the 部门's stay as they are.
    expect(preview.narrativeInputs).toEqual([]);
    expect((await app.invoke('workbook/summary', {}))?.history.canUndo).toBe(false);

    const applied = await app.invoke('consolidation/apply', { files: [bureau, hospital] });
    expect(applied.history.undoLabel).toBe('汇总 2 个单位的工作簿');
    const units = (await app.invoke('workbook/summary', {}))?.units.map((unit) => unit.name);
    expect(units).toEqual(expect.arrayContaining(['阳城县医疗保障局', '山西省肿瘤医院（山西省肿瘤研究所）']));

    const twice = await app.refusal('consolidation/preview', { files: [bureau, bureau] });
    expect(twice.code).toBe('CONSOLIDATION_REFUSED');
    expect((await app.refusal('consolidation/apply', { files: [] })).code).toBe('BAD_REQUEST');
  });
});
