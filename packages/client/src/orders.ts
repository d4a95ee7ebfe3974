import type { Order, Page } from '@securecart/contract';
import type { Http } from './http.ts';

export function ordersApi(http: Http) {
  return {
    listMine: (params: { page?: number; pageSize?: number } = {}, signal?: AbortSignal) =>
      http.request<Page<Omit<Order, 'timeline'>>>('/me/orders', { query: params, signal }),
    getMine: (id: string, signal?: AbortSignal) =>
      http.request<Order>(`/me/orders/${encodeURIComponent(id)}`, { signal }),
    /** A guest's order, with the email and token from the confirmation email's link. */
    getAsGuest: (number: string, email: string, token: string, signal?: AbortSignal) =>
      http.request<Order>(`/orders/${encodeURIComponent(number)}`, { query: { email, token }, signal }),
    /** Attaches a guest order placed with the signed-in account's verified email. */
    claim: (number: string) =>
      http.request<Order>(`/orders/${encodeURIComponent(number)}/claim`, { method: 'POST' }),
  };
}
