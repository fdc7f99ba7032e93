import { useEffect, useState } from 'react';
import type { RecentWorkbook } from '../../../shared/contract/views';
import { api } from '../../api/client';
import { openWorkbookAt } from '../../shell/open-workbook';
import { useWorkbook } from '../../state/workbook';

const openedAtFormat = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

export function RecentWorkbooks() {
  const [recent, setRecent] = useState<readonly RecentWorkbook[] | null>(null);

  useEffect(() => {
    api
      .invoke('workbook/recent', {})
      .then(setRecent)
      .catch((error: unknown) => {
        setRecent([]);
        useWorkbook.getState().reportError(error);
      });
  }, []);

  return (
    <section className="start__card" aria-labelledby="recent-title">
      <h2 id="recent-title">最近打开</h2>
      {recent === null && <p className="field__hint">正在读取…</p>}
      {recent?.length === 0 && <p className="field__hint">还没有打开过工作簿。</p>}
      {recent !== null && recent.length > 0 && (
        <ul className="recent-list">
          {recent.map((entry) => (
            <li key={entry.path}>
              <button
                type="button"
                className="recent-list__item"
                title={entry.path}
                onClick={() => void openWorkbookAt(entry.path)}
              >
                <span className="recent-list__name">
                  {entry.name} · {entry.year}年
                </span>
                <span className="recent-list__path">{entry.path}</span>
                <span className="recent-list__time">{openedAtFormat.format(new Date(entry.openedAt))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
