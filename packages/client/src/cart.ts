import type { Cart, CartCreated, CartEstimateQuery } from '@securecart/contract';
import type { Http } from './http.ts';

export interface CartClientOptions {
  /**
   * The guest cart token from `cart.create()`, sent as `X-Cart-Token` on cart (and checkout)
   * calls. The SPA keeps it (e.g. in localStorage) and passes a getter so a new token is picked up.
   */
  cartToken?: string | (() => string | undefined);
}

/** `POST /cart` answers a guest with a token; a signed-in caller only gets its cart id. */
export type CreatedCart = CartCreated | { cartId: string; cartToken?: undefined };

export function cartApi(http: Http, options: CartClientOptions = {}) {
  const headers = (): Record<string, string> => {
    const token = typeof options.cartToken === 'function' ? options.cartToken() : options.cartToken;
    return token ? { 'x-cart-token': token } : {};
  };
  const estimate = (query: CartEstimateQuery = {}) => ({ country: query.country, region: query.region });

  return {
    /** Headers that select the guest cart; checkout calls send them too. */
    headers,
    create: () => http.request<CreatedCart>('/cart', { method: 'POST', headers: headers() }),
    get: (query?: CartEstimateQuery, signal?: AbortSignal) =>
      http.request<Cart>('/cart', { query: estimate(query), headers: headers(), signal }),
    addItem: (productId: string, quantity: number, query?: CartEstimateQuery) =>
      http.request<Cart>('/cart/items', {
        method: 'POST',
        body: { productId, quantity },
        query: estimate(query),
        headers: headers(),
      }),
    /** Quantity 0 removes the line. */
    updateItem: (productId: string, quantity: number, query?: CartEstimateQuery) =>
      http.request<Cart>(`/cart/items/${encodeURIComponent(productId)}`, {
        method: 'PATCH',
        body: { quantity },
        query: estimate(query),
        headers: headers(),
      }),
    removeItem: (productId: string) =>
      http.request<void>(`/cart/items/${encodeURIComponent(productId)}`, {
        method: 'DELETE',
        headers: headers(),
      }),
  };
}
