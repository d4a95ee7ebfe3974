/**
 * Where to go after signing in. Only a path on this site: `//evil.example` or `/\evil.example` would
 * leave it (an open redirect), and going back to a sign-in page would loop.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/account'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/^\/(login|register)(?:[/?#]|$)/.test(next)) return fallback;
  return next;
}
