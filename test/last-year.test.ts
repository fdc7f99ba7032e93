import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EMPTY_NARRATIVE_INPUTS } from '../shared/narrative/inputs';
import type { TableKey } from '../shared/tables/types';
import { readLastYearDocument } from '../src-main/services/last-year/last-year-document';
import {
  importLastYear,
  planLastYearImport,
  previousYearStatusOf,
  yearOverYearOf,
} from '../src-main/services/last-year/last-year';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import { Workbook } from '../src-main/services/workbook/workbook';
import { fixturePath, readFixture } from './support/fixtures';
import { disclosure } from './support/cli';
import { errorOf, rejectionOf } from './support/errors';
import { wan } from './support/money';
import { tempDir } from './support/temp-dir';
import { oldVersionFile, sentence } from './support/workbooks';

const TEMPLATES = new URL('./fixtures/templates/', import.meta.url);
const template = (name: string) => new URL(name, TEMPLATES).pathname;

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The 002 tables as another year's: same unit, the year changed (and amounts scaled, if asked). */
function seed002AsYear(year: number, scale = 1): string {
  const json = readFixture('002');
  json['year'] = year;
  const scaled = JSON.parse(JSON.stringify(json), (key, value: unknown) =>
    scale !== 1 && typeof value === 'string' && /^\d+\.\d{2}$/.test(value) && key !== 'code'
      ? (Number(value) * scale).toFixed(2)
      : value,
  ) as unknown;
  const file = path.join(tempDir(), `002-${year}${scale === 1 ? '' : `-x${scale}`}.json`);
  fs.writeFileSync(file, JSON.stringify(scaled));
  return file;
}

/**
 * Last year's workbook of 阳城县医疗保障局 (2024), made from the 2025 seed by edits a user would
 * make: 表二 社会保险经办机构 100.00 万元 lower, 表五 its 基本支出 50.00 lower (the published
 * totals over them cleared to their sums), 公务接待费 0.50, 机关运行经费 61.88.
 */
function lastYearWorkbook(): string {
  const file = path.join(tempDir(), '阳城县医疗保障局2024.ysgk');
  const workbook = importReferenceJson(fixturePath('002'), file);
  workbook.updateProfile({ year: 2024 });
  const set = (table: TableKey, row: string, column: string, text: string) =>
    workbook.setCell({ table, row, column, text, unit: 'wanYuan' });
  workbook.clearOverride({ table: 't2', row: 'total', column: 'gpb' });
  workbook.clearOverride({ table: 't5', row: 'total', column: 'total' });
  set('t2', '2080109', 'gpb', '390.56');
  set('t5', '2080109', 'basic', '414.46');
  set('t10', 'reception', 'gpb', '0.50');
  set('t11', 'unit:1', 'gpb', '61.88');
  workbook.close();
  return file;
}

describe('last year’s workbook', () => {
  it('fills the 情况说明’s previous-year figures, so that its sentences state the changes', async () => {
    const lastYear = lastYearWorkbook();
    const before = sha256(lastYear);
    const workbook = importReferenceJson(fixturePath('002'), path.join(tempDir(), '2025.ysgk'));
    expect(sentence(workbook, 'changes')).toContain('上年结转22.38万元，上年无此项预算');
    expect(sentence(workbook, 'generalBudget.scale')).toContain('1,392.64万元，上年无此项预算');

    importLastYear(workbook, await readLastYearDocument(lastYear), {
      importedAt: new Date('2025-02-01T08:00:00Z'),
    });
    expect(workbook.narrativeInputs().previousYear).toEqual({
      incomeTotal: wan('1315.01'),
      expenditureTotal: wan('1315.01'),
      generalBudgetCurrent: wan('1342.63'),
      threePublic: { abroad: 0, reception: wan('0.50'), vehiclePurchase: 0, vehicleOperation: 0 },
      operatingCosts: wan('61.88'),
    });
    // 收入 1,415.02 − 1,315.01 = 100.01 (7.61%); 支出 1,415.01 − 1,315.01 = 100.00 (7.60%).
    expect(sentence(workbook, 'changes')).toContain('上年结转22.38万元，比上年增加100.01万元，增长7.61%；');
    expect(sentence(workbook, 'changes')).toContain('上年结转22.38万元，比上年增加100.00万元，增长7.60%。');
    // 1,392.64 − 1,342.63 = 50.01, 3.72% of last year.
    expect(sentence(workbook, 'generalBudget.scale')).toBe(
      '2025年度阳城县医疗保障局一般公共预算当年支出1,392.64万元，比上年增加50.01万元，增长3.72%。',
    );
    expect(sentence(workbook, 'threePublic')).toContain('“三公”经费预算0.29万元，比2024年减少0.21万元。');
    expect(sentence(workbook, 'threePublic')).toContain('公务接待费0.29万元，与上年相比预算数减少0.21万元；');
    // 57.68 − 61.88 = −4.20, 6.79% of 61.88.
    expect(sentence(workbook, 'operatingCosts')).toBe(
      '本单位2025年机关运行经费财政拨款预算57.68万元，比2024年预算减少4.20万元，下降6.79%。',
    );

    const status = previousYearStatusOf(workbook);
    expect(status.source).toEqual({
      fileName: '阳城县医疗保障局2024.ysgk',
      filePath: lastYear,
      kind: 'workbook',
      unitName: '阳城县医疗保障局',
      scope: '单位',
      year: 2024,
      importedAt: '2025-02-01T08:00:00.000Z',
    });
    expect(status.figures.every((figure) => figure.origin === 'file')).toBe(true);
    // A figure changed by hand afterwards is told apart from those of the file.
    const inputs = workbook.narrativeInputs();
    workbook.setNarrativeInputs({
      ...inputs,
      previousYear: { ...inputs.previousYear, operatingCosts: wan('60.00') },
    });
    const typed = previousYearStatusOf(workbook).figures.find((figure) => figure.key === 'operatingCosts');
    expect(typed).toMatchObject({ origin: 'typed', value: wan('60.00'), fileValue: wan('61.88') });

    // The import is one undo step; last year's file is read, never written.
    expect(workbook.undo()).toBe('修改情况说明的填报内容');
    expect(workbook.undo()).toBe('导入上年数据 阳城县医疗保障局2024.ysgk');
    expect(workbook.previousYear()).toBeNull();
    expect(workbook.narrativeInputs()).toEqual(EMPTY_NARRATIVE_INPUTS);
    expect(sentence(workbook, 'changes')).toContain('上年无此项预算');
    expect(sha256(lastYear)).toBe(before);
    workbook.close();
  });

  it('compares every table row with last year’s row of the same name', async () => {
    const lastYear = lastYearWorkbook();
    const edit = Workbook.open(lastYear);
    edit.addSubjectRow({ table: 't2', code: '2080199', name: '其他人力资源和社会保障管理事务支出' });
    edit.setCell({ table: 't2', row: '2080199', column: 'gpb', text: '3.00', unit: 'wanYuan' });
    const project = edit.content().projects.find((candidate) => candidate.name === '城乡医疗救助');
    if (!project) throw new Error('002 has 城乡医疗救助');
    edit.setCell({
      table: 't12',
      row: `project:${project.id}`,
      column: 'gpb',
      text: '200.00',
      unit: 'wanYuan',
    });
    edit.close();
    const workbook = importReferenceJson(fixturePath('002'), path.join(tempDir(), '2025.ysgk'));
    expect(yearOverYearOf(workbook).tables).toEqual([]);
    expect(yearOverYearOf(workbook).figures.map((figure) => figure.origin)).toEqual(Array(8).fill('none'));
    importLastYear(workbook, await readLastYearDocument(lastYear));
    const report = yearOverYearOf(workbook);
    expect(report.year).toBe(2025);
    expect(report.figures.find((figure) => figure.key === 'incomeTotal')).toEqual({
      key: 'incomeTotal',
      label: '预算收入总计',
      origin: 'file',
      lastYear: wan('1318.01'),
      thisYear: wan('1415.02'),
      change: wan('97.01'),
      percent: '7.36',
    });
    const t2 = report.tables.find((table) => table.table === 't2');
    const line = (key: string) => t2?.lines.find((candidate) => candidate.key === key);
    expect(line('2080109')).toMatchObject({
      label: '2080109 社会保险经办机构',
      presence: 'both',
      lastYear: wan('390.56'),
      thisYear: wan('490.56'),
      change: wan('100.00'),
      percent: '25.60',
    });
    // Only last year had 2080199: it stays under its 款, after the row it followed then.
    const keys = t2?.lines.map((candidate) => candidate.key) ?? [];
    expect(keys.indexOf('2080199')).toBe(keys.indexOf('2080109') + 1);
    expect(line('2080199')).toMatchObject({
      presence: 'lastYearOnly',
      lastYear: wan('3.00'),
      thisYear: null,
      change: wan('-3.00'),
      percent: '-100.00',
    });
    const t12 = report.tables.find((table) => table.table === 't12');
    expect(t12?.column).toBe('合计');
    expect(t12?.lines.find((candidate) => candidate.key === '/城乡医疗救助')).toMatchObject({
      presence: 'both',
      lastYear: wan('200.00'),
      thisYear: wan('223.00'),
      change: wan('23.00'),
      percent: '11.50',
    });
    // Plain data: what the app receives over IPC is what the service returns.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    workbook.close();
  });

  it('reads last year’s tables template and reference JSON to the figures the seed publishes', async () => {
    const seed = readFixture('002').tables as Record<string, Record<string, Record<string, unknown>>>;
    const published = (value: unknown) => wan(String(value));
    for (const source of [template('002-tables.xlsx'), fixturePath('002')]) {
      const workbook = importReferenceJson(seed002AsYear(2026), path.join(tempDir(), '2026.ysgk'));
      const plan = importLastYear(workbook, await readLastYearDocument(source));
      expect(plan.source).toMatchObject({
        kind: source.endsWith('.xlsx') ? 'tablesXlsx' : 'tablesJson',
        unitName: '阳城县医疗保障局',
        year: 2025,
      });
      expect(plan.confirmation).toBeNull();
      const figures = workbook.narrativeInputs().previousYear;
      const summary = seed['t1']?.['summary'] as Record<string, Record<string, unknown>>;
      expect(figures.incomeTotal).toBe(published(summary['incomeGrandTotal']?.['amount']));
      expect(figures.generalBudgetCurrent).toBe(published(seed['t5']?.['totalRow']?.['total']));
      expect(figures.operatingCosts).toBe(published(seed['t11']?.['totalRow']?.['total']));
      expect(figures.threePublic.reception).toBe(wan('0.29'));
      workbook.close();
    }
  });

  it('reads a workbook of an older version without changing it', async () => {
    const dir = tempDir();
    const file = path.join(dir, '旧版2024.ysgk');
    oldVersionFile(file, 1, '某县医疗保障局').close();
    const workbook = Workbook.create(path.join(dir, '2025.ysgk'), {
      name: '某县医疗保障局',
      code: null,
      year: 2025,
      scope: '单位',
      unitType: '行政',
      supervisingDepartment: null,
    });
    importLastYear(workbook, await readLastYearDocument(file));
    expect(workbook.narrativeInputs().previousYear.threePublic.reception).toBe(wan('0.29'));
    workbook.close();
    const old = new Database(file, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['2025.ysgk', '旧版2024.ysgk']);
  });

  it('refuses a file of another year, and asks before taking another unit’s', async () => {
    const workbook = importReferenceJson(seed002AsYear(2026), path.join(tempDir(), '2026.ysgk'));
    const sameYear = await rejectionOf(async () =>
      importLastYear(workbook, await readLastYearDocument(seed002AsYear(2026))),
    );
    expect(sameYear.code).toBe('WRONG_YEAR');
    expect(sameYear.message).toMatch(
      /^“002-2026\.json”是 2026 年的预算公开（阳城县医疗保障局），本工作簿是 2026 年，上年数据应取自 2025 年的文件。未导入。$/u,
    );

    const other = await readLastYearDocument(template('004-tables.xlsx'));
    const plan = planLastYearImport(workbook, other);
    expect(plan.confirmation).toBe(
      '“004-tables.xlsx”是“山西省肿瘤医院（山西省肿瘤研究所）”的单位预算公开，本工作簿是“阳城县医疗保障局”的单位预算公开。' +
        '如确为同一单位（例如机构更名或改制），请确认后再导入。',
    );
    const unconfirmed = errorOf(() => importLastYear(workbook, other));
    expect(unconfirmed.code).toBe('NEEDS_CONFIRMATION');
    expect(workbook.previousYear()).toBeNull();
    expect(workbook.narrativeInputs()).toEqual(EMPTY_NARRATIVE_INPUTS);
    importLastYear(workbook, other, { confirmOtherUnit: true });
    expect(workbook.previousYear()?.source.unitName).toBe('山西省肿瘤医院（山西省肿瘤研究所）');
    // 004 has no 机关运行经费: last year's figure is zero, which the sentence says as none.
    expect(workbook.narrativeInputs().previousYear.operatingCosts).toBe(0);

    const unsupported = path.join(tempDir(), '上年.txt');
    fs.writeFileSync(unsupported, '');
    expect((await rejectionOf(() => readLastYearDocument(unsupported))).message).toContain(
      '不支持的文件类型：“上年.txt”',
    );
    workbook.close();
  });

  it('warns when last year’s totals are a hundred times off (元 read as 万元)', async () => {
    const workbook = importReferenceJson(seed002AsYear(2026), path.join(tempDir(), '2026.ysgk'));
    const plan = planLastYearImport(workbook, await readLastYearDocument(seed002AsYear(2025, 10_000)));
    expect(plan.warnings).toEqual([
      '上年预算收入总计 14150200.00 万元与本年 1415.02 万元相差百倍以上，请核对上年文件的金额单位是否为万元。',
    ]);
    workbook.close();
  });

  /** Last year's 002 tables with 表五's 单位：万元 line rewritten. */
  async function withUnitLine(line: string, name: string): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template('002-tables.xlsx'));
    const sheet = workbook.getWorksheet('表五');
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.text === '单位：万元') cell.value = line;
      }),
    );
    const file = path.join(tempDir(), name);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it('refuses last year’s tables in 元, however the unit line is worded', async () => {
    for (const line of ['单位：元', '金额单位：元']) {
      const error = await rejectionOf(async () =>
        readLastYearDocument(await withUnitLine(line, '上年表格（元）.xlsx')),
      );
      expect(error.details.problems).toEqual([
        '上年表格（元）.xlsx 表五：金额单位为“元”，表格应以万元填列；请换算为万元后再导入',
      ]);
    }
  });

  it('reads a 万元 line with a note, and a 单位 line that names no money unit', async () => {
    for (const line of ['单位：万元（保留两位小数）', '单位：阳城县医疗保障局']) {
      const document = await readLastYearDocument(await withUnitLine(line, '上年表格.xlsx'));
      expect(document.content.profile.name).toBe('阳城县医疗保障局');
    }
  });

  it('refuses last year’s workbook while it is open elsewhere', async () => {
    const lastYear = lastYearWorkbook();
    const open = Workbook.open(lastYear);
    const error = await rejectionOf(() => readLastYearDocument(lastYear));
    expect(error.code).toBe('WORKBOOK_LOCKED');
    expect(error.message).toContain('“阳城县医疗保障局2024.ysgk”已被打开');
    open.close();
    await expect(readLastYearDocument(lastYear)).resolves.toMatchObject({ kind: 'workbook' });
  });
});

describe('disclosure last-year', () => {
  it('previews, imports and shows the year-over-year changes', async () => {
    const dir = tempDir();
    const file = path.join(dir, '2025.ysgk');
    expect((await disclosure('import', fixturePath('002'), '-o', file)).code).toBe(0);
    const lastYear = lastYearWorkbook();

    const preview = await disclosure('last-year', file, '--from', lastYear, '--preview');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('机关运行经费（情况说明八）：空 → 61.88 万元');
    expect((await disclosure('last-year', file)).stdout).toContain('尚未导入上年数据');

    const imported = await disclosure('last-year', file, '--from', lastYear);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      '已从 阳城县医疗保障局2024.ysgk（阳城县医疗保障局，2024 年）导入上年数据到 2025.ysgk',
    );
    const shown = await disclosure('last-year', file);
    expect(shown.stdout).toContain(
      '预算收入总计：上年 1,315.01 万元，本年 1,415.02 万元，增减 +100.01（+7.61%）（来自上年文件）',
    );
    expect(shown.stdout).toContain('表十一 部门合计：61.88 万元 → 57.68 万元，-4.20（-6.79%）');
    const narrative = await disclosure('narrative', file);
    expect(narrative.stdout).toContain('比2024年预算减少4.20万元，下降6.79%');

    // 003 is 2024's, but 晋城市财政局's 部门 disclosure.
    const other = await disclosure('last-year', file, '--from', fixturePath('003'));
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(
      '错误：“003-tables.json”是“晋城市财政局”的部门预算公开，本工作簿是“阳城县医疗保障局”的单位预算公开。' +
        '如确为同一单位（例如机构更名或改制），请确认后再导入。（命令行：加 --confirm-other-unit）\n',
    );
  });
});
