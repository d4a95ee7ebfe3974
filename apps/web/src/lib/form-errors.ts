import { ApiError } from '@securecart/client';
import { problemMessage } from './problem-message.ts';

export type FieldErrors = Record<string, string>;

/**
 * The server's (and zod's) field messages are mostly fragments — "is required", "must contain a
 * digit" — written to follow the field's name; anything else is a sentence of its own.
 */
export function fieldMessage(label: string, message: string): string {
  if (/^(is|must|may)\b/.test(message)) return `${label} ${message}.`.replace(/\.\.$/, '.');
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** `address.postalCode`, `/postalCode` or `postalCode` all name the same field. */
const normalisePath = (path: string) => path.replace(/^\//, '').replaceAll('/', '.');

/**
 * Field-level messages from a problem+json 400 (`errors[].path`), one per field (the first wins,
 * except that several messages for one field are joined, e.g. every password rule broken).
 */
export function fieldErrorsFrom(error: unknown, labels: Record<string, string>): FieldErrors {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const grouped: Record<string, string[]> = {};
  for (const { path, message } of error.problem.errors) {
    const field = normalisePath(path);
    grouped[field] = [...(grouped[field] ?? []), message];
  }
  const result: FieldErrors = {};
  for (const [field, messages] of Object.entries(grouped)) {
    const label = labels[field] ?? 'This field';
    result[field] = messages.map((message) => fieldMessage(label, message)).join(' ');
  }
  return result;
}

/** Field errors from zod issues, in the same words the server would use. */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  labels: Record<string, string>,
): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (result[field]) continue;
    result[field] = fieldMessage(labels[field] ?? 'This field', issue.message);
  }
  return result;
}

export const LOCKED_MESSAGE =
  'This account is temporarily locked. Try again in 15 minutes or reset your password.';

/**
 * One sentence for the top of a form: what went wrong and what to do. Field-level 400s are shown
 * beside their fields, so the summary for them is short.
 */
export function formErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return problemMessage(error);
  if (error.status === 429) {
    return error.retryAfter
      ? `Too many attempts. Try again in ${error.retryAfter} seconds.`
      : 'Too many attempts. Try again in a minute.';
  }
  if (error.status === 423 && error.problem.code !== 'account_locked') return LOCKED_MESSAGE;
  if (error.status === 400 && error.problem.errors?.length) return 'Please correct the fields marked below.';
  return problemMessage(error);
}

export const problemCode = (error: unknown): string | undefined =>
  error instanceof ApiError ? error.problem.code : undefined;

export const isStatus = (error: unknown, status: number): boolean =>
  error instanceof ApiError && error.status === status;
