/**
 * A 部门's 情况说明 inputs from its units' workbooks: last year's figures, 政府采购 and the
 * assets summed exactly, the 部门's own texts kept, in the one undoable edit of consolidation.
 */
import { describe, expect, it } from 'vitest';
import { NARRATIVE_INPUT_CONSOLIDATION } from '../shared/consolidation/narrative-input-rules';
import { sumDecimals } from '../shared/consolidation/narrative-inputs';
import { EMPTY_NARRATIVE_INPUTS, type NarrativeInputs } from '../shared/narrative/inputs';
import { consolidateUnits, previewConsolidation } from '../src-main/services/consolidation/consolidate-units';
import { Workbook } from '../src-main/services/workbook/workbook';
import { disclosure } from './support/cli';
import { type Units, read, unitsAndDepartment } from './support/consolidation-units';
import { wan } from './support/money';
import { sentence } from './support/workbooks';

const HOSPITAL = '山西省肿瘤医院（山西省肿瘤研究所）';

type Changes = {
  readonly previousYear?: Partial<Omit<NarrativeInputs['previousYear'], 'threePublic'>> & {
    readonly threePublic?: Partial<NarrativeInputs['previousYear']['threePublic']>;
  };
  readonly reasons?: Partial<NarrativeInputs['reasons']>;
  readonly procurement?: Partial<NarrativeInputs['procurement']>;
  readonly assets?: Partial<Omit<NarrativeInputs['assets'], 'vehicles'>> & {
    readonly vehicles?: Partial<NarrativeInputs['assets']['vehicles']>;
  };
};

/** The empty inputs with these fields set. */
function inputs(changes: Changes): NarrativeInputs {
  const empty = EMPTY_NARRATIVE_INPUTS;
  return {
    ...empty,
    previousYear: {
      ...empty.previousYear,
      ...changes.previousYear,
      threePublic: { ...empty.previousYear.threePublic, ...changes.previousYear?.threePublic },
    },
    reasons: { ...empty.reasons, ...changes.reasons },
    procurement: { ...empty.procurement, ...changes.procurement },
    assets: {
      ...empty.assets,
      ...changes.assets,
      vehicles: { ...empty.assets.vehicles, ...changes.assets?.vehicles },
    },
  };
}

function setInputs(file: string, changes: Changes): void {
  read(file, (workbook) => workbook.setNarrativeInputs(inputs(changes)));
}

/**
 * The bureau and the centre entered their figures (to the 分, in 万元 with six decimals); the
 * hospital entered none; the 部门 has its own reason, last year's 收入总计 and a 编制数.
 */
function unitsWithInputs(): Units {
  const files = unitsAndDepartment();
  setInputs(files.bureau, {
    previousYear: {
      threePublic: { reception: wan('0.250001'), vehicleOperation: wan('1.20') },
      operatingCosts: wan('50.000003'),
    },
    reasons: { threePublic: '局本级的原因' },
    procurement: { goods: wan('10.000005') },
    assets: {
      asOf: '2024年12月31日',
      vehicleQuota: 3,
      vehicles: { 领导用车: 1, 执法执勤用车: 2 },
      officeArea: '1200.5',
      equipmentOver50: 2,
    },
  });
  setInputs(files.centre, {
    previousYear: { threePublic: { reception: wan('0.300009') }, operatingCosts: wan('7.5') },
    procurement: { goods: wan('0.000002') },
    assets: {
      asOf: '2024年12月31日',
      vehicles: { 事业单位业务用车: 1 },
      officeArea: '300.25',
      equipmentOver50: 1,
    },
  });
  setInputs(files.department, {
    previousYear: { incomeTotal: wan('2000') },
    reasons: { threePublic: '部门的原因' },
    assets: { vehicleQuota: 99 },
  });
  return files;
}

/** Every leaf of the inputs, as a path. */
function leafPaths(node: unknown, path: readonly string[] = []): string[] {
  if (typeof node !== 'object' || node === null) return [path.join('.')];
  return Object.entries(node).flatMap(([key, value]) => leafPaths(value, [...path, key]));
}

describe('the 部门’s 情况说明 inputs from its units', () => {
  it('declares how the 部门 takes every field of the inputs, once', () => {
    const declared = NARRATIVE_INPUT_CONSOLIDATION.map((field) => field.path.join('.'));
    expect([...declared].sort()).toEqual(leafPaths(EMPTY_NARRATIVE_INPUTS).sort());
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('sums office areas exactly, at the precision the units entered', () => {
    expect(sumDecimals(['1200.5', '300.25'])).toBe('1500.75');
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['1200.50', ' 1 '])).toBe('1201.50');
    expect(sumDecimals(['12', '3'])).toBe('15');
    expect(sumDecimals(['0.05', '0.05'])).toBe('0.10');
    expect(sumDecimals(['约1200', '3'])).toBeUndefined();
  });

  it('previews the changes with each unit’s part, then sums them in the consolidation’s one undoable edit', () => {
    const files = unitsWithInputs();
    const unitFiles = [files.bureau, files.hospital, files.centre];
    const department = Workbook.open(files.department);
    const before = department.narrativeInputs();

    const plan = previewConsolidation(department, unitFiles);
    expect(department.narrativeInputs()).toEqual(before);
    const parts = (bureau: string, centre: string, hospital = '') => [
      { name: '阳城县医疗保障局', value: bureau },
      { name: HOSPITAL, value: hospital },
      { name: '阳城县医疗保险服务中心', value: centre },
    ];
    expect(plan.narrativeInputs).toEqual([
      { label: '上年收入总计（万元）', before: '2000.00', after: '', units: parts('', '') },
      {
        label: '上年公务接待费（万元）',
        before: '',
        after: '0.55001',
        units: parts('0.250001', '0.300009'),
      },
      { label: '上年公务用车运行维护费（万元）', before: '', after: '1.20', units: parts('1.20', '') },
      {
        label: '上年机关运行经费（万元）',
        before: '',
        after: '57.500003',
        units: parts('50.000003', '7.50'),
      },
      {
        label: '其他政府采购·货物（万元）',
        before: '',
        after: '10.000007',
        units: parts('10.000005', '0.000002'),
      },
      { label: '资产截至日期', before: '', after: '2024年12月31日', units: [] },
      { label: '公务用车编制数（辆）', before: '99', after: '3', units: parts('3', '') },
      { label: '领导用车（辆）', before: '0', after: '1', units: parts('1', '0', '0') },
      { label: '执法执勤用车（辆）', before: '0', after: '2', units: parts('2', '0', '0') },
      { label: '事业单位业务用车（辆）', before: '0', after: '1', units: parts('0', '1', '0') },
      {
        label: '办公用房建筑总面积（平方米）',
        before: '',
        after: '1500.75',
        units: parts('1200.5', '300.25'),
      },
      { label: '单位价值50万元以上设备（台、套）', before: '', after: '3', units: parts('2', '1') },
    ]);
    expect(plan.notes).toEqual(
      expect.arrayContaining([
        `“${HOSPITAL}”未填写情况说明的上年公务接待费（万元）、上年公务用车运行维护费（万元）、上年机关运行经费（万元）、` +
          '其他政府采购·货物（万元）、公务用车编制数（辆）、办公用房建筑总面积（平方米）、单位价值50万元以上设备（台、套），按 0 计入部门之和',
        '“阳城县医疗保险服务中心”未填写情况说明的上年公务用车运行维护费（万元）、公务用车编制数（辆），按 0 计入部门之和',
        '各单位均未填写情况说明的上年收入总计（万元），部门原有的数将清空',
      ]),
    );

    consolidateUnits(department, unitFiles);
    expect(department.narrativeInputs()).toEqual(
      inputs({
        previousYear: {
          threePublic: { reception: 550_010, vehicleOperation: wan('1.20') },
          operatingCosts: 57_500_003,
        },
        reasons: { threePublic: '部门的原因' },
        procurement: { goods: 10_000_007 },
        assets: {
          asOf: '2024年12月31日',
          vehicleQuota: 3,
          vehicles: { 领导用车: 1, 执法执勤用车: 2, 事业单位业务用车: 1 },
          officeArea: '1500.75',
          equipmentOver50: 3,
        },
      }),
    );
    // Taken in again unchanged: nothing to change.
    expect(previewConsolidation(department, unitFiles).narrativeInputs).toEqual([]);

    expect(department.undo()).toBe('汇总 3 个单位的工作簿');
    expect(department.narrativeInputs()).toEqual(before);
    expect(department.content().units.map((unit) => unit.name)).toEqual(['阳城县卫生健康局']);
    department.close();
  });

  it('prints the summed figures in the 部门’s sentences on 三公 and vehicles', () => {
    const files = unitsWithInputs();
    const department = Workbook.open(files.department);
    consolidateUnits(department, [files.bureau, files.hospital, files.centre]);
    // 表十: 公务接待费 0.58 this year (0.29 + 0.29), last year 0.55001 + 1.20 运行维护费.
    expect(sentence(department, 'threePublic')).toBe(
      '2025年阳城县卫生健康局财政拨款安排的“三公”经费预算0.58万元，比2024年减少1.17万元，主要原因是部门的原因。其中：因公出国（境）费0万元，与上年预算数相同；' +
        '公务接待费0.58万元，与上年相比预算数增加0.03万元；公务用车运行维护费0万元，与上年相比预算数减少1.20万元；' +
        '公务用车购置费0万元，与上年预算数相同。',
    );
    expect(sentence(department, 'assets.vehicles')).toBe(
      '截至2024年12月31日，阳城县卫生健康局共有公务用车编制3辆，实有4辆，其中：领导用车1辆，机要通信用车0辆，' +
        '应急保障用车0辆，执法执勤用车2辆，特种专业技术用车0辆，事业单位业务用车1辆，其他公务用车0辆。',
    );
    expect(sentence(department, 'assets.office')).toBe(
      '截至2024年12月31日，阳城县卫生健康局使用的办公用房建筑总面积1500.75平方米。',
    );
    department.close();
  });

  it('replaces the figures by a second consolidation’s, and keeps what it cannot sum or agree on', () => {
    const files = unitsWithInputs();
    const unitFiles = [files.bureau, files.centre];
    const department = Workbook.open(files.department);
    consolidateUnits(department, unitFiles);
    setInputs(files.bureau, {
      previousYear: { threePublic: { reception: wan('0.1') } },
      assets: { asOf: '2024年12月31日', officeArea: '约1200', vehicleQuota: 3 },
    });
    setInputs(files.centre, {
      previousYear: { threePublic: { reception: wan('0.300009') } },
      assets: { asOf: '2025年1月1日', officeArea: '300.25' },
    });

    const plan = previewConsolidation(department, unitFiles);
    expect(plan.units.map((unit) => unit.status)).toEqual(['changed', 'changed']);
    expect(plan.narrativeInputs.map((change) => [change.label, change.before, change.after])).toEqual([
      ['上年公务接待费（万元）', '0.55001', '0.400009'],
      ['上年公务用车运行维护费（万元）', '1.20', ''],
      ['上年机关运行经费（万元）', '57.500003', ''],
      ['其他政府采购·货物（万元）', '10.000007', ''],
      ['领导用车（辆）', '1', '0'],
      ['执法执勤用车（辆）', '2', '0'],
      ['事业单位业务用车（辆）', '1', '0'],
      ['单位价值50万元以上设备（台、套）', '3', ''],
    ]);
    expect(plan.notes).toEqual(
      expect.arrayContaining([
        '各单位的资产截至日期不一致（阳城县医疗保障局 2024年12月31日、阳城县医疗保险服务中心 2025年1月1日），部门保留“2024年12月31日”',
        '“阳城县医疗保障局”的办公用房建筑总面积（平方米）“约1200”不是数字，无法汇总，部门保留“1500.75”',
        '各单位均未填写情况说明的上年公务用车运行维护费（万元）、上年机关运行经费（万元）、其他政府采购·货物（万元）、' +
          '单位价值50万元以上设备（台、套），部门原有的数将清空',
      ]),
    );
    consolidateUnits(department, unitFiles);
    const { previousYear, assets } = department.narrativeInputs();
    expect(assets).toMatchObject({ asOf: '2024年12月31日', officeArea: '1500.75', vehicleQuota: 3 });
    expect(previousYear.threePublic).toEqual({
      abroad: null,
      reception: 400_009,
      vehiclePurchase: null,
      vehicleOperation: null,
    });
    department.close();
  });

  it('the command line lists the inputs that change', async () => {
    const files = unitsWithInputs();
    const done = await disclosure('consolidate', files.department, files.bureau, files.centre);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('情况说明填报内容变动 12 项');
    expect(done.stdout).toContain(
      '  办公用房建筑总面积（平方米）：空 → 1500.75（阳城县医疗保障局 1200.5、阳城县医疗保险服务中心 300.25）',
    );
    expect(done.stdout).toContain(
      '  公务用车编制数（辆）：99 → 3（阳城县医疗保障局 3、阳城县医疗保险服务中心 未填）',
    );
    expect(done.stdout).toContain(
      '  上年收入总计（万元）：2000.00 → 空（阳城县医疗保障局 未填、阳城县医疗保险服务中心 未填）',
    );
    expect(done.stderr).toContain('注意：各单位均未填写情况说明的上年收入总计（万元），部门原有的数将清空');
    expect(read(files.department, (workbook) => workbook.narrativeInputs().assets.officeArea)).toBe(
      '1500.75',
    );
  });
});
