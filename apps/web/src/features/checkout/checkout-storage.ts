/**
 * What the browser keeps about a checkout. The draft itself lives on the server; the browser only
 * remembers which draft a guest was in (localStorage, so a reload or a new tab finds it again) and
 * the half-typed fields of the current step (sessionStorage, per draft, this tab only). Card data
 * is never written anywhere.
 */
const DRAFT_KEY = 'securecart.checkoutId';
const fieldsKey = (draftId: string, step: string) => `securecart.checkout.${draftId}.${step}`;

// Storage can be switched off (privacy modes): the checkout then simply is not restored.
const attempt = <T>(work: () => T): T | undefined => {
  try {
    return work();
  } catch {
    return undefined;
  }
};

export const rememberCheckout = (id: string) => attempt(() => localStorage.setItem(DRAFT_KEY, id));
export const rememberedCheckout = (): string | undefined =>
  attempt(() => localStorage.getItem(DRAFT_KEY)) ?? undefined;

export function forgetCheckout(id: string) {
  attempt(() => {
    if (localStorage.getItem(DRAFT_KEY) === id) localStorage.removeItem(DRAFT_KEY);
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(fieldsKey(id, ''))) sessionStorage.removeItem(key);
    }
  });
}

export function saveStepFields(draftId: string, step: string, values: object) {
  attempt(() => sessionStorage.setItem(fieldsKey(draftId, step), JSON.stringify(values)));
}

export function loadStepFields<T extends object>(draftId: string, step: string, defaults: T): T {
  const stored = attempt(() => sessionStorage.getItem(fieldsKey(draftId, step)));
  if (!stored) return defaults;
  const parsed = attempt(() => JSON.parse(stored) as Partial<T>);
  return parsed && typeof parsed === 'object' ? { ...defaults, ...parsed } : defaults;
}

export const hasStepFields = (draftId: string, step: string): boolean =>
  Boolean(attempt(() => sessionStorage.getItem(fieldsKey(draftId, step))));
