import { describe, expect, it } from 'vitest';
import { createChannelHub, createFakeLocks } from '../../../testing/fake-tabs.ts';
import {
  type CoordinatorEvent,
  createRefreshCoordinator,
  isAuthMessage,
  REFRESH_LOCK_NAME,
  type RefreshResponse,
} from './refresh-coordinator.ts';

const user = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'ada@example.test',
  name: 'Ada',
  role: 'customer' as const,
  emailVerified: true,
  mfaEnabled: false,
};

/**
 * The API's refresh endpoint as one browser sees it: tabs share one cookie jar, every refresh
 * rotates the cookie, and presenting a spent token revokes the whole session (reuse detection).
 */
function fakeRefreshEndpoint(latencyMs = 5) {
  let cookie = 'refresh-1';
  const spent = new Set<string>();
  let revoked = false;
  let issued = 0;
  const stats = { requests: 0, reuseDetected: 0 };
  async function refresh(): Promise<RefreshResponse | undefined> {
    stats.requests++;
    const sent = cookie; // the cookie as it is when the request leaves
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (revoked) return undefined;
    if (spent.has(sent)) {
      revoked = true;
      stats.reuseDetected++;
      return undefined;
    }
    spent.add(sent);
    issued++;
    cookie = `refresh-${issued + 1}`;
    return { accessToken: `access-${issued}`, expiresIn: 900 };
  }
  return { refresh, stats };
}

/** A tab: its own coordinator, connected to the shared channel, recording what it heard. */
function openTab(options: Parameters<typeof createRefreshCoordinator>[0]) {
  const coordinator = createRefreshCoordinator(options);
  const events: CoordinatorEvent[] = [];
  coordinator.subscribe((event) => events.push(event));
  coordinator.connect();
  return { coordinator, events };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('refresh coordinator', () => {
  it('(the fake endpoint is honest) two tabs refreshing at once without coordination trip reuse detection', async () => {
    const endpoint = fakeRefreshEndpoint();
    const results = await Promise.all([endpoint.refresh(), endpoint.refresh()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(endpoint.stats.reuseDetected).toBe(1);
  });

  it('two tabs needing a token at once make a single refresh; the second adopts the first one’s token', async () => {
    const endpoint = fakeRefreshEndpoint();
    const locks = createFakeLocks();
    const hub = createChannelHub();
    const tabA = openTab({ refresh: endpoint.refresh, locks, openChannel: hub.open });
    const tabB = openTab({ refresh: endpoint.refresh, locks, openChannel: hub.open });

    const [a, b] = await Promise.all([tabA.coordinator.refresh(), tabB.coordinator.refresh()]);

    expect(a).toBe('access-1');
    expect(b).toBe('access-1');
    expect(endpoint.stats).toEqual({ requests: 1, reuseDetected: 0 });
    expect(locks.grants).toEqual([REFRESH_LOCK_NAME, REFRESH_LOCK_NAME]);
    expect(tabB.events).toEqual([
      expect.objectContaining({
        type: 'token',
        origin: 'other-tab',
        token: expect.objectContaining({ accessToken: 'access-1' }),
      }),
    ]);
  });

  it('when the broadcast is late, the lock still makes the second refresh send the rotated cookie', async () => {
    const endpoint = fakeRefreshEndpoint();
    const locks = createFakeLocks();
    const hub = createChannelHub({ delayMs: 20 });
    const tabA = openTab({ refresh: endpoint.refresh, locks, openChannel: hub.open });
    const tabB = openTab({ refresh: endpoint.refresh, locks, openChannel: hub.open });

    const [a, b] = await Promise.all([tabA.coordinator.refresh(), tabB.coordinator.refresh()]);
    await settle();

    expect([a, b]).toEqual(['access-1', 'access-2']);
    expect(endpoint.stats).toEqual({ requests: 2, reuseDetected: 0 });
    // Each tab ends up with the newest token, whichever tab fetched it.
    expect(tabA.coordinator.current()?.accessToken).toBe('access-2');
    expect(tabB.coordinator.current()?.accessToken).toBe('access-2');
  });

  it('without Web Locks, concurrent refreshes in one tab share a single request', async () => {
    const endpoint = fakeRefreshEndpoint();
    const { coordinator } = openTab({ refresh: endpoint.refresh });
    const tokens = await Promise.all([coordinator.refresh(), coordinator.refresh(), coordinator.refresh()]);
    expect(tokens).toEqual(['access-1', 'access-1', 'access-1']);
    expect(endpoint.stats.requests).toBe(1);
    // The next need for a token is a new refresh.
    await expect(coordinator.refresh()).resolves.toBe('access-2');
  });

  it('a refresh refused because the session is over signs out this tab only', async () => {
    const hub = createChannelHub();
    const tabA = openTab({ refresh: async () => undefined, openChannel: hub.open });
    const tabB = openTab({ refresh: async () => undefined, openChannel: hub.open });
    await expect(tabA.coordinator.refresh()).resolves.toBeUndefined();
    await settle();
    expect(tabA.events).toEqual([{ type: 'signed-out', origin: 'this-tab' }]);
    expect(tabB.events).toEqual([]);
    expect(hub.sent).toEqual([]);
  });

  it('a sign-in and a sign-out in one tab reach every other tab', async () => {
    const hub = createChannelHub();
    const refresh = async () => undefined;
    const tabA = openTab({ refresh, openChannel: hub.open });
    const tabB = openTab({ refresh, openChannel: hub.open });
    const token = { accessToken: 'access-9', expiresAt: Date.now() + 900_000, rememberMe: false };

    tabA.coordinator.publish(token, user);
    await settle();
    expect(tabB.coordinator.current()).toEqual(token);
    expect(tabB.events).toEqual([{ type: 'token', token, user, origin: 'other-tab' }]);

    tabA.coordinator.signOut();
    await settle();
    expect(tabB.coordinator.current()).toBeUndefined();
    expect(tabB.events.at(-1)).toEqual({ type: 'signed-out', reason: 'user', origin: 'other-tab' });
  });

  it('shares user activity at most every 15 seconds', () => {
    const hub = createChannelHub();
    let now = 1_000_000;
    const tab = openTab({ refresh: async () => undefined, openChannel: hub.open, now: () => now });
    tab.coordinator.reportActivity();
    now += 14_999;
    tab.coordinator.reportActivity();
    now += 1;
    tab.coordinator.reportActivity();
    expect(hub.sent).toEqual([
      { type: 'activity', at: 1_000_000 },
      { type: 'activity', at: 1_015_000 },
    ]);
  });

  it('ignores malformed messages', () => {
    expect(isAuthMessage({ type: 'token', token: { accessToken: 1 } })).toBe(false);
    expect(isAuthMessage('signed-out')).toBe(false);
    expect(isAuthMessage({ type: 'signed-out' })).toBe(true);
  });
});
