import {
  type CellChange,
  type FieldChange,
  type VersionDiff,
  totalChanges,
} from '../../../shared/review/diff';
import { TABLE_DEFINITIONS } from '../../../shared/tables/definitions';
import { useWorkbook } from '../../state/workbook';

/** 表二 第5行（2101102 事业单位医疗）“一般公共预算”列 → its table, row and column apart. */
function placeParts(change: CellChange): { table: string; row: string; column: string } {
  const table = TABLE_DEFINITIONS[change.table].shortName;
  const rest = change.place.startsWith(table) ? change.place.slice(table.length).trim() : change.place;
  const columnStart = rest.lastIndexOf('“');
  if (columnStart < 0 || !rest.endsWith('”列')) return { table, row: rest, column: change.column };
  return { table, row: rest.slice(0, columnStart), column: rest.slice(columnStart + 1, -2) };
}

function Values(props: { before: string; after: string }) {
  return (
    <>
      <td className="review-table__amount review-table__before">{props.before || '（空）'}</td>
      <td className="review-table__amount review-table__after">{props.after || '（空）'}</td>
    </>
  );
}

function FieldChanges(props: { title: string; changes: readonly FieldChange[] }) {
  if (props.changes.length === 0) return null;
  return (
    <section className="diff-section" aria-label={props.title}>
      <h4>
        {props.title}（{props.changes.length}）
      </h4>
      <table className="review-table">
        <thead>
          <tr>
            <th>位置</th>
            <th>项目</th>
            <th>原内容</th>
            <th>新内容</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((change, index) => (
            <tr key={index}>
              <td>{change.area}</td>
              <td>{change.item}</td>
              <td className="review-table__before">{change.before || '（空）'}</td>
              <td className="review-table__after">{change.after || '（空）'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * What differs between two versions: amounts by table, row and column, then fields and sentences.
 * Inside a dialog there is no 转到: leaving for a table would drop the dialog.
 */
export function DiffView({ diff, canGoToCell = true }: { diff: VersionDiff; canGoToCell?: boolean }) {
  const goToCell = useWorkbook((state) => state.goToCell);
  const total = totalChanges(diff);
  return (
    <div className="diff" aria-label="版本差异">
      <p className="diff-summary" role="status">
        {diff.fromLabel} → {diff.toLabel}：{total === 0 ? '内容相同' : `${total} 处不同`}
      </p>
      {diff.cells.length > 0 && (
        <section className="diff-section" aria-label="表格金额">
          <h4>表格金额（万元，{diff.cells.length}）</h4>
          <table className="review-table">
            <thead>
              <tr>
                <th>表</th>
                <th>行</th>
                <th>列</th>
                <th className="review-table__amount">原值</th>
                <th className="review-table__amount">新值</th>
                {canGoToCell && <th />}
              </tr>
            </thead>
            <tbody>
              {diff.cells.map((change) => {
                const parts = placeParts(change);
                return (
                  <tr key={`${change.table}|${change.row}|${change.column}`}>
                    <td>{parts.table}</td>
                    <td>{parts.row}</td>
                    <td>{parts.column}</td>
                    <Values before={change.before} after={change.after} />
                    {canGoToCell && (
                      <td>
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() =>
                            goToCell({ table: change.table, row: change.row, column: change.column })
                          }
                        >
                          转到
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <FieldChanges title="表格结构" changes={diff.structure} />
      <FieldChanges title="绩效目标表" changes={diff.goalSheets} />
      <FieldChanges title="文字与填报内容" changes={diff.document} />
      {diff.sentences.length > 0 && (
        <section className="diff-section" aria-label="情况说明">
          <h4>情况说明（{diff.sentences.length}）</h4>
          <table className="review-table">
            <thead>
              <tr>
                <th>部分</th>
                <th>原句</th>
                <th>新句</th>
              </tr>
            </thead>
            <tbody>
              {diff.sentences.map((change) => (
                <tr key={change.sentenceId}>
                  <td>
                    {change.sectionNo}、{change.sectionTitle}
                  </td>
                  <td className="review-table__before">{change.before || '（空）'}</td>
                  <td className="review-table__after">{change.after || '（空）'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
