import type { ExportRecordView } from '../../../shared/contract/views';

const KIND_LABEL = { draft: '草稿', final: '正式版' } as const;

/** yyyy-mm-dd hh:mm in local time, from the ISO stamp the workbook records. */
function timeText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Earlier exports, newest first: what went out, with how many 错误, and why if forced. */
export function ExportLog(props: { readonly records: readonly ExportRecordView[] }) {
  const records = [...props.records].sort((a, b) => b.exportedAt.localeCompare(a.exportedAt));
  return (
    <details className="export-log" open={records.length > 0 && records.length <= 5}>
      <summary>导出记录（{records.length}）</summary>
      {records.length === 0 ? (
        <p className="form-section__note">还没有导出过。</p>
      ) : (
        <table aria-label="导出记录">
          <thead>
            <tr>
              <th>时间</th>
              <th>版本</th>
              <th>格式</th>
              <th>文件</th>
              <th>错误数</th>
              <th>强制导出理由</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record, index) => (
              <tr key={index}>
                <td>{timeText(record.exportedAt)}</td>
                <td>{KIND_LABEL[record.kind]}</td>
                <td>{record.format.toUpperCase()}</td>
                <td className="export-log__file" title={record.file}>
                  {record.file.split(/[\\/]/).pop()}
                </td>
                <td>{record.errorCount}</td>
                <td>{record.overrideReason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
