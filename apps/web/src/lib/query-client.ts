import { ApiError } from '@securecart/client';
import { type DefaultOptions, QueryClient } from '@tanstack/react-query';

const MAX_RETRIES = 2;
const CATALOG_STALE_MS = 30 * 1000;

/** A 4xx answer will not change by asking again (a 429 is retried by the user, after its wait). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(queries: DefaultOptions['queries'] = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: CATALOG_STALE_MS, retry: shouldRetry, ...queries },
    },
  });
}
