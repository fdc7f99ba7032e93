/**
 * The content screens' form logic on real data: the goal sheets, 情况说明 inputs and 概况 of the
 * seeds go into the forms' drafts and come back unchanged; typed text is read digit by digit
 * into 分, and what cannot be read is named in Chinese.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importGoalsJson } from '../src-main/services/goal-sheets/import-goals-json';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import type { Workbook } from '../src-main/services/workbook/workbook';
import { EMPTY_NARRATIVE_INPUTS, type NarrativeInputs } from '../shared/narrative/inputs';
import type { Overview } from '../shared/narrative/overview';
import { amountToText, readCount } from '../src-renderer/forms/amount-text';
import { parseAmount } from '../shared/money';
import { inputsDraft, narrativeInputsOf } from '../src-renderer/screens/narrative/inputs-draft';
import { overviewDraft, overviewOf } from '../src-renderer/screens/overview/overview-draft';
import {
  EMPTY_WHOLE_UNIT_SHEET,
  projectDraft,
  projectSheetOf,
  wholeUnitDraft,
  wholeUnitSheetOf,
} from '../src-renderer/screens/goals/sheet-draft';
import { fixturePath } from './support/fixtures';
import { tempDir } from './support/temp-dir';

const opened: Workbook[] = [];
afterEach(() => {
  for (const workbook of opened.splice(0)) workbook.close();
});

function seedWithGoals(seed: '002' | '003' | '004'): Workbook {
  const workbook = importReferenceJson(fixturePath(seed), path.join(tempDir(), `${seed}.ysgk`));
  opened.push(workbook);
  importGoalsJson(workbook, path.join('test/fixtures/seed-data', `${seed}-goals.json`));
  return workbook;
}

describe('amounts as form text', () => {
  it('shows a stored amount exactly, so that reading it back gives the same 分', () => {
    expect(amountToText(223_000_000, 'yuan')).toBe('2230000.00');
    expect(amountToText(-5, 'yuan')).toBe('-0.05');
    expect(amountToText(1_234_500, 'wanYuan')).toBe('1.2345');
    expect(amountToText(1, 'wanYuan')).toBe('0.000001');
    expect(amountToText(null, 'wanYuan')).toBe('');
    for (const fen of [0, 1, 99, 100, 13_926_400, 98_082_012, 100_000_000_000_000, -1_234_567]) {
      for (const unit of ['yuan', 'wanYuan'] as const) {
        const parsed = parseAmount(amountToText(fen, unit), unit);
        expect(parsed).toEqual({ ok: true, fen });
      }
    }
  });

  it('reads counts as whole numbers within their bounds', () => {
    expect(readCount('项目期（年）', ' 99 ', { min: 1, max: 99 })).toEqual({ count: 99, problem: null });
    expect(readCount('项目期（年）', '', { min: 1, max: 99 })).toEqual({ count: null, problem: null });
    expect(readCount('项目期（年）', '100', { min: 1, max: 99 }).problem).toBe(
      '项目期（年）：应在 1 到 99 之间，不能是 100',
    );
    expect(readCount('编制数', '6.5').problem).toBe('编制数：“6.5”不是整数');
  });
});

describe('goal sheet drafts', () => {
  it.each(['002', '003', '004'] as const)('gives back every goal sheet of %s unchanged', (seed) => {
    const workbook = seedWithGoals(seed);
    const sheets = workbook.goalSheets();
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets)
      expect(projectSheetOf(projectDraft(sheet))).toEqual({ value: sheet, problems: [] });
    const wholeUnit = workbook.wholeUnitGoalSheet() ?? EMPTY_WHOLE_UNIT_SHEET;
    expect(wholeUnitSheetOf(wholeUnitDraft(wholeUnit))).toEqual({ value: wholeUnit, problems: [] });
  });

  it('reads typed 元 to 分 and names every field it cannot read', () => {
    const [sheet] = seedWithGoals('002').goalSheets();
    if (!sheet) throw new Error('002 has goal sheets');
    const draft = projectDraft(sheet);
    const typed = {
      ...draft,
      implementationTotal: '2,230,000.5',
      annualFunding: { ...draft.annualFunding, central: '１２.３４' },
    };
    const read = projectSheetOf(typed);
    expect(read.value?.implementationTotal).toBe(223_000_050);
    expect(read.value?.annualFunding.central).toBe(1234);

    const wrong = projectSheetOf({
      ...draft,
      periodText: '0',
      implementationTotal: '12.345',
      procurement: { ...draft.procurement, works: '1e5' },
      sheet: { ...sheet, isPublished: false, unpublishedReason: ' ' },
    });
    expect(wrong.value).toBeNull();
    expect(wrong.problems).toEqual([
      '项目期（年）：应在 1 到 99 之间，不能是 0',
      '实施期资金总额（元）：“12.345”元的精度超过 1 分（最多 2 位小数）',
      '政府采购工程类（元）：“1e5”是科学计数法，请输入普通数字',
      '不公开的绩效目标表需要填写不公开理由',
    ]);
  });
});

describe('情况说明 inputs draft', () => {
  const inputs: NarrativeInputs = {
    ...EMPTY_NARRATIVE_INPUTS,
    previousYear: {
      incomeTotal: 1_392_640_000,
      expenditureTotal: 1_234_567,
      generalBudgetCurrent: null,
      threePublic: { abroad: 0, reception: 290_000, vehiclePurchase: null, vehicleOperation: 5_000_000 },
      operatingCosts: 1,
    },
    reasons: { ...EMPTY_NARRATIVE_INPUTS.reasons, income: '人员增加' },
    procurement: { goods: 12_000_000, works: null, services: 3 },
    assets: {
      ...EMPTY_NARRATIVE_INPUTS.assets,
      asOf: '2024年12月31日',
      vehicleQuota: 2,
      vehicles: { ...EMPTY_NARRATIVE_INPUTS.assets.vehicles, 执法执勤用车: 3 },
      equipmentOver50: 0,
    },
    countCarryoverProjects: true,
  };

  it('gives back the inputs unchanged, amounts in 万元 to the 分', () => {
    const draft = inputsDraft(inputs);
    expect(draft.amounts.incomeTotal).toBe('1392.64');
    expect(draft.amounts.expenditureTotal).toBe('1.234567');
    expect(narrativeInputsOf(draft)).toEqual({ value: inputs, problems: [] });
  });

  it('names the fields it cannot read', () => {
    const draft = inputsDraft(inputs);
    const read = narrativeInputsOf({
      ...draft,
      amounts: { ...draft.amounts, reception: '0.0000001', goods: '1.2.3' },
      vehicles: { ...draft.vehicles, 领导用车: '一' },
    });
    expect(read.problems).toEqual([
      '上年公务接待费（万元）：“0.0000001”万元的精度超过 1 分（最多 6 位小数）',
      '政府采购货物类（万元）：“1.2.3”含有多个小数点',
      '领导用车（辆）：“一”不是整数',
    ]);
  });
});

describe('概况 draft', () => {
  const overview: Overview = {
    duties: ['贯彻执行医疗保障法律法规。', '组织制定医保目录。'],
    dutyMarkerStyle: '1.',
    establishment: [{ kind: '行政编制', count: 6 }],
    headcount: {
      asOf: '2024年12月31日',
      total: 6,
      breakdown: [
        { label: '局长', count: 1 },
        { label: '科员', count: 5 },
      ],
    },
    internalUnits: [{ name: '办公室', level: '股级' }],
    organisationText: '',
  };

  it('gives back the overview unchanged', () => {
    expect(overviewOf(overviewDraft(overview))).toEqual({ value: overview, problems: [] });
  });

  it('drops empty duties and names missing counts', () => {
    const draft = overviewDraft(overview);
    const read = overviewOf({
      ...draft,
      duties: [...draft.duties, '  '],
      establishment: [...draft.establishment, { kind: '事业编制', count: '' }],
      headcount: { ...draft.headcount, asOf: '' },
    });
    expect(read.problems).toEqual(['编制第 2 行（事业编制）：未填写人数', '实有人数：未填写统计日期']);
    const fixed = overviewOf({ ...draft, duties: [...draft.duties, '  '] });
    expect(fixed.value?.duties).toEqual(overview.duties);
  });
});
