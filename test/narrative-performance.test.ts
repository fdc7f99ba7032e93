import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ProjectCategory, emptyGoalSheet } from '../shared/goal-sheets/model';
import { EMPTY_NARRATIVE_INPUTS } from '../shared/narrative/inputs';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import type { Workbook } from '../src-main/services/workbook/workbook';
import { type Seed, fixturePath } from './support/fixtures';
import { tempDir } from './support/temp-dir';

function seedWithGoals(seed: Seed): Workbook {
  const workbook = importReferenceJson(fixturePath(seed), path.join(tempDir(), `${seed}.ysgk`));
  importGoalsJson(workbook, fixturePath(seed).replace('-tables.json', '-goals.json'));
  return workbook;
}

/**
 * 项目类别 is not in the seeds' data; it is set here as each seed's text implies it. A project
 * without a sheet is marked unpublished, with a reason, as R1 requires; it keeps its category.
 */
function categorise(
  workbook: Workbook,
  categoryOf: (projectName: string, unitFunds: number | null) => ProjectCategory,
) {
  const t12 = workbook.table('t12');
  const sheets = new Map(workbook.goalSheets().map((sheet) => [sheet.projectId, sheet]));
  for (const project of workbook.content().projects.filter((candidate) => candidate.kind === 'current')) {
    const unitFunds =
      t12.rows.find((row) => row.key === `project:${project.id}`)?.cells['unitFunds']?.fen ?? null;
    const sheet = sheets.get(project.id) ?? {
      ...emptyGoalSheet(project.id),
      isPublished: false,
      unpublishedReason: '未编制',
    };
    workbook.setGoalSheet({ ...sheet, category: categoryOf(project.name, unitFunds) });
  }
}

function projectsSentence(workbook: Workbook) {
  const section = workbook.narrative().find((candidate) => candidate.no === '十');
  return section?.sentences.find((sentence) => sentence.id === 'performance.projects')?.text ?? '';
}

function figuresOf(text: string): string[] {
  return [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)(个|万元|%)/gu)].map((match) => `${match[1]}${match[2]}`);
}

describe('十、绩效管理情况 from the projects and their goal sheets', () => {
  it('003: reproduces every figure of the published sentence', () => {
    const workbook = seedWithGoals('003');
    categorise(workbook, (name) => (name === '引进高层次人才生活补贴' ? '特定目标类' : '其他运转类'));
    expect(figuresOf(projectsSentence(workbook))).toEqual(
      // 二级项目 24 / 1,772.02; 其他运转类 23 / 1,768.42; 特定目标类 1 / 3.60; all published: 100%.
      [
        '24个',
        '1,772.02万元',
        '23个',
        '1,768.42万元',
        '1个',
        '3.60万元',
        '24个',
        '1,772.02万元',
        '100%',
        '23个',
        '1,768.42万元',
        '1个',
        '3.60万元',
      ],
    );
    workbook.close();
  });

  it('004: has the right sums where the published text has 14,993.60 for 14,993.56', () => {
    const workbook = seedWithGoals('004');
    // In 004 the category coincides with the funding source (goal-sheets-spec §4.10 note): 单位资金 → 其他运转类.
    categorise(workbook, (_name, unitFunds) => (unitFunds ? '其他运转类' : '特定目标类'));
    expect(figuresOf(projectsSentence(workbook))).toEqual([
      '17个',
      '24,411.56万元',
      '5个',
      '9,418.00万元',
      '12个',
      '14,993.56万元',
      // 保健干部体检经费 150.00 has no sheet: 16 published, 99.39% of the money.
      '16个',
      '24,261.56万元',
      '99.39%',
      '5个',
      '9,418.00万元',
      '11个',
      '14,843.56万元',
    ]);
    workbook.close();
  });

  it('002: counts 上年结转 projects once with this year’s, and publishes only the sheets that exist', () => {
    const workbook = seedWithGoals('002');
    workbook.setNarrativeInputs({ ...EMPTY_NARRATIVE_INPUTS, countCarryoverProjects: true });
    const operating = new Set([
      '网络维护费',
      '医保政策宣传经费',
      '一站式救助工作经费',
      '打击欺诈骗保工作经费',
    ]);
    categorise(workbook, (name) => (operating.has(name) ? '其他运转类' : '特定目标类'));
    const figures = figuresOf(projectsSentence(workbook));
    // Published: 12 projects, 644.69 (表十二 622.31 + 表十三 22.38); 其他运转类 4 / 35.10; 特定目标类 8 / 609.59.
    expect(figures.slice(0, 6)).toEqual(['12个', '644.69万元', '4个', '35.10万元', '8个', '609.59万元']);
    // The published text says 12 published for 644.59; 中央/省级财政医疗救助补助资金 (88.72 + 16.31) have no sheet.
    expect(figures[6]).toBe('10个');
    expect(figures[7]).toBe('539.66万元'); // 644.69 − 88.72 − 16.31
    workbook.close();
  });
});

describe('九、政府采购情况', () => {
  it('adds up the projects’ 采购 and what is not tied to a project', () => {
    const workbook = seedWithGoals('003');
    const [first, second] = workbook.goalSheets();
    if (!first || !second) throw new Error('no sheets');
    workbook.setGoalSheet({ ...first, procurement: { goods: 1_000_000, works: null, services: 500_000 } });
    workbook.setGoalSheet({ ...second, procurement: { goods: 2_000_000, works: 3_000_000, services: null } });
    workbook.setNarrativeInputs({
      ...EMPTY_NARRATIVE_INPUTS,
      procurement: { goods: 10_000, works: null, services: null },
    });
    const section = workbook.narrative().find((candidate) => candidate.no === '九');
    expect(section?.sentences[0]?.text).toBe(
      '2024年晋城市财政局政府采购预算总额6.51万元。其中：政府采购货物预算3.01万元、政府采购工程预算3.00万元、政府采购服务预算0.50万元。',
    );
    workbook.close();
  });
});
