/**
 * What an import would change: rows new and removed, cells whose printed amount changes
 * (before → after, in 万元 as printed), the goal sheets, and the sheets that match no project.
 */
import type { ImportPreviewView } from '../../../shared/contract/views';

/** Enough to read; a whole first import of a 部门 lists thousands of rows. */
const SHOWN_PER_LIST = 200;

function countByTable(items: readonly { readonly table: string }[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.table, (counts.get(item.table) ?? 0) + 1);
  return [...counts].map(([table, count]) => `${table} ${count}`).join('，');
}

function MoreNote(props: { readonly total: number }) {
  return props.total > SHOWN_PER_LIST ? (
    <p className="form-section__note">另有 {props.total - SHOWN_PER_LIST} 项未列出。</p>
  ) : null;
}

function RowList(props: { readonly title: string; readonly rows: ImportPreviewView['newRows'] }) {
  const { rows, title } = props;
  if (rows.length === 0) return null;
  return (
    <details className="import-preview__list">
      <summary>
        {title} {rows.length} 行（{countByTable(rows)}）
      </summary>
      <ul aria-label={title}>
        {rows.slice(0, SHOWN_PER_LIST).map((row, index) => (
          <li key={index}>
            <span className="import-preview__table">{row.table}</span> {row.row}
          </li>
        ))}
      </ul>
      <MoreNote total={rows.length} />
    </details>
  );
}

export function ImportPreviewList(props: { readonly preview: ImportPreviewView }) {
  const { preview } = props;
  const nothingChanges =
    preview.newRows.length === 0 &&
    preview.removedRows.length === 0 &&
    preview.changedCells.length === 0 &&
    preview.goalSheetCount === 0;
  return (
    <div className="import-preview" aria-label="导入预览">
      <ul className="import-preview__summary">
        <li>
          表格模板：<strong>{preview.tablesFile.split(/[\\/]/).pop()}</strong>
        </li>
        {preview.goalsFile === null ? null : (
          <li>
            绩效目标表模板：<strong>{preview.goalsFile.split(/[\\/]/).pop()}</strong>，绩效目标表{' '}
            {preview.goalSheetCount} 张
          </li>
        )}
        <li>
          新增行 {preview.newRows.length}，删除行 {preview.removedRows.length}，金额变动的单元格{' '}
          {preview.changedCells.length}
        </li>
      </ul>
      {nothingChanges ? <p>模板与当前数据一致，导入不会改变任何数据。</p> : null}
      <RowList title="新增行" rows={preview.newRows} />
      <RowList title="删除行" rows={preview.removedRows} />
      {preview.changedCells.length === 0 ? null : (
        <details className="import-preview__list" open={preview.changedCells.length <= 50}>
          <summary>
            金额变动 {preview.changedCells.length} 处（{countByTable(preview.changedCells)}）
          </summary>
          <table className="import-preview__cells" aria-label="金额变动">
            <thead>
              <tr>
                <th>表</th>
                <th>行</th>
                <th>列</th>
                <th className="import-preview__amount">原值（万元）</th>
                <th className="import-preview__amount">新值（万元）</th>
              </tr>
            </thead>
            <tbody>
              {preview.changedCells.slice(0, SHOWN_PER_LIST).map((cell, index) => (
                <tr key={index}>
                  <td>{cell.table}</td>
                  <td>{cell.row}</td>
                  <td>{cell.column}</td>
                  <td className="import-preview__amount">{cell.before ?? '（空）'}</td>
                  <td className="import-preview__amount">→ {cell.after ?? '（空）'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MoreNote total={preview.changedCells.length} />
        </details>
      )}
      {preview.unmatchedGoalSheets.length === 0 ? null : (
        <div className="import-preview__unmatched" role="note" aria-label="未匹配的绩效目标表">
          <strong>
            以下 {preview.unmatchedGoalSheets.length} 张绩效目标表在表十二中找不到对应项目，不会导入：
          </strong>
          <ul>
            {preview.unmatchedGoalSheets.map((sheet) => (
              <li key={sheet}>{sheet}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
