/** The one spelling of an address used for lookups, uniqueness and throttling keys. */
export const normalizeEmail = (raw: string) => raw.trim().normalize('NFKC').toLowerCase();
