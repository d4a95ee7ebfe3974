/**
 * The password composition rules, mirrored from the API (apps/api/src/lib/passwords.ts) because the
 * contract exports only a description string. The SPA shows them live while the user types; the
 * server stays the authority and also refuses common passwords (a 400 listing every rule broken).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordRule {
  id: string;
  label: string;
  test: (password: string) => boolean;
}

/** Counted in code points, as the server counts, so an emoji is one character, not two. */
const length = (password: string) => [...password].length;

export const PASSWORD_RULES: readonly PasswordRule[] = [
  {
    id: 'length',
    label: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`,
    test: (password) => length(password) >= PASSWORD_MIN_LENGTH && length(password) <= PASSWORD_MAX_LENGTH,
  },
  { id: 'upper', label: 'An upper-case letter', test: (password) => /\p{Lu}/u.test(password) },
  { id: 'lower', label: 'A lower-case letter', test: (password) => /\p{Ll}/u.test(password) },
  { id: 'digit', label: 'A digit', test: (password) => /\p{Nd}/u.test(password) },
  {
    id: 'special',
    label: 'A special character, such as ! ? # or -',
    test: (password) => /[^\p{L}\p{Nd}\s]/u.test(password),
  },
];

export const meetsPasswordRules = (password: string): boolean =>
  PASSWORD_RULES.every((rule) => rule.test(password));
