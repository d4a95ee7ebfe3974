import { createClient } from '@securecart/client';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '../app/providers.tsx';
import { routes } from '../app/router.tsx';
import type { AuthEnvironment } from '../features/auth/session/auth-provider.tsx';
import { cartToken } from '../features/cart/cart-token.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { fakeAccount } from './auth-handlers.ts';
import { createChannelHub, createFakeLocks } from './fake-tabs.ts';
import { TEST_API } from './handlers.ts';

interface RenderAppOptions {
  /** Start with a live refresh cookie, so the silent refresh at start restores the session. */
  signedIn?: boolean;
  /** Fake Web Locks and BroadcastChannel; by default a browser with this one tab. */
  authEnvironment?: AuthEnvironment;
  /** Drive user-event with vitest's fake timers (set up with `shouldAdvanceTime`). */
  fakeTimers?: boolean;
}

/** Mounts the whole app at `path`, talking to the msw fake API, with a fresh cache and no retries. */
export function renderApp(path = '/', options: RenderAppOptions = {}) {
  if (options.signedIn) fakeAccount.signedIn = true;
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const client = createClient({ baseUrl: TEST_API, cartToken: cartToken.get });
  const queryClient = createQueryClient({ retry: false });
  const user = userEvent.setup(options.fakeTimers ? { advanceTimers: vi.advanceTimersByTime } : {});
  const authEnvironment = options.authEnvironment ?? {
    locks: createFakeLocks(),
    openChannel: createChannelHub().open,
  };
  const view = render(
    <AppProviders client={client} queryClient={queryClient} authEnvironment={authEnvironment}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  /** The current URL's path and query, as the address bar would show it. */
  const url = () => `${router.state.location.pathname}${router.state.location.search}`;
  return { ...view, router, user, url, client };
}
