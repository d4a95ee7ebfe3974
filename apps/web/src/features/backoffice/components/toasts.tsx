import {
  createContext,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';

export type ToastTone = 'success' | 'error' | 'info';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

interface ToastApi {
  /** Shows a short message in the live region; it goes away by itself or with its Dismiss button. */
  show(message: string, tone?: ToastTone): void;
}

const ToastContext = createContext<ToastApi | undefined>(undefined);

/** Long enough to read two lines; a toast with focus inside stays until the focus leaves. */
const TOAST_LIFETIME_MS = 6 * 1000;

export function useToast(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast needs a <ToastProvider> above it');
  return value;
}

let nextId = 0;

export function ToastProvider({
  children,
  lifetimeMs = TOAST_LIFETIME_MS,
}: {
  children: ReactNode;
  lifetimeMs?: number;
}) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const [api] = useState<ToastApi>(() => ({
    show: (message, tone = 'success') => {
      nextId += 1;
      setToasts((all) => [...all, { id: nextId, message, tone }]);
    },
  }));
  return (
    <ToastContext value={api}>
      {children}
      {/* Always in the document, so screen readers announce what is added to it. */}
      <div className="bo-toasts" role="status" aria-live="polite" aria-label="Notifications">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} lifetimeMs={lifetimeMs} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

function ToastItem({
  toast,
  lifetimeMs,
  onDismiss,
}: {
  toast: Toast;
  lifetimeMs: number;
  onDismiss: (id: number) => void;
}) {
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (focused) return;
    const timer = setTimeout(() => onDismiss(toast.id), lifetimeMs);
    return () => clearTimeout(timer);
  }, [focused, lifetimeMs, onDismiss, toast.id]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDismiss(toast.id);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape on the focused Dismiss button bubbles here
    <div
      className={`bo-toast bo-toast--${toast.tone}`}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onKeyDown={onKeyDown}
    >
      <p>{toast.message}</p>
      <button type="button" className="bo-toast__dismiss" onClick={() => onDismiss(toast.id)}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Dismiss notification</span>
      </button>
    </div>
  );
}
