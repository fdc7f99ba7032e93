import { useEffect } from 'react';
import { unsavedDrafts } from '../state/unsaved';

/**
 * Closing or reloading the window while drafts are unsaved asks first: the browser shows its
 * own prompt, and in Electron the main process answers 'will-prevent-unload' with a dialog.
 * Without drafts the window closes at once.
 */
export function useUnloadGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsavedDrafts().length === 0) return;
      event.preventDefault();
      // Chromium before 119 asks only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
