import { useWorkbook } from '../state/workbook';

/** The last refusal of the main process, in its own Chinese words, until dismissed. */
export function ErrorBanner() {
  const error = useWorkbook((state) => state.error);
  const dismissError = useWorkbook((state) => state.dismissError);
  if (error === null) return null;
  return (
    <div className="error-banner" role="alert">
      <p className="error-banner__text">{error}</p>
      <button type="button" className="button button--quiet" onClick={dismissError}>
        知道了
      </button>
    </div>
  );
}
