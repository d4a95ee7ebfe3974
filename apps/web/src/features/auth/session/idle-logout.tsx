import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { createIdleTimer, type Timers } from './idle-timer.ts';
import type { CoordinatorEvent, SignOutReason } from './refresh-coordinator.ts';

/** What counts as the user being there. Listeners only stamp a time, so frequent events are cheap. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'wheel', 'touchstart'] as const;

interface IdleLogoutProps {
  timers: Timers;
  subscribe: (listener: (event: CoordinatorEvent) => void) => () => void;
  reportActivity: () => void;
  signOut: (reason: SignOutReason) => void;
}

/**
 * Signs out after 30 minutes without activity in any tab, with a warning one minute before that a
 * deliberate "Stay signed in" (or Escape) cancels.
 */
export function IdleLogout({ timers, subscribe, reportActivity, signOut }: IdleLogoutProps) {
  const [deadline, setDeadline] = useState<number>();
  const timer = useRef<ReturnType<typeof createIdleTimer>>(undefined);
  const latestSignOut = useRef(signOut);
  latestSignOut.current = signOut;

  useEffect(() => {
    const idle = createIdleTimer({
      timers,
      onWarn: setDeadline,
      onResume: () => setDeadline(undefined),
      onTimeout: () => {
        setDeadline(undefined);
        latestSignOut.current('idle');
      },
    });
    timer.current = idle;
    const onActivity = () => {
      if (idle.activity()) reportActivity();
    };
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return;
      idle.check(); // a sleeping computer or a throttled background tab may be past the deadline
      onActivity();
    };
    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const unsubscribe = subscribe((event) => {
      if (event.type === 'activity' && event.origin === 'other-tab')
        idle.activity({ explicit: true, at: event.at });
    });
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      unsubscribe();
      idle.stop();
    };
  }, [timers, subscribe, reportActivity]);

  if (deadline === undefined) return null;
  const stay = () => {
    if (timer.current?.activity({ explicit: true })) reportActivity();
  };
  return (
    <IdleWarningDialog deadline={deadline} timers={timers} onStay={stay} onSignOut={() => signOut('user')} />
  );
}

function IdleWarningDialog({
  deadline,
  timers,
  onStay,
  onSignOut,
}: {
  deadline: number;
  timers: Timers;
  onStay: () => void;
  onSignOut: () => void;
}) {
  const [seconds, setSeconds] = useState(() => secondsUntil(deadline, timers));
  const stayButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let handle: unknown;
    const tick = () => {
      setSeconds(secondsUntil(deadline, timers));
      handle = timers.setTimeout(tick, 1000);
    };
    handle = timers.setTimeout(tick, 1000);
    return () => timers.clearTimeout(handle);
  }, [deadline, timers]);

  return (
    <Dialog title="Are you still there?" role="alertdialog" onDismiss={onStay} initialFocus={stayButton}>
      <p className="dialog__body">
        You will be signed out in {seconds} s because you have been inactive for a while.
      </p>
      <div className="dialog__actions">
        <button ref={stayButton} type="button" className="button" onClick={onStay}>
          Stay signed in
        </button>
        <button type="button" className="button button--secondary" onClick={onSignOut}>
          Sign out now
        </button>
      </div>
    </Dialog>
  );
}

const secondsUntil = (deadline: number, timers: Timers) =>
  Math.max(0, Math.ceil((deadline - timers.now()) / 1000));
