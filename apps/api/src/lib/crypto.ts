import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 32;
const GCM_IV_BYTES = 12;

/** An unguessable opaque token (refresh tokens, emailed links): 256 bits, URL-safe. */
export const randomToken = () => randomBytes(TOKEN_BYTES).toString('base64url');

/** Tokens are stored only as this digest, so a database leak yields nothing usable. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** AES-256-GCM with a random IV; the result is `iv.tag.data`, each part base64url. */
export function encrypt(key: Buffer, plaintext: string): string {
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.');
}

/** Throws when the ciphertext was tampered with or sealed under another key. */
export function decrypt(key: Buffer, ciphertext: string): string {
  const [iv, tag, data] = ciphertext.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !data || iv.length !== GCM_IV_BYTES) throw new Error('Malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

/** Compares secrets without leaking, through timing, how many leading characters matched. */
export function timingSafeEqualStrings(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the length itself is not leaked either.
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
