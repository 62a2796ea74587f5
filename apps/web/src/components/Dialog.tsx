import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Heading } from '@rijkshuisstijl-community/components-react';

interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert, keeps focus inside
 * and closes on Escape. Focus goes back to what opened it, so a keyboard user continues where they were.
 */
export function Dialog({ open, title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // Back to the button that opened it, when that is still on the page (a decided task's button is not).
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="nf-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="nf-dialog__header">
        <Heading level={2} id={titleId}>
          {title}
        </Heading>
        <button type="button" className="nf-dialog__close" onClick={onClose}>
          <span aria-hidden="true">×</span>
          <span className="nf-visually-hidden">Sluiten</span>
        </button>
      </div>
      {open && children}
    </dialog>
  );
}
