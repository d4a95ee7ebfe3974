import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** Escape calls this: it should close the dialog (or, for a warning, mean "keep going"). */
  onDismiss: () => void;
  /** `alertdialog` for interruptions that need an answer (the idle warning, a deletion). */
  role?: 'dialog' | 'alertdialog';
  /** The control to focus first; otherwise the first focusable one. */
  initialFocus?: RefObject<HTMLElement | null>;
}

/**
 * A modal dialog: focus moves in and is kept in, Escape dismisses, the rest of the page is inert
 * while it is open, and focus returns to where it was. An open `<dialog>` rather than `showModal()`,
 * which jsdom lacks; the modal behaviour is these few lines.
 */
export function Dialog({ title, children, onDismiss, role = 'dialog', initialFocus }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDialogElement>(null);
  const host = useRef<HTMLDivElement | null>(null);
  host.current ??= document.createElement('div');

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    document.body.append(container);
    const previous = document.activeElement as HTMLElement | null;
    const others = [...document.body.children].filter(
      (element): element is HTMLElement => element !== container && !element.hasAttribute('inert'),
    );
    for (const element of others) element.setAttribute('inert', '');
    const first = initialFocus?.current ?? panel.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? panel.current)?.focus();
    return () => {
      for (const element of others) element.removeAttribute('inert');
      container.remove();
      previous?.focus?.();
    };
  }, [initialFocus]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDismiss();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop">
      <dialog
        ref={panel}
        open
        className="dialog"
        role={role === 'alertdialog' ? 'alertdialog' : undefined}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </dialog>
    </div>,
    host.current,
  );
}
