import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../shared/review/diff';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { exportDiffXlsx } from '../src-main/services/review/diff-export';
import type { Workbook } from '../src-main/services/workbook/workbook';
import { importSeed } from './support/pdf';
import { tempDir } from './support/temp-dir';

const GOALS_002 = new URL('./fixtures/seed-data/002-goals.json', import.meta.url).pathname;

/** Seed 002 with its goal sheets, frozen as 第 1 版 and back in 编制中 for edits. */
function seedUnderRevision(): Workbook {
  const workbook = importSeed('002');
  importGoalsJson(workbook, GOALS_002);
  workbook.review.submit({ by: '张三', note: '初稿' });
  workbook.review.reopen({ by: '李四', reason: '请修改' });
  return workbook;
}

function printed(workbook: Workbook, table: 't2' | 't10', row: string, column: string): number | null {
  return workbook.table(table).rows.find((candidate) => candidate.key === row)?.cells[column]?.fen ?? null;
}

describe('the difference between two versions of seed 002', () => {
  it('is exactly the edits made: two cells, a goal-sheet field and a sentence, named as printed', () => {
    const workbook = seedUnderRevision();
    try {
      expect(printed(workbook, 't2', '2080109', 'gpb')).toBe(490_560_000);
      workbook.setCell({ table: 't2', row: '2080109', column: 'gpb', text: '490.58', unit: 'wanYuan' });
      // An exact amount in 元: the difference shows it to the 元, not rounded to 0.01 万元.
      workbook.setCell({ table: 't10', row: 'reception', column: 'gpb', text: '2901.23', unit: 'yuan' });
      const [sheet] = workbook.goalSheets();
      if (!sheet) throw new Error('seed 002 has goal sheets');
      const projectName = workbook.content().projects.find((project) => project.id === sheet.projectId)?.name;
      workbook.setGoalSheet({ ...sheet, texts: { ...sheet.texts, overview: '保障城乡困难群众基本医疗。' } });
      const sentence = workbook.narrative()[2]?.sentences[0];
      workbook.editSentence('expenditure', '本年支出预算的改写说明。');
      workbook.review.submit({ by: '张三', note: '修改稿' });

      const diff = workbook.review.diff(1, 2);
      expect(diff.fromLabel).toBe('第 1 版');
      expect(diff.toLabel).toBe('第 2 版');
      expect(diff.cells.map((change) => [change.place, change.before, change.after])).toEqual([
        ['表二 第4行（2080109 社会保险经办机构）“一般公共预算”列', '490.56', '490.58'],
        ['表十 第2行（公务接待费）“一般公共预算”列', '0.29', '0.290123'],
      ]);
      expect(diff.cells[1]).toMatchObject({ beforeFen: 290_000, afterFen: 290_123, afterOrigin: 'input' });
      expect(diff.goalSheets).toEqual([
        {
          area: `项目“${projectName}”的绩效目标表`,
          item: '项目概况',
          before: sheet.texts.overview,
          after: '保障城乡困难群众基本医疗。',
        },
      ]);
      expect(diff.sentences).toEqual([
        {
          sectionNo: '三',
          sectionTitle: '支出预算情况说明',
          sentenceId: 'expenditure',
          before: sentence?.text,
          after: '本年支出预算的改写说明。',
        },
      ]);
      expect(diff.structure).toEqual([]);
      expect(diff.document).toEqual([]);

      // Backwards, the same changes the other way round.
      const back = workbook.review.diff(2, 1);
      expect(back.cells.map((change) => [change.before, change.after])).toEqual([
        ['490.58', '490.56'],
        ['0.290123', '0.29'],
      ]);
      expect(back.sentences[0]?.after).toBe(sentence?.text);
      expect(workbook.review.diff(2, 'current')).toMatchObject({ cells: [], goalSheets: [], sentences: [] });
    } finally {
      workbook.close();
    }
  });

  it('names rows, units and projects added and document fields changed', () => {
    const workbook = seedUnderRevision();
    try {
      const unitId = workbook.content().units[0]?.id ?? 0;
      workbook.addProject({ unitId, kind: 'current', name: '新增的医保信息化项目' });
      workbook.addSubjectRow({ table: 't2', code: '2010101' });
      workbook.updateProfile({ supervisingDepartment: '阳城县人民政府' });
      const inputs = workbook.narrativeInputs();
      workbook.setNarrativeInputs({
        ...inputs,
        reasons: { ...inputs.reasons, income: '增加了医疗救助资金' },
      });
      const diff = workbook.review.diff(1, 'current');
      expect(diff.toLabel).toBe('当前内容');
      expect(diff.structure.map((change) => [change.area, change.item, change.before, change.after])).toEqual(
        [
          [
            '项目',
            '新增的医保信息化项目',
            '（无）',
            `名称：新增的医保信息化项目；类型：本年项目（表十二）；实施单位：${workbook.content().units[0]?.name}；排序：15`,
          ],
          ['科目名称', '201 一般公共服务支出', '（无）', '名称：一般公共服务支出；自行添加：否'],
          ['科目名称', '20101 人大事务', '（无）', '名称：人大事务；自行添加：否'],
          ['科目名称', '2010101 行政运行', '（无）', '名称：行政运行；自行添加：否'],
          ['表格行', '表二 第2行（201 一般公共服务支出）', '（未列出）', '列出'],
          ['表格行', '表二 第3行（20101 人大事务）', '（未列出）', '列出'],
          ['表格行', '表二 第4行（2010101 行政运行）', '（未列出）', '列出'],
        ],
      );
      expect(diff.document).toEqual([
        { area: '单位信息', item: '主管部门', before: '', after: '阳城县人民政府' },
        { area: '情况说明填报内容', item: '收入增减原因', before: '', after: '增加了医疗救助资金' },
      ]);
      expect(diff.cells).toEqual([]);
    } finally {
      workbook.close();
    }
  });

  it('exports to .xlsx, one line a change, as the lines the app and the command line show', async () => {
    const workbook = seedUnderRevision();
    try {
      workbook.setCell({ table: 't2', row: '2080109', column: 'gpb', text: '', unit: 'wanYuan' });
      workbook.editSentence('income', '收入说明改写。');
      const diff = workbook.review.diff(1, 'current');
      const file = path.join(tempDir(), '差异.xlsx');
      fs.writeFileSync(file, await exportDiffXlsx(diff));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const sheet = book.getWorksheet('版本差异');
      const rows: string[][] = [];
      sheet?.eachRow((row) =>
        rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))),
      );
      expect(rows[0]?.[0]).toBe('第 1 版 → 当前内容');
      expect(rows[1]).toEqual(['类别', '位置', '项目', '原内容', '新内容']);
      const lines = diffLines(diff).map((line) => [
        line.category,
        line.place,
        line.item,
        line.before,
        line.after,
      ]);
      expect(lines.map((line) => line.slice(0, 3))).toEqual([
        ['表格金额（万元）', '表二 第4行（2080109 社会保险经办机构）“一般公共预算”列', ''],
        ['情况说明', '二、收入预算情况说明', 'income'],
      ]);
      expect(rows.slice(2)).toEqual(lines);
    } finally {
      workbook.close();
    }
  });
});
