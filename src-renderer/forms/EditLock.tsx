import type { ReactNode } from 'react';
import { useIsReadOnly } from '../state/review';

/**
 * Disables every control inside it while the workbook is 已定稿 (the service would refuse
 * each edit): a disabled fieldset disables its inputs and buttons natively, and lays out as
 * if it were not there.
 */
export function EditLock({ children }: { readonly children: ReactNode }) {
  const isReadOnly = useIsReadOnly();
  return (
    <fieldset className="edit-lock" disabled={isReadOnly}>
      {children}
    </fieldset>
  );
}
