import { useSyncExternalStore } from 'react';

/**
 * Where the shopper wants tax and shipping estimated (`?country&region` on every cart call). It is
 * app-wide, not the cart page's own state, so the header, the add buttons and the cart page share
 * one cart query (one cache key) instead of several that disagree. Kept for the browser tab only.
 */
export interface CartEstimate {
  country?: string;
  region?: string;
}

const STORAGE_KEY = 'securecart.cartEstimate';
const NONE: CartEstimate = {};
const listeners = new Set<() => void>();
let cached: { raw: string | null; value: CartEstimate } = { raw: null, value: NONE };

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};

/** Only where storage is switched off (privacy modes). */
let inMemory: string | null = null;

const read = (): CartEstimate => {
  const store = storage();
  const raw = store ? store.getItem(STORAGE_KEY) : inMemory;
  // The same object while nothing changed, as useSyncExternalStore requires.
  if (raw !== cached.raw) {
    let value = NONE;
    try {
      value = raw ? (JSON.parse(raw) as CartEstimate) : NONE;
    } catch {
      // A hand-edited value: estimate without a destination.
    }
    cached = { raw, value };
  }
  return cached.value;
};

export const cartEstimate = {
  set(next: CartEstimate) {
    const raw = next.country
      ? JSON.stringify({ country: next.country, region: next.region || undefined })
      : null;
    const store = storage();
    if (!store) inMemory = raw;
    else if (raw) store.setItem(STORAGE_KEY, raw);
    else store.removeItem(STORAGE_KEY);
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useCartEstimate(): CartEstimate {
  return useSyncExternalStore(cartEstimate.subscribe, read, () => NONE);
}
