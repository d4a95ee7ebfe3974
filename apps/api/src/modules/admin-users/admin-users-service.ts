import type { AdminUser, AdminUserListQuery, AdminUserUpdate, Page } from '@securecart/contract';
import type { Actor } from '../../lib/actor.ts';
import { invalidFields, notFound, unprocessable } from '../../lib/errors.ts';
import type { Passwords } from '../../lib/passwords.ts';
import { requireCurrentPassword } from '../../lib/reauthenticate.ts';
import type { RequestContext } from '../auth/auth-common.ts';
import type { PasswordResetService } from '../auth/password-reset-service.ts';
import type { SessionsService } from '../auth/sessions-service.ts';
import type { AdminUserRow, AdminUsersQueries } from './admin-users-queries.ts';

export function toAdminUser(row: AdminUserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.emailVerifiedAt !== null,
    mfaEnabled: row.mfaEnabledAt !== null,
    locked: row.lockedAt !== null,
    lockedAt: row.lockedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

const canAdminister = (user: Pick<AdminUserRow, 'role' | 'lockedAt' | 'deletedAt'>) =>
  user.role === 'admin' && user.lockedAt === null && user.deletedAt === null;

export interface AdminUsersDeps {
  queries: AdminUsersQueries;
  passwords: Pick<Passwords, 'verify' | 'verifyDummy'>;
  sessions: Pick<SessionsService, 'revokeAllForUser'>;
  /** The existing forgot-password flow: same token, same email, same expiry. */
  passwordReset: Pick<PasswordResetService, 'forgotPassword'>;
  clock: () => Date;
}

export function adminUsersService({ queries, passwords, sessions, passwordReset, clock }: AdminUsersDeps) {
  async function load(id: string): Promise<AdminUserRow> {
    const user = await queries.find(id);
    if (!user) throw notFound('User');
    return user;
  }

  return {
    async list(query: AdminUserListQuery): Promise<Page<AdminUser>> {
      const { page, pageSize, ...filter } = query;
      const { rows, total } = await queries.list(filter, pageSize, (page - 1) * pageSize);
      return { items: rows.map(toAdminUser), page, pageSize, total };
    },

    async get(id: string): Promise<AdminUser> {
      return toAdminUser(await load(id));
    },

    /**
     * Role and lock changes. A role change asks for the acting admin's own password (a stolen
     * admin token alone cannot mint admins); no change may leave the shop without an admin who
     * can sign in. Either change ends the user's sessions so it takes effect at once.
     */
    async update(id: string, body: AdminUserUpdate, actor: Actor): Promise<AdminUser> {
      if (body.role !== undefined) {
        if (!body.currentPassword) {
          throw invalidFields([{ path: 'currentPassword', message: 'required to change a role' }]);
        }
        await requireCurrentPassword(
          passwords,
          await queries.passwordHashOf(actor.userId),
          body.currentPassword,
        );
      }
      const now = clock();
      const after = await queries.transaction(async (tx) => {
        // Admin rows first, in id order, then the target: one lock order for every caller.
        const admins = await queries.lockActiveAdmins(tx);
        const before = await queries.find(id, tx, true);
        if (!before || before.deletedAt) throw notFound('User');
        const role = body.role ?? before.role;
        const lockedAt =
          body.locked === undefined ? before.lockedAt : body.locked ? (before.lockedAt ?? now) : null;
        const next = { ...before, role, lockedAt };
        if (canAdminister(before) && !canAdminister(next) && admins.every((adminId) => adminId === id)) {
          throw unprocessable('The shop must keep at least one admin who can sign in.', 'last_admin');
        }
        await queries.update(id, { role, lockedAt }, now, tx);
        const target = { targetType: 'user', targetId: id };
        if (role !== before.role) {
          await actor.audit(
            'user.role_changed',
            { ...target, details: { before: { role: before.role }, after: { role } } },
            tx,
          );
        }
        const wasLocked = before.lockedAt !== null;
        const isLocked = lockedAt !== null;
        if (wasLocked !== isLocked) {
          await actor.audit(
            isLocked ? 'user.locked' : 'user.unlocked',
            { ...target, details: { before: { locked: wasLocked }, after: { locked: isLocked } } },
            tx,
          );
        }
        if ((isLocked && !wasLocked) || role !== before.role) {
          await sessions.revokeAllForUser(id, isLocked ? 'admin_locked' : 'role_changed', {}, tx);
        }
        return next;
      });
      return toAdminUser(after);
    },

    async sendPasswordReset(id: string, actor: Actor, ctx: RequestContext): Promise<void> {
      const user = await load(id);
      if (user.deletedAt) throw notFound('User');
      await passwordReset.forgotPassword(user.email, ctx);
      await actor.audit('user.password_reset_sent', { targetType: 'user', targetId: id });
    },

    async revokeSessions(id: string, actor: Actor): Promise<void> {
      await load(id);
      const revoked = await sessions.revokeAllForUser(id, 'admin_revoked');
      await actor.audit('user.sessions_revoked', {
        targetType: 'user',
        targetId: id,
        details: { count: revoked.length },
      });
    },
  };
}
export type AdminUsersService = ReturnType<typeof adminUsersService>;
