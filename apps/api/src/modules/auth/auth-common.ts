import type { Executor } from '@securecart/db';
import { badRequest, invalidFields } from '../../lib/errors.ts';
import type { AuditFields } from '../audit/audit.ts';
import type { AuthUserRow } from './auth-queries.ts';

/** What the auth services see of the HTTP request: where it came from, and how to audit. */
export interface RequestContext {
  ip: string;
  userAgent: string | undefined;
  audit(action: string, fields?: AuditFields, tx?: Executor): Promise<void>;
}

export const invalidEmailToken = () =>
  badRequest('This link is invalid, was already used or has expired.', 'invalid_token');

export const weakPassword = (problems: string[], field: string) =>
  invalidFields(
    problems.map((message) => ({ path: field, message })),
    'The password does not meet the rules',
  );

/** Deleted (erased) accounts behave exactly like addresses nobody registered. */
export const active = (user: AuthUserRow | undefined) => (user && !user.deletedAt ? user : undefined);
