import { createClient, type SecureCartClient } from '@securecart/client';
import { createContext, useContext } from 'react';
import { cartToken } from '../features/cart/cart-token.ts';

/** The SPA is served by the API, so the client talks to its own origin (the dev server proxies). */
export const apiClient: SecureCartClient = createClient({ baseUrl: '/api/v1', cartToken: cartToken.get });

/**
 * The client every query goes through. The default is the app's instance, so no provider is needed
 * in production; tests render `<ApiClientContext value={…}>` to point it at their own origin.
 */
export const ApiClientContext = createContext<SecureCartClient>(apiClient);

export function useApiClient(): SecureCartClient {
  return useContext(ApiClientContext);
}
