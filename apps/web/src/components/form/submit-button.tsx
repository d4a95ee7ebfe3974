import type { ReactNode } from 'react';

/** Disabled while the request is in flight, so a double click never sends it twice. */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
  className = 'button',
  disabled,
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel: string;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      className={className}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
    >
      {pending && <span className="spinner spinner--small" aria-hidden="true" />}
      {pending ? pendingLabel : children}
    </button>
  );
}
