import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { shortHash } from '../shared/review/format';
import { exportDisclosurePdf } from '../src-main/services/export-pdf/export-disclosure-pdf';
import { STAMP_PAGE_TITLE } from '../src-main/services/export-pdf/stamp-page';
import { Workbook } from '../src-main/services/workbook/workbook';
import { importSeed, rawPages, renderPagesToPng, squeezed } from './support/pdf';
import { sealPng } from './support/png';
import { finalise } from './support/review';
import { disclosure } from './support/in-process-cli';
import { rejectionOf } from './support/errors';
import { tempDir } from './support/temp-dir';

const CELL = { table: 't2', row: '2080109', column: 'gpb' } as const;

async function exportDraft(workbook: Workbook): Promise<string[]> {
  const file = path.join(tempDir(), '送审稿.pdf');
  await exportDisclosurePdf(workbook, { outputFile: file, kind: 'draft', figures: 'asEntered' });
  return rawPages(file);
}

/** Pixels of a page, rendered by pdftoppm as a binary PPM, that are clearly the seal's red. */
function redPixels(file: string, page: number): number {
  const prefix = path.join(tempDir(), 'page');
  execFileSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const ppm = fs.readFileSync(`${prefix}.ppm`);
  // P6\n<width> <height>\n255\n, then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  let count = 0;
  for (let offset = header[0].length; offset + 2 < ppm.length; offset += 3) {
    const [red = 0, green = 0, blue = 0] = ppm.subarray(offset, offset + 3);
    if (red > 150 && green < 90 && blue < 90) count++;
  }
  return count;
}

describe('the review draft PDF', () => {
  it('ends with the 审核签章页: every stamp with its opinion, seal and status as of the export', async () => {
    const workbook = importSeed('002');
    const file = path.join(tempDir(), '送审稿.pdf');
    try {
      workbook.review.submit({ by: '张三' });
      workbook.review.stamp({
        reviewer: '李四',
        role: '科长',
        opinion: '通过',
        opinionText: '同意',
        seal: sealPng(),
      });
      workbook.review.reopen({ by: '张三', reason: '更正表二' });
      workbook.setCell({ ...CELL, text: '490.57', unit: 'wanYuan' });
      workbook.review.submit({ by: '张三', note: '更正稿' });
      workbook.review.stamp({ reviewer: '王五', role: '分管领导', opinion: '通过', opinionText: '' });
      await exportDisclosurePdf(workbook, { outputFile: file, kind: 'draft', figures: 'asEntered' });
      const status = workbook.review.status();
      const pages = rawPages(file);
      const last = pages.at(-1) ?? '';
      expect(pages.filter((page) => page.includes(STAMP_PAGE_TITLE))).toEqual([last]);
      const lines = last.split('\n');
      expect(lines).toContain('工作簿状态：内部审核');
      expect(lines).toContain(`审核版本：第 2 版，内容校验值 ${shortHash(status.currentSha256)}`);
      expect(lines).toContain(`印章链校验值：${shortHash(status.chainHead)}`);
      const stampRows = lines.filter((line) => /^[12] /.test(line));
      expect(stampRows).toEqual([
        expect.stringMatching(/^1 李四 科长 \d{4}-\d\d-\d\d \d\d:\d\d 第1版 通过：同意 已失效$/),
        expect.stringMatching(/^2 王五 分管领导 \d{4}-\d\d-\d\d \d\d:\d\d 第2版 通过 — 有效$/),
      ]);
      expect(squeezed(last)).toContain('盖章后内容有改动（当前内容与第1版不同）');
      // The draft mark is on the stamp page as on every page.
      expect(squeezed(last)).toContain('仅供内部审核');
    } finally {
      workbook.close();
    }
    const page = rawPages(file).length;
    expect(redPixels(file, page)).toBeGreaterThan(50);
    expect(redPixels(file, page - 1)).toBe(0);
    renderPagesToPng(file, 'review-stamp-page', [page], 80);
  });

  it('shows a stamp as 已失效 once the content changes after it, and carries no stamp page before any submission', async () => {
    const workbook = importSeed('003');
    try {
      expect((await exportDraft(workbook)).some((page) => page.includes(STAMP_PAGE_TITLE))).toBe(false);
      workbook.review.submit({ by: '张三' });
      workbook.review.stamp({ reviewer: '李四', role: '科长', opinion: '通过', opinionText: '' });
      expect((await exportDraft(workbook)).at(-1)).toMatch(/第1版 通过 — 有效\n/);
      workbook.editSentence('expenditure', '改写后的支出说明。');
      const last = (await exportDraft(workbook)).at(-1) ?? '';
      expect(last).toMatch(/第1版 通过 — 已失效\n/);
      expect(last).toContain('（与审核版本不同，内容已改动）');
    } finally {
      workbook.close();
    }
  });
});

describe('the final export', () => {
  it('is refused before 已定稿 without rendering or recording anything, and has no stamp page after', async () => {
    const workbook = importSeed('004');
    const file = path.join(tempDir(), '正式版.pdf');
    try {
      const before = await rejectionOf(() =>
        exportDisclosurePdf(workbook, { outputFile: file, kind: 'final', figures: 'asEntered' }),
      );
      expect(before).toBeInstanceOf(AppError);
      expect(before).toMatchObject({
        code: 'REVIEW_STATE',
        message: '工作簿当前为“编制中”，定稿后才能导出正式版',
      });
      workbook.review.submit({ by: '张三' });
      const underReview = await rejectionOf(() =>
        exportDisclosurePdf(workbook, { outputFile: file, kind: 'final', figures: 'asEntered' }),
      );
      expect(underReview).toMatchObject({ message: '工作簿当前为“内部审核”，定稿后才能导出正式版' });
      expect(fs.existsSync(file)).toBe(false);
      expect(workbook.exports()).toEqual([]);
      workbook.review.stamp({ reviewer: '李四', role: '科长', opinion: '通过', opinionText: '' });
      workbook.review.approve({ by: '王五' });
      const errors = workbook.findings().filter((finding) => finding.severity === '错误').length;
      await exportDisclosurePdf(workbook, {
        outputFile: file,
        kind: 'final',
        figures: 'asEntered',
        ...(errors > 0 ? { overrideReason: '按财政批复数' } : {}),
      });
      expect(workbook.exports().map((record) => record.kind)).toEqual(['final']);
    } finally {
      workbook.close();
    }
    const pages = rawPages(file);
    expect(
      pages.filter((page) => page.includes(STAMP_PAGE_TITLE) || squeezed(page).includes('仅供内部审核')),
    ).toEqual([]);
  });

  it('is refused when the approved content was changed behind the program’s back', async () => {
    const workbook = importSeed('004');
    finalise(workbook);
    const file = workbook.path;
    workbook.close();
    const db = new Database(file);
    db.prepare(`UPDATE cells SET fen = fen + 100 WHERE rowid = (SELECT min(rowid) FROM cells)`).run();
    db.close();
    const reopened = Workbook.open(file);
    try {
      const refusal = await rejectionOf(() =>
        exportDisclosurePdf(reopened, {
          outputFile: path.join(tempDir(), '正式版.pdf'),
          kind: 'final',
          figures: 'asEntered',
          overrideReason: '强制',
        }),
      );
      expect(refusal).toMatchObject({
        code: 'REVIEW_STATE',
        message: '定稿后工作簿内容有改动（可能在程序之外），不能导出正式版；请退回后重新审核',
      });
      expect(reopened.review.stamps().map((stamp) => stamp.status)).toEqual(['已失效']);
    } finally {
      reopened.close();
    }
  });
});

describe('disclosure review', () => {
  it('takes a workbook from submission to a final export, with stamps, comments, versions and differences', async () => {
    const workbook = importSeed('002');
    const file = workbook.path;
    workbook.close();
    const dir = path.dirname(file);
    const seal = path.join(dir, '公章.png');
    fs.writeFileSync(seal, sealPng());

    expect((await disclosure('review', 'submit', file, '--by', '张三', '--note', '初稿')).stdout).toMatch(
      /^已提交审核：第 1 版，内容校验值 [0-9a-f]{16}，\d+ KB$/m,
    );
    const stamped = await disclosure(
      'review',
      'stamp',
      file,
      '--name',
      '李四',
      '--role',
      '科长',
      '--opinion',
      '退回修改',
      '--text',
      '表二有误',
      '--seal',
      seal,
    );
    expect(stamped.stdout).toMatch(
      /^已盖章：1\. 李四（科长）.* 第1版 退回修改：表二有误 \[印章图片\] —— 有效$/m,
    );
    const commented = await disclosure(
      'review',
      'comment',
      file,
      '--by',
      '李四',
      '--text',
      '请核对',
      '--cell',
      't2:2080109:gpb',
    );
    expect(commented.stdout).toContain(
      '已添加批注：#1 [未处理] 表二 第4行（2080109 社会保险经办机构）“一般公共预算”列：请核对',
    );
    const refused = await disclosure('review', 'approve', file, '--by', '王五');
    expect(refused).toMatchObject({ code: 2, stderr: '错误：李四的意见为“退回修改”，不能定稿\n' });
    expect((await disclosure('review', 'reopen', file, '--by', '张三', '--reason', '更正表二')).code).toBe(0);

    const edited = Workbook.open(file);
    edited.setCell({ ...CELL, text: '490.57', unit: 'wanYuan' });
    edited.close();
    expect((await disclosure('review', 'comment', file, '--resolve', '1', '--by', '张三')).code).toBe(0);
    expect((await disclosure('review', 'submit', file, '--by', '张三')).code).toBe(0);
    expect(
      (await disclosure('review', 'stamp', file, '--name', '李四', '--role', '科长', '--opinion', '通过'))
        .code,
    ).toBe(0);
    const status = await disclosure('review', 'status', file);
    expect(status.stdout).toContain('内部审核（最新为第 2 版');
    expect(status.stdout).toMatch(
      /1\. 李四（科长）.* 第1版 退回修改：表二有误 \[印章图片\] —— 已失效（盖章后内容有改动/,
    );
    expect(status.stdout).toMatch(/2\. 李四（科长）.* 第2版 通过 —— 有效$/m);
    expect(status.stdout).toContain('未处理的批注 0 条');

    const versions = await disclosure('review', 'versions', file, '--json');
    expect(JSON.parse(versions.stdout).map((version: { id: number }) => version.id)).toEqual([1, 2]);
    const xlsx = path.join(dir, '差异.xlsx');
    const diff = await disclosure('review', 'diff', file, '1', '2', '-o', xlsx);
    expect(diff.stdout).toBe(
      '第 1 版 → 第 2 版：1 处不同\n' +
        '  [表格金额（万元）] 表二 第4行（2080109 社会保险经办机构）“一般公共预算”列：490.56 → 490.57\n' +
        `已导出差异 ${xlsx}\n`,
    );
    expect(fs.statSync(xlsx).size).toBeGreaterThan(0);

    const final = path.join(dir, '正式版.pdf');
    expect((await disclosure('export-pdf', file, '-o', final, '--final')).stderr).toContain(
      '工作簿当前为“内部审核”，定稿后才能导出正式版',
    );
    expect((await disclosure('review', 'approve', file, '--by', '王五', '--note', '同意公开')).stdout).toBe(
      '已定稿：002.ysgk\n',
    );
    const exported = await disclosure(
      'export-pdf',
      file,
      '-o',
      final,
      '--final',
      '--override-reason',
      '按批复数',
    );
    expect(exported.code).toBe(0);
  });

  it('answers a wrong call with the usage and exit code 2', async () => {
    const workbook = importSeed('003');
    const file = workbook.path;
    workbook.close();
    for (const args of [
      [],
      ['sign', file],
      ['submit', file],
      ['stamp', file, '--name', '李四', '--role', '科长', '--opinion', '同意'],
      ['comment', file, '--by', '李四', '--text', '看看'],
      ['comment', file, '--by', '李四', '--text', '看看', '--cell', 't2:total'],
      ['reopen', file, '--by', '李四', '--reason', '理由', '--to', '已发布'],
      ['diff', file],
      ['diff', file, '1', 'x'],
    ]) {
      const result = await disclosure('review', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('用法');
    }
    const missingSeal = await disclosure(
      'review',
      'stamp',
      file,
      '--name',
      '李四',
      '--role',
      '科长',
      '--opinion',
      '通过',
      '--seal',
      path.join(path.dirname(file), '没有.png'),
    );
    expect(missingSeal.code).toBe(2);
    expect(missingSeal.stderr).toContain('无法读取印章图片');
  });
});
