import { useEffect } from 'react';
import { api } from './api/client';
import { StartScreen } from './screens/start/StartScreen';
import { ErrorBanner } from './shell/ErrorBanner';
import { Shell } from './shell/Shell';
import { UnsavedDraftsDialog } from './shell/UnsavedDraftsDialog';
import { openWorkbookAt } from './shell/open-workbook';
import { useUnloadGuard } from './shell/useUnloadGuard';
import { useWorkbook } from './state/workbook';

export function App() {
  const isOpen = useWorkbook((state) => state.summary !== null);

  useEffect(() => {
    const { opened, refresh, reportError } = useWorkbook.getState();
    // After a reload the main process may still hold the workbook open.
    api
      .invoke('workbook/summary', {})
      .then((summary) => (summary === null ? undefined : opened(summary)))
      .catch(reportError);
    const stopFollowing = api.on('workbook/changed', () => void refresh());
    const stopOpening = api.on('workbook/openRequested', ({ path }) => void openWorkbookAt(path));
    return () => {
      stopFollowing();
      stopOpening();
    };
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
