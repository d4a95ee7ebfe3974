import { createClient } from '@securecart/client';
import { useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers.tsx';
import { createQueryClient } from '../../../lib/query-client.ts';
import { createChannelHub, createFakeLocks } from '../../../testing/fake-tabs.ts';
import { TEST_API } from '../../../testing/handlers.ts';
import { server } from '../../../testing/server.ts';

/** A guest's own query that starts before the start-up session check has answered. */
function GuestOrder() {
  const order = useQuery({
    queryKey: ['guest-order', 'SC-1'],
    queryFn: () => fetch(`${TEST_API}/orders/SC-1`).then((response) => response.json()),
  });
  return <p>{order.data ? `Order ${order.data.number}` : 'Loading…'}</p>;
}

describe('AuthProvider at start-up', () => {
  it('keeps a guest’s in-flight queries when no session turns up (nothing private to forget)', async () => {
    let answerOrder: () => void = () => {};
    server.use(
      http.get(
        `${TEST_API}/orders/SC-1`,
        () =>
          new Promise<Response>((resolve) => {
            answerOrder = () => resolve(HttpResponse.json({ number: 'SC-1' }));
          }),
      ),
    );
    render(
      <AppProviders
        client={createClient({ baseUrl: TEST_API })}
        queryClient={createQueryClient({ retry: false })}
        authEnvironment={{ locks: createFakeLocks(), openChannel: createChannelHub().open }}
      >
        <GuestOrder />
      </AppProviders>,
    );
    // The silent refresh finds no cookie (the fake account is signed out) while the order is pending.
    await new Promise((resolve) => setTimeout(resolve, 100));
    answerOrder();
    expect(await screen.findByText('Order SC-1')).toBeInTheDocument();
  });
});
