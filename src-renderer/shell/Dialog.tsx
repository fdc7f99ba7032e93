import { type ReactNode, useEffect, useId } from 'react';

interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly wide?: boolean;
  /**
   * An alert dialog (a confirmation) may open over another dialog: it takes Esc before the one
   * beneath, and is described by its message for screen readers.
   */
  readonly alert?: { readonly descriptionId: string };
  /** Opens over another dialog (as an alert always may): takes Esc before the one beneath. */
  readonly isOverAnother?: boolean;
}

/** A modal dialog: named by its title for screen readers and tests, closed by Esc. */
export function Dialog(props: DialogProps) {
  const titleId = useId();
  const { onClose, alert } = props;
  const isAlert = alert !== undefined;
  const isOnTop = isAlert || props.isOverAnother === true;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (isOnTop) event.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKeyDown, { capture: isOnTop });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: isOnTop });
  }, [onClose, isOnTop]);
  return (
    <div className="dialog-backdrop">
      <div
        className={props.wide ? 'dialog dialog--wide' : 'dialog'}
        role={isAlert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={alert?.descriptionId}
      >
        <h2 id={titleId} className="dialog__title">
          {props.title}
        </h2>
        {props.children}
      </div>
    </div>
  );
}
