import type {
  AuthChannel,
  AuthMessage,
  LockManagerLike,
} from '../features/auth/session/refresh-coordinator.ts';

/** Web Locks for tabs of one simulated browser: callbacks for one name run one after another. */
export function createFakeLocks(): LockManagerLike & { grants: string[] } {
  const tails = new Map<string, Promise<unknown>>();
  const grants: string[] = [];
  return {
    grants,
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const run = (tails.get(name) ?? Promise.resolve()).then(() => {
        grants.push(name);
        return callback();
      });
      tails.set(
        name,
        run.catch(() => {}),
      );
      return run;
    },
  };
}

/**
 * BroadcastChannel for simulated tabs: a message reaches every other endpoint (never the sender),
 * as a microtask by default or after `delayMs` to model a slow delivery.
 */
export function createChannelHub(options: { delayMs?: number } = {}) {
  const endpoints = new Set<(message: AuthMessage) => void>();
  const sent: AuthMessage[] = [];
  const deliver = (task: () => void) =>
    options.delayMs === undefined ? queueMicrotask(task) : setTimeout(task, options.delayMs);

  return {
    sent,
    open(): AuthChannel {
      const listeners = new Set<(message: AuthMessage) => void>();
      const endpoint = (message: AuthMessage) => {
        for (const listener of listeners) listener(structuredClone(message));
      };
      endpoints.add(endpoint);
      return {
        post(message) {
          sent.push(message);
          for (const other of endpoints) if (other !== endpoint) deliver(() => other(message));
        },
        listen(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        close: () => endpoints.delete(endpoint),
      };
    },
  };
}
