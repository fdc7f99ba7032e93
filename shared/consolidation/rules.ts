/**
 * The 审核 rules of a consolidated 部门: every figure the 部门 stores still equals what its units
 * gave at consolidation. They fire when a figure of the 部门 is edited afterwards (or a row added
 * or removed), and say which units the figure came from.
 */
import { type Finding, amountText } from '../checks/engine';
import type { Severity } from '../checks/types';
import type { Fen } from '../money';
import type { TableKey } from '../tables/types';
import { describeCell } from '../workbook/describe';
import { type CellAddress, type EvaluatedWorkbook, cellId } from '../workbook/evaluate';
import type { ConsolidatedUnit } from './consolidate';

export interface ConsolidationRule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly tables: readonly TableKey[];
  /** Sums of all units, or each row the figure of one unit (表十一, 表十二, 表十三). */
  readonly compares: 'sumOfUnits' | 'unitRow';
}

export const CONSOLIDATION_RULES: readonly ConsolidationRule[] = [
  {
    id: 'H1',
    severity: '错误',
    title: '部门收支科目的金额等于各单位之和',
    tables: ['t2', 't3', 't5', 't7', 't8', 't9'],
    compares: 'sumOfUnits',
  },
  {
    id: 'H2',
    severity: '错误',
    title: '部门基本支出经济科目的金额等于各单位之和',
    tables: ['t6'],
    compares: 'sumOfUnits',
  },
  {
    id: 'H3',
    severity: '错误',
    title: '部门“三公”经费等于各单位之和',
    tables: ['t10'],
    compares: 'sumOfUnits',
  },
  {
    id: 'H4',
    severity: '错误',
    title: '部门年终结转等于各单位之和',
    tables: ['t1', 't4'],
    compares: 'sumOfUnits',
  },
  {
    id: 'H5',
    severity: '错误',
    title: '表十一各单位的机关运行经费等于该单位工作簿所列',
    tables: ['t11'],
    compares: 'unitRow',
  },
  {
    id: 'H6',
    severity: '错误',
    title: '表十二、表十三各项目的金额等于该单位工作簿所列',
    tables: ['t12', 't13'],
    compares: 'unitRow',
  },
];

interface UnitShare {
  readonly unit: string;
  readonly fen: Fen;
}

const SHARES_LISTED = 5;

function sharesText(shares: readonly UnitShare[]): string {
  const listed = shares
    .slice(0, SHARES_LISTED)
    .map((share) => `${share.unit} ${amountText(share.fen)}`)
    .join('、');
  return shares.length > SHARES_LISTED ? `${listed} 等 ${shares.length} 个单位` : listed;
}

/** The findings of a consolidated 部门; none when it was never consolidated. */
export function consolidationFindings(
  evaluated: EvaluatedWorkbook,
  units: readonly ConsolidatedUnit[],
): Finding[] {
  if (units.length === 0) return [];
  const shares = new Map<string, UnitShare[]>();
  const rowNames = new Map<string, string>();
  for (const unit of units) {
    for (const [id, fen] of Object.entries(unit.figures)) {
      const list = shares.get(id);
      if (list) list.push({ unit: unit.name, fen });
      else shares.set(id, [{ unit: unit.name, fen }]);
    }
    for (const [row, name] of Object.entries(unit.rowNames)) rowNames.set(row, `${unit.name} / ${name}`);
  }
  const idsOfTable = new Map<string, string[]>();
  for (const id of shares.keys()) {
    const table = id.slice(0, id.indexOf('|'));
    const list = idsOfTable.get(table);
    if (list) list.push(id);
    else idsOfTable.set(table, [id]);
  }
  return CONSOLIDATION_RULES.flatMap((rule) =>
    rule.tables.flatMap((table) => {
      const findings: Finding[] = [];
      const checked = new Set<string>();
      const check = (address: CellAddress, departmentFen: Fen | null, isPresent: boolean) => {
        const id = cellId(address);
        if (checked.has(id)) return;
        checked.add(id);
        const unitShares = shares.get(id) ?? [];
        const sum = unitShares.reduce((total, share) => total + share.fen, 0);
        if ((departmentFen ?? 0) === sum) return;
        const where = isPresent
          ? describeCell(evaluated[table], address)
          : `${evaluated[table].definition.shortName}（${rowNames.get(`${table}|${address.row}`) ?? address.row}，该行已不在部门工作簿中）`;
        const unitsSide =
          unitShares.length === 0
            ? '汇总的单位工作簿中没有此数'
            : rule.compares === 'unitRow' && unitShares.length === 1
              ? `单位“${unitShares[0]?.unit ?? ''}”工作簿中为 ${amountText(sum)}`
              : `各单位之和 ${amountText(sum)}（${sharesText(unitShares)}）`;
        findings.push({
          ruleId: rule.id,
          severity: rule.severity,
          isRounding: false,
          message: `${rule.title}：${where} 为 ${amountText(departmentFen ?? 0)}，${unitsSide}`,
          cells: isPresent ? [address] : [],
          sides: { left: departmentFen ?? 0, right: sum },
        });
      };
      // What the 部门 stores (typed or overridden) must be what its units gave …
      for (const row of evaluated[table].rows) {
        for (const [column, cell] of Object.entries(row.cells)) {
          const isStored = cell.state === 'overridden' || (cell.state === 'input' && cell.fen !== null);
          if (isStored || shares.has(cellId({ table, row: row.key, column }))) {
            check({ table, row: row.key, column }, cell.fen, true);
          }
        }
      }
      // … and what the units gave must still be in the 部门.
      for (const id of idsOfTable.get(table) ?? []) {
        const [, row, column] = id.split('|') as [TableKey, string, string];
        check({ table, row, column }, null, false);
      }
      return findings;
    }),
  );
}
