import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyGoalSheet } from '../shared/goal-sheets/model';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import { errorOf } from './support/errors';
import { SEEDS, type Seed, fixturePath } from './support/fixtures';
import { tempDir } from './support/temp-dir';

function seedWithGoals(seed: Seed) {
  const workbook = importReferenceJson(fixturePath(seed), path.join(tempDir(), `${seed}.ysgk`));
  const report = importGoalsJson(workbook, fixturePath(seed).replace('-tables.json', '-goals.json'));
  return { workbook, report };
}

function goalFindings(workbook: ReturnType<typeof seedWithGoals>['workbook']) {
  return workbook.findings().filter((finding) => /^R\d+$/.test(finding.ruleId));
}

/** From goal-sheets-spec.md §0, §8.1 and §8.2, not from our output. */
const EXPECTED: Record<
  Seed,
  {
    sheets: number;
    withoutSheet: string[];
    r6: number;
    r7: string[];
    r8NoBenefit: string[];
    r8NoSatisfaction: number;
  }
> = {
  '002': {
    sheets: 10,
    withoutSheet: ['中央财政医疗救助补助资金', '省级财政医疗救助补助资金'],
    r6: 0,
    r7: [],
    r8NoBenefit: [],
    r8NoSatisfaction: 0,
  },
  // 003 #2 and #3 print no 效益 indicator, #22 lost its grid; #3, #8, #18, #21, #23 have no 满意度;
  // #21 and #22 carry the unknown attribute 经营性项目（长期开展）.
  '003': {
    sheets: 24,
    withoutSheet: [],
    r6: 2,
    // #11: 成本指标 ≤68.7 万元 against 35 万元 of year money (the 2-year total copied into 年度).
    r7: ['资产盘点APP及条码打印服务'],
    r8NoBenefit: ['办公设备购置费', '财政局餐厅改造工程', '信息网络运维费'],
    r8NoSatisfaction: 5,
  },
  '004': {
    sheets: 16,
    withoutSheet: ['保健干部体检经费'],
    r6: 0,
    r7: [],
    r8NoBenefit: [],
    r8NoSatisfaction: 0,
  },
};

describe.each(SEEDS)('the goal sheets of seed %s', (seed) => {
  it('attach to their 表十二 projects and are checked by the rules of §8', () => {
    const { workbook, report } = seedWithGoals(seed);
    const expected = EXPECTED[seed];
    expect(report).toEqual({ imported: expected.sheets, unmatchedSheets: [] });
    const findings = goalFindings(workbook);
    const projectOf = (message: string) => /项目“([^”]+)”/.exec(message)?.[1] ?? '';
    expect(
      findings.filter((finding) => finding.ruleId === 'R1').map((finding) => projectOf(finding.message)),
    ).toEqual(expected.withoutSheet);
    expect(findings.filter((finding) => ['R3', 'R4', 'R5'].includes(finding.ruleId))).toEqual([]);
    expect(findings.filter((finding) => finding.ruleId === 'R6')).toHaveLength(expected.r6);
    expect(
      findings.filter((finding) => finding.ruleId === 'R7').map((finding) => projectOf(finding.message)),
    ).toEqual(expected.r7);
    const noBenefit = findings.filter(
      (finding) => finding.ruleId === 'R8' && finding.message.includes('没有效益指标'),
    );
    expect([...new Set(noBenefit.map((finding) => projectOf(finding.message)))]).toEqual(
      expected.r8NoBenefit,
    );
    const noSatisfaction = findings.filter((finding) => finding.message.includes('年度指标没有满意度指标'));
    expect(noSatisfaction).toHaveLength(expected.r8NoSatisfaction);
    workbook.close();
  });
});

describe('goal sheets in the workbook', () => {
  it('hold 441 实施期 and 441 年度 indicators over the three seeds, and the 002 整体 sheet', () => {
    let implementation = 0;
    let annual = 0;
    for (const seed of SEEDS) {
      const { workbook } = seedWithGoals(seed);
      for (const sheet of workbook.goalSheets()) {
        implementation += sheet.indicators.implementation.length;
        annual += sheet.indicators.annual.length;
      }
      if (seed === '002') {
        expect(workbook.wholeUnitGoalSheet()).toMatchObject({
          authorizedStaff: 63,
          staffOnEstablishment: 56,
        });
        expect(workbook.wholeUnitGoalSheet()?.indicators).toHaveLength(12);
      }
      workbook.close();
    }
    expect({ implementation, annual }).toEqual({ implementation: 441, annual: 441 });
  });

  it('checks funding against 表十二, refuses an unpublished sheet without a reason, and goes with its project', () => {
    const { workbook } = seedWithGoals('002');
    const [sheet] = workbook.goalSheets();
    if (!sheet) throw new Error('no sheet');
    workbook.setGoalSheet({
      ...sheet,
      annualFunding: {
        ...sheet.annualFunding,
        cityCounty: (sheet.annualFunding.cityCounty ?? 0) + 1_000_000,
      },
    });
    const r3 = goalFindings(workbook).filter((finding) => finding.ruleId === 'R3');
    expect(r3).toHaveLength(1);
    expect(r3[0]?.message).toContain('与表十二财政拨款不符');
    expect(workbook.undo()).toContain('修改绩效目标表');
    expect(goalFindings(workbook).filter((finding) => finding.ruleId === 'R3')).toEqual([]);

    expect(errorOf(() => workbook.setGoalSheet({ ...sheet, isPublished: false })).message).toContain(
      '需要说明理由',
    );
    const missing = workbook
      .content()
      .projects.find((project) => project.name === '中央财政医疗救助补助资金');
    if (!missing) throw new Error('no project');
    workbook.setGoalSheet({ ...emptyGoalSheet(missing.id), isPublished: false, unpublishedReason: '涉密' });
    expect(goalFindings(workbook).filter((finding) => finding.ruleId === 'R1')).toHaveLength(1);
    workbook.removeProject(sheet.projectId);
    expect(workbook.goalSheets().some((candidate) => candidate.projectId === sheet.projectId)).toBe(false);
    workbook.close();
  });
});

describe('the 整体支出绩效目标表 budget block', () => {
  it('is read from the tables as 002 prints it (本年, without 上年结转)', async () => {
    const { wholeUnitBudget } = await import('../shared/goal-sheets/whole-unit-budget');
    const { formatWanYuan } = await import('../shared/money');
    const { workbook } = seedWithGoals('002');
    const budget = wholeUnitBudget(workbook.evaluate());
    workbook.close();
    const printed = (record: Record<string, number>) =>
      Object.fromEntries(Object.entries(record).map(([key, fen]) => [key, formatWanYuan(fen)]));
    // goal-sheets-spec §7.2: 1392.64 / 1392.64 / 0.00 ×5; 基本 770.32, 项目 622.31.
    expect(printed(budget.bySource)).toEqual({
      total: '1392.64',
      generalPublic: '1392.64',
      govFund: '0.00',
      stateCapital: '0.00',
      socialInsurance: '0.00',
      specialAccount: '0.00',
      unitFunds: '0.00',
    });
    // The sheet prints 合计 1392.64 over 770.32 + 622.31 = 1392.63: ours adds up (tables-spec §6.1 #2).
    expect(printed(budget.byDirection)).toEqual({ total: '1392.63', basic: '770.32', project: '622.31' });
  });
});
