import { type DependencyList, useEffect, useState } from 'react';
import { useWorkbook } from '../../state/workbook';

/**
 * The answer to a reading request, asked again whenever `deps` change (include the workbook's
 * revision to follow edits); null until the first answer arrives, or without a request. The
 * last answer stays while the next is asked, so a list does not blink on every edit; a late
 * answer to an earlier request is dropped; a refusal goes to the error banner.
 */
export function useAnswer<T>(ask: (() => Promise<T>) | null, deps: DependencyList): T | null {
  const [answer, setAnswer] = useState<T | null>(null);
  useEffect(() => {
    if (ask === null) {
      setAnswer(null);
      return;
    }
    let isCurrent = true;
    ask()
      .then((next) => {
        if (isCurrent) setAnswer(next);
      })
      .catch((error: unknown) => useWorkbook.getState().reportError(error));
    return () => {
      isCurrent = false;
    };
    // The caller names what the request depends on.
  }, deps);
  return answer;
}
