import { useWorkbook } from '../state/workbook';
import { documentParts } from './parts';

export function Navigation() {
  const year = useWorkbook((state) => state.summary?.profile.year ?? 0);
  const scope = useWorkbook((state) => state.summary?.profile.scope);
  const current = useWorkbook((state) => state.part);
  const errorCount = useWorkbook(
    (state) => state.findings.filter((finding) => finding.severity === '错误').length,
  );
  const showPart = useWorkbook((state) => state.showPart);

  return (
    <nav className="navigation" aria-label="文档目录">
      <ul>
        {documentParts(year, scope).map((entry) => (
          <li key={entry.part}>
            <button
              type="button"
              className="navigation__item"
              aria-current={entry.part === current ? 'page' : undefined}
              title={entry.title}
              onClick={() => showPart(entry.part)}
            >
              <span className="navigation__label">{entry.label}</span>
              {entry.part === 'checks' && errorCount > 0 && (
                <span className="badge badge--error">{errorCount} 个错误</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
