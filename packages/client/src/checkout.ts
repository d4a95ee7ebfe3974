import type {
  Checkout,
  CheckoutAddressBody,
  CheckoutResumed,
  CompleteCheckoutBody,
  CurrentCheckout,
  OrderPlaced,
  Page,
  PaymentStarted,
  StartCheckoutBody,
} from '@securecart/contract';
import type { Http } from './http.ts';

export interface ShippingOption {
  id: string;
  name: string;
  priceCents: number;
  estimatedDays: number;
}

/** Checkout calls; `cartHeaders` selects a guest's cart (`X-Cart-Token`), as the cart client does. */
export function checkoutApi(http: Http, cartHeaders: () => Record<string, string>) {
  const at = (id: string, step = '') => `/checkout/${encodeURIComponent(id)}${step}`;
  return {
    start: (body: StartCheckoutBody = {}) =>
      http.request<Checkout>('/checkout', { method: 'POST', body, headers: cartHeaders() }),
    /** The open draft, or `{ checkout: null }`: a read that, unlike `start`, never creates one. */
    current: (signal?: AbortSignal) =>
      http.request<CurrentCheckout>('/checkout/current', { headers: cartHeaders(), signal }),
    get: (id: string, signal?: AbortSignal) =>
      http.request<Checkout>(at(id), { headers: cartHeaders(), signal }),
    setAddress: (id: string, body: CheckoutAddressBody) =>
      http.request<Checkout>(at(id, '/address'), { method: 'PUT', body, headers: cartHeaders() }),
    shippingMethods: (id: string, signal?: AbortSignal) =>
      http.request<Page<ShippingOption>>(at(id, '/shipping-methods'), { headers: cartHeaders(), signal }),
    setShipping: (id: string, methodId: string) =>
      http.request<Checkout>(at(id, '/shipping'), {
        method: 'PUT',
        body: { methodId },
        headers: cartHeaders(),
      }),
    startPayment: (id: string) =>
      http.request<PaymentStarted>(at(id, '/payment'), { method: 'POST', headers: cartHeaders() }),
    /** Pass one idempotency key per attempt and reuse it on retries: never two orders. */
    complete: (id: string, body: CompleteCheckoutBody, idempotencyKey?: string) =>
      http.request<OrderPlaced>(at(id, '/complete'), {
        method: 'POST',
        body,
        headers: { ...cartHeaders(), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      }),
    /** The recovery email's link; guests get a fresh `cartToken` to store as their cart token. */
    resume: (token: string) =>
      http.request<CheckoutResumed>('/checkout/resume', { method: 'POST', body: { token } }),
    /** The recovery email's `&optOut=1` link: no more reminders for that checkout. */
    optOutOfRecovery: (token: string) =>
      http.request<void>('/checkout/resume/opt-out', { method: 'POST', body: { token } }),
  };
}
