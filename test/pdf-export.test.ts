import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { exportDisclosurePdf } from '../src-main/services/export-pdf/export-disclosure-pdf';
import { resolveFontFiles } from '../src-main/services/export-pdf/fonts';
import type { RenderProgress } from '../src-main/services/export-pdf/render-pdf';
import type { Workbook } from '../src-main/services/workbook/workbook';
import { importSeed, pageSizes, rawPages, squeezed } from './support/pdf';
import { finalise } from './support/review';
import { disclosure } from './support/in-process-cli';
import { tempDir } from './support/temp-dir';
import { newWorkbook } from './support/workbooks';

/** A workbook whose 审核 finds 错误: 表十's 合计 overridden with an exact amount that is not the sum. */
function workbookWithError(): Workbook {
  const workbook = newWorkbook();
  workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '100', unit: 'yuan' });
  workbook.setCell({ table: 't10', row: 'total', column: 'gpb', text: '500', unit: 'yuan', override: true });
  return workbook;
}

function errorCount(workbook: Workbook): number {
  return workbook.findings().filter((finding) => finding.severity === '错误').length;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the export to be refused');
}

describe('exporting the disclosure PDF from a workbook', () => {
  it('renders a draft in a worker, reports its progress and records the export', async () => {
    const workbook = importSeed('003');
    const file = path.join(tempDir(), '草稿.pdf');
    const progress: RenderProgress[] = [];
    try {
      const exported = await exportDisclosurePdf(
        workbook,
        { outputFile: file, kind: 'draft', figures: 'asEntered' },
        { onProgress: (step) => progress.push(step) },
      );
      expect(exported.pageCount).toBe(pageSizes(file).length);
      expect(exported.bytes).toBe(fs.statSync(file).size);
      expect(exported.record).toMatchObject({ kind: 'draft', format: 'pdf', file, overrideReason: null });
      expect(workbook.exports()).toEqual([exported.record]);
    } finally {
      workbook.close();
    }
    const laidOut = progress.flatMap((step) => (step.stage === 'layout' ? [step.pagesLaidOut] : []));
    expect(laidOut).toEqual(Array.from({ length: laidOut.length }, (_, index) => index + 1));
    const drawn = progress.flatMap((step) => (step.stage === 'draw' ? [step.percent] : []));
    expect(drawn.at(-1)).toBe(100);
    expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ stage: 'write', pageCount: laidOut.length });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['草稿.pdf']);
  });

  it('refuses a final export while 错误 exist, leaving the previous PDF and no record', async () => {
    const workbook = workbookWithError();
    finalise(workbook);
    const file = path.join(tempDir(), '正式版.pdf');
    fs.writeFileSync(file, 'the PDF exported before');
    try {
      expect(errorCount(workbook)).toBeGreaterThan(0);
      const progress: unknown[] = [];
      const refusal = await rejectionOf(
        exportDisclosurePdf(
          workbook,
          { outputFile: file, kind: 'final', figures: 'asEntered' },
          { onProgress: (step) => progress.push(step) },
        ),
      );
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe('FINAL_EXPORT_BLOCKED');
      // Refused before any page was laid out.
      expect(progress).toEqual([]);
      expect(fs.readFileSync(file, 'utf8')).toBe('the PDF exported before');
      expect(fs.readdirSync(path.dirname(file))).toEqual(['正式版.pdf']);
      expect(workbook.exports()).toEqual([]);
    } finally {
      workbook.close();
    }
  });

  it('exports a final version despite 错误 when a reason is given, without watermark, and records the reason', async () => {
    const workbook = workbookWithError();
    finalise(workbook);
    const file = path.join(tempDir(), '正式版.pdf');
    try {
      const exported = await exportDisclosurePdf(workbook, {
        outputFile: file,
        kind: 'final',
        figures: 'adjusted',
        overrideReason: '合计按财政批复数填列',
      });
      expect(exported.record).toMatchObject({
        kind: 'final',
        errorCount: errorCount(workbook),
        overrideReason: '合计按财政批复数填列',
      });
      expect(workbook.exports()).toEqual([exported.record]);
    } finally {
      workbook.close();
    }
    expect(rawPages(file).filter((page) => squeezed(page).includes('仅供内部审核'))).toEqual([]);
  });

  it('exports a final version of a workbook without 错误 without asking for a reason', async () => {
    const workbook = newWorkbook();
    finalise(workbook);
    const file = path.join(tempDir(), '正式版.pdf');
    try {
      expect(errorCount(workbook)).toBe(0);
      const exported = await exportDisclosurePdf(workbook, {
        outputFile: file,
        kind: 'final',
        figures: 'asEntered',
      });
      expect(exported.record).toMatchObject({ kind: 'final', errorCount: 0, overrideReason: null });
    } finally {
      workbook.close();
    }
    // Every table of an empty workbook is printed, each with its note.
    expect(rawPages(file).filter((page) => page.includes('注：本表无数据'))).toHaveLength(13);
  });

  it('stops at once when cancelled: no file, no partial file, no record', async () => {
    const workbook = importSeed('002');
    const dir = tempDir();
    const controller = new AbortController();
    try {
      const cancelled = await rejectionOf(
        exportDisclosurePdf(
          workbook,
          { outputFile: path.join(dir, 'x.pdf'), kind: 'draft', figures: 'asEntered' },
          { signal: controller.signal, onProgress: () => controller.abort() },
        ),
      );
      expect((cancelled as Error).name).toBe('AbortError');
      expect(fs.readdirSync(dir).filter((name) => name.startsWith('x.pdf'))).toEqual([]);
      expect(workbook.exports()).toEqual([]);
    } finally {
      workbook.close();
    }
  });

  it('reads the fonts from a packaged app’s flat fonts folder, and names a missing one', async () => {
    const fontFolder = tempDir();
    for (const file of Object.values(resolveFontFiles())) {
      fs.symlinkSync(file, path.join(fontFolder, path.basename(file)));
    }
    const workbook = newWorkbook();
    try {
      const request = { kind: 'draft', figures: 'asEntered', fontFolder } as const;
      const exported = await exportDisclosurePdf(workbook, {
        ...request,
        outputFile: path.join(tempDir(), 'a.pdf'),
      });
      expect(exported.pageCount).toBeGreaterThan(13);
      fs.rmSync(path.join(fontFolder, 'NotoSansSC_700Bold.ttf'));
      const missing = await rejectionOf(
        exportDisclosurePdf(workbook, { ...request, outputFile: path.join(tempDir(), 'b.pdf') }),
      );
      expect(missing).toBeInstanceOf(AppError);
      expect((missing as AppError).code).toBe('FILE_NOT_FOUND');
      expect((missing as AppError).message).toContain('NotoSansSC_700Bold.ttf');
      expect(workbook.exports()).toHaveLength(1);
    } finally {
      workbook.close();
    }
  });

  it('refuses an empty watermark text', async () => {
    const workbook = newWorkbook();
    try {
      const refusal = await rejectionOf(
        exportDisclosurePdf(workbook, {
          outputFile: path.join(tempDir(), 'x.pdf'),
          kind: 'draft',
          figures: 'asEntered',
          watermarkText: '  ',
        }),
      );
      expect((refusal as AppError).code).toBe('INVALID_INPUT');
    } finally {
      workbook.close();
    }
  });
});

describe('disclosure export-pdf', () => {
  it('exports a draft, refuses a final one with 错误 (exit code 1) and takes it with a reason', async () => {
    const workbook = workbookWithError();
    finalise(workbook);
    const source = workbook.path;
    workbook.close();
    const dir = path.dirname(source);
    const draft = await disclosure(
      'export-pdf',
      source,
      '-o',
      path.join(dir, 'draft.pdf'),
      '--watermark',
      '征求意见稿',
    );
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/^已导出草稿 .*draft\.pdf：\d+ 页，\d+ KB$/m);
    expect(squeezed(rawPages(path.join(dir, 'draft.pdf'))[0] ?? '')).toContain('征求意见稿');
    const refused = await disclosure('export-pdf', source, '-o', path.join(dir, 'final.pdf'), '--final');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('不能导出正式版');
    const forced = await disclosure(
      'export-pdf',
      source,
      '-o',
      path.join(dir, 'final.pdf'),
      '--final',
      '--override-reason',
      '按批复数',
      '--adjusted',
    );
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('强制导出的理由已记入工作簿：按批复数');
  });

  it('answers a wrong call with the usage and exit code 2', async () => {
    const workbook = newWorkbook();
    const source = workbook.path;
    workbook.close();
    const dir = path.dirname(source);
    for (const args of [
      [source, '-o', path.join(dir, 'x.ysgk')],
      [source, '-o', path.join(dir, 'x.pdf'), '--override-reason', '理由'],
      [source, '-o', path.join(dir, 'x.pdf'), '--final', '--watermark', '草稿'],
      [source],
    ]) {
      const result = await disclosure('export-pdf', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('用法');
    }
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.pdf'))).toEqual([]);
  });
});
