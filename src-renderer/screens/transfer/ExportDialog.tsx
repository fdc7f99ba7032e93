export function ExportDialog(props: { onClose: () => void }) {
  return (
    <div role="dialog" aria-label="导出">
      <h2>导出</h2>
      <button type="button" onClick={props.onClose}>
        关闭
      </button>
    </div>
  );
}
