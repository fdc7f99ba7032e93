export function ImportDialog(props: { onClose: () => void }) {
  return (
    <div role="dialog" aria-label="导入">
      <h2>导入</h2>
      <button type="button" onClick={props.onClose}>
        关闭
      </button>
    </div>
  );
}
