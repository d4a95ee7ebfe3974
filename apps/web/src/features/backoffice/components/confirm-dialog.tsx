import { type ReactNode, useRef } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending?: boolean;
  /** The refusal of the last attempt, shown in the dialog so the admin can decide again. */
  error?: unknown;
  /** `danger` for destructive or money-moving actions. */
  tone?: 'danger' | 'default';
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before an action that cannot be taken back; Cancel has the focus, so Enter never destroys. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel = 'Working…',
  pending = false,
  error,
  tone = 'danger',
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={title} role="alertdialog" onDismiss={onCancel} initialFocus={cancel}>
      <div className="dialog__body">{children}</div>
      {error ? <FormNotice tone="error">{problemMessage(error)}</FormNotice> : null}
      <div className="dialog__actions">
        <button
          type="button"
          className={tone === 'danger' ? 'button button--danger' : 'button'}
          onClick={onConfirm}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
