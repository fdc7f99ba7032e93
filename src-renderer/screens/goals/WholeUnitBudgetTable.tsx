import { formatWanYuan } from '../../../shared/money';
import { wholeUnitBudgetLines } from '../../../shared/goal-sheets/whole-unit-budget';
import { useGoalSheets } from '../../state/goal-sheets';

/**
 * 年度预算情况 of the 整体支出绩效目标表, as the PDF prints it: read from 表二, 表三, 表十二 and
 * 表十三, so it is shown, never typed (a change belongs in the tables).
 */
export function WholeUnitBudgetTable() {
  const budget = useGoalSheets((state) => state.wholeUnitBudget);
  return (
    <section className="form-section" aria-label="年度预算情况">
      <h3>年度预算情况</h3>
      <p className="form-section__note">
        由表二、表三、表十二、表十三的数据得出，只读；如需修改，请修改表格。
      </p>
      {budget === null ? (
        <p className="form-section__note">正在读取…</p>
      ) : (
        <table className="budget-block" aria-label="年度预算情况（万元）">
          <thead>
            <tr>
              <th scope="col">按资金来源划分</th>
              <th scope="col" className="budget-block__amount">
                资金总额（万元）
              </th>
              <th scope="col">按资金方向划分</th>
              <th scope="col" className="budget-block__amount">
                资金总额（万元）
              </th>
            </tr>
          </thead>
          <tbody>
            {wholeUnitBudgetLines(budget).map((line) => (
              <tr key={line.source}>
                <th scope="row">{line.source}</th>
                <td className="budget-block__amount">{formatWanYuan(line.sourceFen)}</td>
                <th scope="row">{line.direction}</th>
                <td className="budget-block__amount">{formatWanYuan(line.directionFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
