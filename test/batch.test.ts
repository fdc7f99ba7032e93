import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../shared/checks/engine';
import { runBatch } from '../src-main/services/batch/run-batch';
import { unitsInFolder } from '../src-main/services/batch/units';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import { Workbook } from '../src-main/services/workbook/workbook';
import { disclosure as disclosureCommand } from './support/cli';
import { disclosure } from './support/in-process-cli';
import { finalise } from './support/review';
import { SEEDS, fixturePath } from './support/fixtures';
import { layoutPages, pageSizes } from './support/pdf';
import { tempDir } from './support/temp-dir';

const TEMPLATES = fileURLToPath(new URL('./fixtures/templates/', import.meta.url));
const SEED_DATA = fileURLToPath(new URL('./fixtures/seed-data/', import.meta.url));
const BROKEN = '损坏的表格.xlsx';
const WORKBOOK = '阳城县医疗保障局.ysgk';
const CLEAN = '空白单位.ysgk';
const NOT_FINAL = '未定稿单位.ysgk';

function copyTemplates(folder: string, seed: string): void {
  for (const kind of ['tables', 'goals']) {
    fs.copyFileSync(path.join(TEMPLATES, `${seed}-${kind}.xlsx`), path.join(folder, `${seed}-${kind}.xlsx`));
  }
}

/** Seed 002's tables and goal sheets, imported from the reference JSON into a workbook. */
function writeSeedWorkbook(file: string): void {
  const workbook = importReferenceJson(fixturePath('002'), file);
  importGoalsJson(workbook, path.join(SEED_DATA, '002-goals.json'));
  workbook.close();
}

/** A workbook with no figures: its 审核 finds no 错误. */
function writeCleanWorkbook(file: string): void {
  Workbook.create(file, {
    name: '某县某局',
    code: null,
    year: 2025,
    scope: '单位',
    unitType: '行政',
    supervisingDepartment: null,
  }).close();
}

/** The three seed template pairs, a workbook, and a text file named .xlsx. */
function seedFolder(): string {
  const folder = tempDir();
  for (const seed of SEEDS) copyTemplates(folder, seed);
  writeSeedWorkbook(path.join(folder, WORKBOOK));
  fs.writeFileSync(path.join(folder, BROKEN), '这不是表格，只是一段文字。\n');
  return folder;
}

/** What `disclosure check --json` finds in a file, imported first when it is a template pair. */
async function singleCheck(folder: string, unit: { tables?: string; goals?: string; workbook?: string }) {
  let file = unit.workbook ?? '';
  if (unit.tables !== undefined) {
    file = path.join(tempDir(), 'single.ysgk');
    const goals = unit.goals === undefined ? [] : ['--goals', path.join(folder, unit.goals)];
    expect((await disclosure('import', path.join(folder, unit.tables), ...goals, '-o', file)).code).toBe(0);
  }
  const checked = await disclosure('check', file, '--json');
  return JSON.parse(checked.stdout) as Finding[];
}

function countsOf(findings: readonly { severity: string }[]) {
  return {
    错误: findings.filter((finding) => finding.severity === '错误').length,
    提示: findings.filter((finding) => finding.severity === '提示').length,
    信息: findings.filter((finding) => finding.severity === '信息').length,
  };
}

async function readSheets(file: string): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => {
      // Every row as wide as the sheet, a blank cell as null.
      const rows: unknown[][] = [];
      sheet.eachRow((row) =>
        rows.push(Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value)),
      );
      return [sheet.name, rows];
    }),
  );
}

function partialFiles(folder: string): string[] {
  return fs.readdirSync(folder).filter((name) => name.includes('partial'));
}

describe('the units of a folder', () => {
  it('pairs X-tables.xlsx with X-goals.xlsx, keeps lone goal sheets as failing units and leaves other files', () => {
    const folder = tempDir();
    for (const name of [
      'b-tables.xlsx',
      'b-goals.xlsx',
      'a.xlsx',
      'b.ysgk',
      'c-goals.xlsx',
      '~$b-tables.xlsx',
      '.b.ysgk.123.partial',
      '说明.txt',
    ]) {
      fs.writeFileSync(path.join(folder, name), '');
    }
    fs.mkdirSync(path.join(folder, '子文件夹'));
    const { units, otherFiles } = unitsInFolder(folder);
    expect(units.map((unit) => [unit.name, unit.fileLabel, unit.source.kind])).toEqual([
      ['a', 'a.xlsx', 'templates'],
      ['b', 'b-tables.xlsx + b-goals.xlsx', 'templates'],
      ['b（2）', 'b.ysgk', 'workbook'],
      ['c', 'c-goals.xlsx', 'unusable'],
    ]);
    expect(units[1]?.source).toEqual({
      kind: 'templates',
      tablesFile: path.join(folder, 'b-tables.xlsx'),
      goalsFile: path.join(folder, 'b-goals.xlsx'),
    });
    const lone = units[3]?.source;
    expect(lone?.kind === 'unusable' && lone.problem).toContain(
      'c-goals.xlsx：找不到与之配对的表格文件“c-tables.xlsx”',
    );
    expect(otherFiles).toEqual(['说明.txt']);
  });
});

describe('batch check', () => {
  it('checks every unit in worker threads with the findings `disclosure check` gives for each file alone', async () => {
    const folder = seedFolder();
    const { units } = unitsInFolder(folder);
    expect(units.map((unit) => unit.fileLabel)).toEqual([
      '002-tables.xlsx + 002-goals.xlsx',
      '003-tables.xlsx + 003-goals.xlsx',
      '004-tables.xlsx + 004-goals.xlsx',
      BROKEN,
      WORKBOOK,
    ]);
    const finishedInOrder: string[] = [];
    const run = await runBatch(
      units,
      { kind: 'check' },
      { onResult: (result) => finishedInOrder.push(result.unit.name) },
    );
    expect(run.threads).toBe(Math.min(os.availableParallelism(), units.length));
    expect(finishedInOrder.sort()).toEqual(units.map((unit) => unit.name).sort());

    const singles = [
      ...SEEDS.map((seed) => ({ tables: `${seed}-tables.xlsx`, goals: `${seed}-goals.xlsx` })),
      { workbook: path.join(folder, WORKBOOK) },
    ];
    const passing = run.results.filter((result) => result.status !== '导入失败');
    expect(passing.map((result) => [result.unitName, result.year])).toEqual([
      ['阳城县医疗保障局', 2025],
      ['晋城市财政局', 2024],
      ['山西省肿瘤医院（山西省肿瘤研究所）', 2025],
      ['阳城县医疗保障局', 2025],
    ]);
    for (const [index, result] of passing.entries()) {
      const alone = await singleCheck(folder, singles[index] ?? {});
      expect(result.counts).toEqual(countsOf(alone));
      expect(result.findings.map((finding) => [finding.ruleId, finding.severity, finding.message])).toEqual(
        alone.map((finding) => [finding.ruleId, finding.severity, finding.message]),
      );
      expect(result.status).toBe(countsOf(alone).错误 > 0 ? '有错误' : '通过');
    }
    // R1 (a 表十二 project without its goal sheet) is found on the project's 表十二 row.
    const missingSheet = run.results[0]?.findings.find((finding) => finding.ruleId === 'R1');
    expect(missingSheet?.location).toMatch(/^表十二 第\d+行（.+）“合计”列$/u);

    const broken = run.results[3];
    expect(broken?.status).toBe('导入失败');
    expect(broken?.counts).toBeNull();
    expect(broken?.note).toContain(`${BROKEN}：不是 xlsx 文件`);
    expect(fs.readdirSync(folder).sort()).toEqual(
      [...SEEDS.flatMap((seed) => [`${seed}-goals.xlsx`, `${seed}-tables.xlsx`]), BROKEN, WORKBOOK].sort(),
    );
  });

  it('prints the table, writes the summary workbook and exits with 1 when a unit has 错误', async () => {
    const folder = seedFolder();
    const summary = path.join(tempDir(), '审核汇总.xlsx');
    const ran = await disclosure('batch', 'check', folder, '--summary', summary);
    expect(ran.code).toBe(1);
    const lines = ran.stdout.split('\n');
    expect(lines[0]).toMatch(/^文件\s+单位名称\s+年度\s+状态\s+错误\s+提示\s+信息$/u);
    expect(lines[1]).toMatch(
      /^002-tables\.xlsx \+ 002-goals\.xlsx\s+阳城县医疗保障局\s+2025\s+有错误\s+2\s+32\s+4$/u,
    );
    expect(ran.stdout).toContain(`〔导入失败〕${BROKEN}：不是 xlsx 文件`);
    expect(ran.stdout).toContain('共 5 个单位：通过 0，有错误 4，导入失败 1');
    expect(ran.stderr.trimEnd().split('\n')).toHaveLength(5);

    const sheets = await readSheets(summary);
    expect(Object.keys(sheets)).toEqual(['汇总', '审核结果']);
    const units = sheets['汇总'] ?? [];
    expect(units[0]).toEqual(['文件', '单位名称', '年度', '状态', '错误', '提示', '信息', '说明']);
    const run = await runBatch(unitsInFolder(folder).units, { kind: 'check' });
    expect(units.slice(1)).toEqual(
      run.results.map((result) => [
        result.unit.fileLabel,
        ...(result.counts === null
          ? [null, null, result.status, null, null, null, result.note]
          : [
              result.unitName,
              result.year,
              result.status,
              result.counts.错误,
              result.counts.提示,
              result.counts.信息,
              null,
            ]),
      ]),
    );
    const findings = sheets['审核结果'] ?? [];
    expect(findings[0]).toEqual(['单位', '文件', '规则', '严重程度', '说明', '位置']);
    const expected = run.results.flatMap((result) =>
      result.findings.map((finding) => [
        result.unitName,
        result.unit.fileLabel,
        finding.ruleId,
        finding.severity,
        finding.message,
        finding.location === '' ? null : finding.location,
      ]),
    );
    expect(findings.slice(1)).toEqual(expected);
    expect(expected.filter((row) => row[3] === '错误')).toHaveLength(2 + 10 + 1 + 2);
  });

  it('exits with 0 when every unit 通过, and with 2 on usage errors', async () => {
    const folder = tempDir();
    writeCleanWorkbook(path.join(folder, CLEAN));
    // Through bin/disclosure.mjs, as an officer's script would run it.
    const passed = await disclosureCommand('batch', 'check', folder);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('共 1 个单位：通过 1，有错误 0；');

    const usage = [
      ['batch', 'verify', folder],
      ['batch', 'check'],
      ['batch', 'check', folder, '--threads', '0'],
      ['batch', 'check', folder, '--summary', 'summary.csv'],
      ['batch', 'export', folder],
      ['batch', 'export', folder, '-o', folder],
      ['batch', 'export', folder, '-o', tempDir(), '--final', '--watermark', '样稿'],
    ];
    for (const args of usage) expect((await disclosure(...args)).code, args.join(' ')).toBe(2);
    // The same folder through a link is still the folder being processed.
    const link = path.join(tempDir(), '链接');
    fs.symlinkSync(folder, link);
    const throughLink = await disclosure('batch', 'export', folder, '-o', link);
    expect(throughLink.code).toBe(2);
    expect(throughLink.stderr).toContain('输出文件夹不能是待处理的文件夹');
    const missing = await disclosure('batch', 'check', path.join(folder, '没有这个文件夹'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('没有这个文件夹”不存在');
    const empty = await disclosure('batch', 'check', tempDir());
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('没有工作簿（.ysgk）或表格文件（.xlsx）');
  });
});

describe('batch export', () => {
  it('writes one draft PDF per unit, a workbook for each template pair and the summary, and no partial file', async () => {
    const folder = tempDir();
    copyTemplates(folder, '002');
    writeCleanWorkbook(path.join(folder, CLEAN));
    fs.writeFileSync(path.join(folder, BROKEN), 'PK 不是压缩包');
    const out = path.join(tempDir(), '导出');
    const ran = await disclosure('batch', 'export', folder, '-o', out);
    expect(ran.code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(
      ['002.pdf', '002.ysgk', '批量导出汇总.xlsx', '空白单位.pdf'].sort(),
    );

    const pages = layoutPages(path.join(out, '002.pdf'));
    expect(pages.length).toBe(pageSizes(path.join(out, '002.pdf')).length);
    expect(pages.join('').replace(/\s/g, '')).toContain('阳城县医疗保障局');
    const imported = Workbook.open(path.join(out, '002.ysgk'));
    try {
      expect(imported.goalSheets()).toHaveLength(10);
      expect(imported.exports().map((record) => [record.kind, record.file])).toEqual([
        ['draft', path.join(out, '002.pdf')],
      ]);
    } finally {
      imported.close();
    }
    const clean = Workbook.open(path.join(folder, CLEAN));
    expect(clean.exports().map((record) => record.file)).toEqual([path.join(out, '空白单位.pdf')]);
    clean.close();

    const units = (await readSheets(path.join(out, '批量导出汇总.xlsx')))['汇总'] ?? [];
    expect(units[0]).toEqual(['文件', '单位名称', '年度', '状态', '错误', '提示', '信息', 'PDF', '说明']);
    expect(units.slice(1).map((row) => [row[0], row[3], row[7]])).toEqual([
      ['002-tables.xlsx + 002-goals.xlsx', '有错误', `002.pdf（${pages.length} 页）`],
      // In 拼音 order: 空白 (kōng) before 损坏 (sǔn).
      [CLEAN, '通过', `空白单位.pdf（${pageSizes(path.join(out, '空白单位.pdf')).length} 页）`],
      [BROKEN, '导入失败', '未导出'],
    ]);
    expect(String(units[3]?.[8])).toContain(BROKEN);

    expect(partialFiles(out)).toEqual([]);
  });

  it('replaces a workbook already in the output folder only with --force', async () => {
    const folder = tempDir();
    copyTemplates(folder, '002');
    const out = tempDir();
    const earlier = path.join(out, '002.ysgk');
    writeCleanWorkbook(earlier);
    const before = fs.readFileSync(earlier);
    const kept = await disclosure('batch', 'export', folder, '-o', out);
    expect(kept.code).toBe(1);
    expect(kept.stdout).toMatch(
      /〔导入失败〕002-tables\.xlsx \+ 002-goals\.xlsx：工作簿“.*002\.ysgk”已存在；如要覆盖，请加 --force/u,
    );
    expect(fs.readFileSync(earlier).equals(before)).toBe(true);
    expect(fs.readdirSync(out).sort()).toEqual(['002.ysgk', '批量导出汇总.xlsx']);

    const replaced = await disclosure('batch', 'export', folder, '-o', out, '--force');
    expect(replaced.stdout).toContain('002.pdf（');
    const workbook = Workbook.open(earlier);
    expect(workbook.content().profile.name).toBe('阳城县医疗保障局');
    workbook.close();
    expect(partialFiles(out)).toEqual([]);
  });

  it('exports the final version of each 已定稿 unit without 错误 and refuses the others', async () => {
    const folder = tempDir();
    writeSeedWorkbook(path.join(folder, WORKBOOK));
    writeCleanWorkbook(path.join(folder, CLEAN));
    writeCleanWorkbook(path.join(folder, NOT_FINAL));
    for (const name of [WORKBOOK, CLEAN]) {
      const workbook = Workbook.open(path.join(folder, name));
      finalise(workbook);
      workbook.close();
    }
    const out = tempDir();
    const ran = await disclosure('batch', 'export', folder, '-o', out, '--final');
    expect(ran.code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(['批量导出汇总.xlsx', '空白单位.pdf'].sort());
    expect(ran.stdout).toMatch(
      /阳城县医疗保障局\.ysgk\s+阳城县医疗保障局\s+2025\s+有错误\s+2\s+32\s+4\s+未导出/u,
    );
    expect(ran.stdout).toContain('〔有错误〕阳城县医疗保障局.ysgk：审核发现 2 项“错误”，不能导出正式版');
    expect(ran.stdout).toMatch(/〔导出失败〕未定稿单位\.ysgk：工作簿当前为“编制中”，定稿后才能导出正式版/u);
    expect(layoutPages(path.join(out, '空白单位.pdf')).join('')).not.toContain('仅供内部审核');
    const refused = Workbook.open(path.join(folder, WORKBOOK));
    expect(refused.exports()).toEqual([]);
    refused.close();
  });
});
