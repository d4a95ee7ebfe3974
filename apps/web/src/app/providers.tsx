import type { SecureCartClient } from '@securecart/client';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type AuthEnvironment, AuthProvider } from '../features/auth/session/auth-provider.tsx';
import { ApiClientContext, apiClient } from '../lib/api-client.ts';
import { createQueryClient } from '../lib/query-client.ts';

interface AppProvidersProps {
  children: ReactNode;
  /** Tests pass their own client and a query client without retries. */
  client?: SecureCartClient;
  queryClient?: QueryClient;
  /** Tests pass fake Web Locks, BroadcastChannel and timers; the browser's otherwise. */
  authEnvironment?: AuthEnvironment;
}

export function AppProviders({
  children,
  client = apiClient,
  queryClient,
  authEnvironment,
}: AppProvidersProps) {
  // One query cache for the life of the app, created lazily so a re-render never drops it.
  const [ownQueryClient] = useState(() => queryClient ?? createQueryClient());
  return (
    <ApiClientContext value={client}>
      <QueryClientProvider client={ownQueryClient}>
        <AuthProvider environment={authEnvironment}>{children}</AuthProvider>
      </QueryClientProvider>
    </ApiClientContext>
  );
}
