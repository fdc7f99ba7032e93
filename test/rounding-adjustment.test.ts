import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Checker } from '../shared/checks/engine';
import { adjustForPrint, largestRemainder } from '../shared/checks/rounding-adjustment';
import { tablesToReferenceJson } from '../shared/tables/reference-json';
import { importReferenceJson } from '../src-main/services/workbook/import-reference-json';
import { Workbook } from '../src-main/services/workbook/workbook';
import { generateDepartment } from '../bench/support-generate';
import { SEEDS, fixturePath } from './support/fixtures';
import { tempDir } from './support/temp-dir';

function withinTableFindings(evaluated: ReturnType<typeof adjustForPrint>['evaluated']) {
  return new Checker(evaluated).findings().filter((finding) => finding.ruleId.startsWith('T'));
}

describe('largestRemainder', () => {
  it('rounds down and gives the missing units to the largest remainders', () => {
    // 0.333, 0.333, 0.334 万元 of a printed 1.00: the largest remainder takes the extra 0.01.
    expect(largestRemainder([3_330_000, 3_330_000, 3_340_000], 100)).toEqual([33, 33, 34]);
    expect(largestRemainder([5_000, 5_000, 5_000], 2)).toEqual([1, 1, 0]);
    expect(largestRemainder([10_000, 20_000], 3)).toEqual([1, 2]);
  });

  it('takes units away from the smallest remainders when a total was set lower, largest parts first on ties', () => {
    expect(largestRemainder([100_000, 500_000], 59)).toEqual([10, 49]);
    expect(largestRemainder([1_000, 9_000], 0)).toEqual([0, 0]);
  });
});

describe('尾差调整', () => {
  it.each(SEEDS)(
    'makes every printed table of seed %s add up, moving cells by 0.01 at most, storing nothing',
    (seed) => {
      const file = path.join(tempDir(), `${seed}.ysgk`);
      const workbook = importReferenceJson(fixturePath(seed), file);
      const before = JSON.stringify(tablesToReferenceJson(workbook.content(), workbook.evaluate()));
      expect(withinTableFindings(workbook.evaluate()).length).toBeGreaterThan(0);

      const { evaluated, adjustments } = adjustForPrint(workbook.content());
      expect(withinTableFindings(evaluated)).toEqual([]);
      expect(adjustments.length).toBeGreaterThan(0);
      for (const adjustment of adjustments) {
        expect(Math.abs(adjustment.printedCents - adjustment.roundedCents)).toBe(1);
      }
      workbook.close();
      const reopened = Workbook.open(file);
      expect(JSON.stringify(tablesToReferenceJson(reopened.content(), reopened.evaluate()))).toBe(before);
      reopened.close();
    },
  );

  it('keeps exact amounts consistent across tables when they are the same money', () => {
    const workbook = Workbook.create(path.join(tempDir(), 'exact.ysgk'), {
      name: '精确单位',
      code: null,
      year: 2025,
      scope: '单位',
      unitType: '行政',
      supervisingDepartment: null,
    });
    const amounts = { '2101101': '3333.33', '2101102': '3333.33', '2101103': '3333.34' };
    for (const [code, amount] of Object.entries(amounts)) {
      for (const table of ['t2', 't3', 't5'] as const) workbook.addSubjectRow({ table, code });
      workbook.setCell({ table: 't2', row: code, column: 'gpb', text: amount, unit: 'yuan' });
      workbook.setCell({ table: 't3', row: code, column: 'basic', text: amount, unit: 'yuan' });
      workbook.setCell({ table: 't5', row: code, column: 'basic', text: amount, unit: 'yuan' });
    }
    workbook.addEconomicRow({ deptName: '办公费', govName: '办公经费' });
    const econ = workbook.table('t6').rows.find((row) => row.kind === 'economic')?.key ?? '';
    workbook.setCell({ table: 't6', row: econ, column: 'public', text: '10000', unit: 'yuan' });
    // Each 0.33 万元 rounded alone would print 0.33 + 0.33 + 0.33 under a 合计 of 1.00.
    const { evaluated, adjustments } = adjustForPrint(workbook.content());
    // No identity breaks in print; 信息 notes (empty tables, the 机关运行经费 heuristic) remain.
    expect(new Checker(evaluated).findings().filter((finding) => finding.severity !== '信息')).toEqual([]);
    expect(adjustments.filter((adjustment) => adjustment.table === 't2')).toEqual([
      { table: 't2', row: '2101103', column: 'total', roundedCents: 33, printedCents: 34 },
      { table: 't2', row: '2101103', column: 'gpb', roundedCents: 33, printedCents: 34 },
    ]);
    workbook.close();
  });

  it('adds up on a large 部门 workbook of exact amounts', () => {
    const { evaluated, adjustments } = adjustForPrint(generateDepartment(10, 200));
    expect(withinTableFindings(evaluated)).toEqual([]);
    expect(
      adjustments.every((adjustment) => Math.abs(adjustment.printedCents - adjustment.roundedCents) <= 1),
    ).toBe(true);
  });
});
