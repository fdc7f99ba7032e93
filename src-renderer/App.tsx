import { useEffect } from 'react';
import { api } from './api/client';
import { StartScreen } from './screens/start/StartScreen';
import { ErrorBanner } from './shell/ErrorBanner';
import { Shell } from './shell/Shell';
import { UnsavedDraftsDialog } from './shell/UnsavedDraftsDialog';
import { followMainProcess } from './shell/open-workbook';
import { useUnloadGuard } from './shell/useUnloadGuard';
import { useWorkbook } from './state/workbook';

export function App() {
  const isOpen = useWorkbook((state) => state.summary !== null);

  useEffect(() => {
    const { opened, reportError } = useWorkbook.getState();
    // After a reload the main process may still hold the workbook open.
    api
      .invoke('workbook/summary', {})
      .then((summary) => (summary === null ? undefined : opened(summary)))
      .catch(reportError);
    return api.on('workbook/changed', () => void followMainProcess());
  }, []);
  useUnloadGuard();

  return (
    <div className="app">
      <ErrorBanner />
      {isOpen ? <Shell /> : <StartScreen />}
      <UnsavedDraftsDialog />
    </div>
  );
}
