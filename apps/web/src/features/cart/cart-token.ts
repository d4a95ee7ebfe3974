/**
 * The guest cart's bearer token (`X-Cart-Token`). It lives in localStorage so a guest's cart
 * survives reloads and new tabs for its 30 idle days; it is forgotten at sign-in, when the server
 * has merged that cart into the user's own (which then follows the account, not the browser).
 */
const STORAGE_KEY = 'securecart.cartToken';

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be switched off (privacy modes): the cart then lasts as long as the page.
    return undefined;
  }
};

/** Only where storage is switched off; otherwise storage alone is the truth (cleared = no cart). */
let inMemory: string | undefined;

export const cartToken = {
  get: (): string | undefined => {
    const store = storage();
    return store ? (store.getItem(STORAGE_KEY) ?? undefined) : inMemory;
  },
  set(token: string) {
    const store = storage();
    if (store) store.setItem(STORAGE_KEY, token);
    else inMemory = token;
  },
  clear() {
    inMemory = undefined;
    storage()?.removeItem(STORAGE_KEY);
  },
};
