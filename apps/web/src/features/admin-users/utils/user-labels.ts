import type { AdminUser } from '@securecart/contract';

export const ROLE_LABELS: Record<AdminUser['role'], string> = {
  customer: 'Customer',
  seller: 'Seller',
  admin: 'Admin',
};

/** For a SelectFilter or a SelectField: every role, least access first. */
export const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

export const isRole = (value: string): value is AdminUser['role'] => value in ROLE_LABELS;

/** One word for the account's state; a deleted account is neither active nor locked. */
export function accountStatus(user: Pick<AdminUser, 'deleted' | 'locked'>): string {
  if (user.deleted) return 'Deleted';
  return user.locked ? 'Locked' : 'Active';
}

export const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
