/**
 * 年度预算情况 of the 整体支出绩效目标表, read from the tables (goal-sheets-spec.md §7.2): this
 * year's money without 上年结转, by source (表二 合计) and by direction — 基本支出 as in 表三
 * less carry-over spent on it, 项目支出 as 表十二's total.
 */
import type { Fen } from '../money';
import type { EvaluatedWorkbook } from '../workbook/evaluate';

export interface WholeUnitBudget {
  readonly bySource: {
    readonly total: Fen;
    readonly generalPublic: Fen;
    readonly govFund: Fen;
    readonly stateCapital: Fen;
    /** 社会保险基金预算: not a source of a unit budget's tables; printed 0.00 as in the template. */
    readonly socialInsurance: Fen;
    readonly specialAccount: Fen;
    readonly unitFunds: Fen;
  };
  readonly byDirection: { readonly total: Fen; readonly basic: Fen; readonly project: Fen };
}

/** A line of the printed block: a source and its amount, beside a direction and its amount. */
export interface WholeUnitBudgetLine {
  readonly source: string;
  readonly sourceFen: Fen;
  /** '' and null on the lines below the three directions. */
  readonly direction: string;
  readonly directionFen: Fen | null;
}

/** The block's lines in the template's order, as the PDF prints them and the form shows them. */
export function wholeUnitBudgetLines({
  bySource,
  byDirection,
}: WholeUnitBudget): readonly WholeUnitBudgetLine[] {
  const line = (source: string, sourceFen: Fen, direction = '', directionFen: Fen | null = null) => ({
    source,
    sourceFen,
    direction,
    directionFen,
  });
  return [
    line('合计', bySource.total, '合计', byDirection.total),
    line('其中：一般公共预算资金', bySource.generalPublic, '其中：基本支出', byDirection.basic),
    line('政府性基金预算资金', bySource.govFund, '项目支出', byDirection.project),
    line('国有资本经营预算资金', bySource.stateCapital),
    line('社会保险基金预算资金', bySource.socialInsurance),
    line('专户管理资金', bySource.specialAccount),
    line('单位资金', bySource.unitFunds),
  ];
}

export function wholeUnitBudget(evaluated: EvaluatedWorkbook): WholeUnitBudget {
  const value = (table: 't2' | 't3' | 't12' | 't13', column: string): Fen =>
    evaluated[table].rows.find((row) => row.key === 'total')?.cells[column]?.fen ?? 0;
  // 上年结转 not spent on projects (表十三) was spent on 基本支出 (tables-spec X22, seed 004's 5.70).
  const carryoverOnBasic = value('t2', 'carryover') - value('t13', 'total');
  const basic = value('t3', 'basic') - carryoverOnBasic;
  const project = value('t12', 'total');
  return {
    bySource: {
      total: value('t2', 'total'),
      generalPublic: value('t2', 'gpb'),
      govFund: value('t2', 'gfb'),
      stateCapital: value('t2', 'socb'),
      socialInsurance: 0,
      specialAccount: value('t2', 'special'),
      unitFunds: value('t2', 'unitFunds'),
    },
    byDirection: { total: basic + project, basic, project },
  };
}
