import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider, useToast } from './toasts.tsx';

function Saver() {
  const toast = useToast();
  return (
    <button type="button" onClick={() => toast.show('Product saved.')}>
      Save
    </button>
  );
}

const LIFETIME_MS = 1000;

const renderToasts = () => {
  render(
    <ToastProvider lifetimeMs={LIFETIME_MS}>
      <Saver />
    </ToastProvider>,
  );
  return screen.getByRole('status', { name: 'Notifications' });
};

// Plain fake timers and fireEvent: nothing else moves the clock, so the lifetime is exact.
beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('toasts', () => {
  it('announces a message in the live region and removes it after its lifetime', () => {
    const region = renderToasts();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(region).toHaveTextContent('Product saved.');
    act(() => vi.advanceTimersByTime(LIFETIME_MS - 1));
    expect(region).toHaveTextContent('Product saved.');
    act(() => vi.advanceTimersByTime(1));
    expect(region).toBeEmptyDOMElement();
  });

  it('stays while focused and goes with Escape or its Dismiss button', () => {
    const region = renderToasts();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dismiss = screen.getByRole('button', { name: 'Dismiss notification' });
    act(() => dismiss.focus());
    act(() => vi.advanceTimersByTime(LIFETIME_MS * 5));
    expect(region).toHaveTextContent('Product saved.');
    fireEvent.keyDown(dismiss, { key: 'Escape' });
    expect(region).toBeEmptyDOMElement();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notification' }));
    expect(region).toBeEmptyDOMElement();
  });
});
