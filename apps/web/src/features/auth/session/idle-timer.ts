/** Sign-out after this long without activity: the API's idle timeout for sessions without remember-me. */
export const IDLE_TIMEOUT_MINUTES = 30;
export const IDLE_TIMEOUT_MS = IDLE_TIMEOUT_MINUTES * 60 * 1000;
/** The warning comes this long before the sign-out. */
export const IDLE_WARNING_SECONDS = 60;
export const IDLE_WARNING_MS = IDLE_WARNING_SECONDS * 1000;

/** Time, injectable so tests drive it with fake timers. Defaults read the globals at call time. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const globalTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface IdleTimerOptions {
  timeoutMs?: number;
  warningMs?: number;
  timers?: Timers;
  /** The warning starts; `deadline` is when the sign-out happens (epoch ms). */
  onWarn: (deadline: number) => void;
  /** Activity during the warning ("Stay signed in") cancelled it. */
  onResume: () => void;
  onTimeout: () => void;
}

/**
 * Counts idle time from the last activity. Activity only records a timestamp (pointer moves are
 * frequent); the single pending timer re-checks when it fires, so nothing is re-armed per event.
 */
export function createIdleTimer(options: IdleTimerOptions) {
  const timeoutMs = options.timeoutMs ?? IDLE_TIMEOUT_MS;
  const warningMs = options.warningMs ?? IDLE_WARNING_MS;
  const timers = options.timers ?? globalTimers;
  let lastActivity = timers.now();
  let phase: 'active' | 'warning' | 'done' = 'active';
  let handle: unknown;

  function check() {
    timers.clearTimeout(handle);
    if (phase === 'done') return;
    const idle = timers.now() - lastActivity;
    if (idle >= timeoutMs) {
      phase = 'done';
      options.onTimeout();
      return;
    }
    if (idle >= timeoutMs - warningMs) {
      if (phase !== 'warning') {
        phase = 'warning';
        options.onWarn(lastActivity + timeoutMs);
      }
      handle = timers.setTimeout(check, timeoutMs - idle);
      return;
    }
    handle = timers.setTimeout(check, timeoutMs - warningMs - idle);
  }

  check();

  return {
    /**
     * The user did something; false when ignored. Passive activity (a pointer move) does not
     * cancel a warning that is showing: only a deliberate answer to it does (`explicit`), or
     * activity in another tab.
     */
    activity({ explicit = false, at = timers.now() }: { explicit?: boolean; at?: number } = {}): boolean {
      if (phase === 'done' || (phase === 'warning' && !explicit)) return false;
      lastActivity = Math.max(lastActivity, at);
      if (phase === 'warning') {
        phase = 'active';
        options.onResume();
        check();
      }
      return true;
    },
    /** Re-checks at once: after the computer slept, or a hidden tab's timers were throttled. */
    check,
    stop() {
      phase = 'done';
      timers.clearTimeout(handle);
    },
  };
}
