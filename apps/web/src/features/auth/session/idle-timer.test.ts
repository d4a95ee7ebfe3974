import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleTimer, IDLE_TIMEOUT_MS, IDLE_WARNING_MS } from './idle-timer.ts';

const MINUTE = 60 * 1000;

describe('idle timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const start = () => {
    const calls: string[] = [];
    const timer = createIdleTimer({
      onWarn: (deadline) => calls.push(`warn until +${(deadline - start0) / MINUTE} min`),
      onResume: () => calls.push('resume'),
      onTimeout: () => calls.push('timeout'),
    });
    const start0 = Date.now();
    return { timer, calls };
  };

  it('is 30 minutes with a warning 1 minute before', () => {
    expect(IDLE_TIMEOUT_MS).toBe(30 * MINUTE);
    expect(IDLE_WARNING_MS).toBe(MINUTE);
  });

  it('warns at 29 minutes and times out at 30', () => {
    const { calls } = start();
    vi.advanceTimersByTime(29 * MINUTE - 1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['warn until +30 min']);
    vi.advanceTimersByTime(MINUTE - 1);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['warn until +30 min', 'timeout']);
  });

  it('restarts the count on activity', () => {
    const { timer, calls } = start();
    vi.advanceTimersByTime(20 * MINUTE);
    timer.activity();
    vi.advanceTimersByTime(28 * MINUTE);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(MINUTE);
    expect(calls).toHaveLength(1);
  });

  it('keeps warning through passive activity; a deliberate answer resumes', () => {
    const { timer, calls } = start();
    vi.advanceTimersByTime(29 * MINUTE + 10_000);
    timer.activity();
    expect(calls).toEqual(['warn until +30 min']);
    timer.activity({ explicit: true });
    expect(calls).toEqual(['warn until +30 min', 'resume']);
    vi.advanceTimersByTime(29 * MINUTE - 1);
    expect(calls).toHaveLength(2);
    vi.advanceTimersByTime(MINUTE + 1);
    expect(calls.at(-1)).toBe('timeout');
  });

  it('times out at once on a check after the computer slept past the deadline', () => {
    const { timer, calls } = start();
    vi.setSystemTime(Date.now() + 2 * 60 * MINUTE); // the clock jumps; no timer fired
    timer.check();
    expect(calls).toEqual(['timeout']);
  });

  it('does nothing once stopped', () => {
    const { timer, calls } = start();
    timer.stop();
    vi.advanceTimersByTime(60 * MINUTE);
    expect(calls).toEqual([]);
  });
});
