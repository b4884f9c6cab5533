/**
 * A modal dialog on the native <dialog> element: opened with showModal (focus moves inside and
 * the page behind is inert), labelled by its title, closed by Escape or its close button.
 * Mount it to open it; the parent decides when it goes away (`onClose`).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useStrings } from '../i18n.ts';
import { libraryStrings } from './strings.ts';
import './library.css';

export function Dialog({
  title,
  onClose,
  children,
  footer,
  testId,
  wide = false,
  role,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The action buttons, kept in view below the scrolling content. */
  footer?: ReactNode;
  testId: string;
  wide?: boolean;
  role?: 'alertdialog';
}) {
  const t = useStrings(libraryStrings);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`library-dialog${wide ? ' library-dialog-wide' : ''}`}
      aria-labelledby={titleId}
      role={role}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: the parent unmounts the dialog, so React state stays the one truth.
        event.preventDefault();
        onClose();
      }}
    >
      <header className="library-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="library-dialog-close"
          aria-label={t.close}
          title={t.close}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="library-dialog-body">{children}</div>
      {footer && <footer className="library-dialog-footer">{footer}</footer>}
    </dialog>
  );
}
