import type { ChangeEmailBody, ChangePasswordBody, Profile, UpdateProfileBody } from '@securecart/contract';
import type { Executor } from '@securecart/db';
import type { Actor } from '../../lib/actor.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { badRequest, invalidFields, unauthorized } from '../../lib/errors.ts';
import { type Passwords, passwordProblems } from '../../lib/passwords.ts';
import { requireCurrentPassword } from '../../lib/reauthenticate.ts';
import { buildLink } from '../../plugins/mailer.ts';
import type { Outbox } from '../mail/outbox.ts';
import {
  confirmNewEmailMail,
  emailAlreadyRegisteredMail,
  emailChangeRequestedMail,
  passwordChangedMail,
} from './account-mail.ts';
import type { AccountQueries, UserRow } from './account-queries.ts';

const EMAIL_CHANGE_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export type RevokeAllSessions = (
  userId: string,
  reason: string,
  options?: { exceptSessionId?: string },
  tx?: Executor,
) => Promise<unknown>;

export interface AccountServiceDeps {
  queries: AccountQueries;
  passwords: Pick<Passwords, 'hash' | 'verify' | 'verifyDummy'>;
  revokeAllSessions: RevokeAllSessions;
  outbox: Pick<Outbox, 'send'>;
  clock: () => Date;
  publicUrl: string;
}

export function toProfile(row: UserRow): Profile {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    dateOfBirth: row.dateOfBirth,
    role: row.role,
    emailVerified: row.emailVerifiedAt !== null,
    mfaEnabled: row.mfaEnabledAt !== null,
    preferences: row.preferences,
  };
}

/** An access token can outlive its account by a few minutes: an erased account is signed out (401). */
export async function requireActiveUser(
  queries: Pick<AccountQueries, 'findActiveUser'>,
  userId: string,
): Promise<UserRow> {
  const user = await queries.findActiveUser(userId);
  if (!user) throw unauthorized();
  return user;
}

export function accountService({
  queries,
  passwords,
  revokeAllSessions,
  outbox,
  clock,
  publicUrl,
}: AccountServiceDeps) {
  return {
    async getProfile(userId: string): Promise<Profile> {
      return toProfile(await requireActiveUser(queries, userId));
    },

    /** The body schema already dropped role, email and anything unknown; only these fields reach SQL. */
    async updateProfile(actor: Actor, body: UpdateProfileBody): Promise<Profile> {
      const { name, phone, dateOfBirth, preferences } = body;
      const row = await queries.updateProfile(
        actor.userId,
        { name, phone, dateOfBirth, preferences },
        clock(),
      );
      if (!row) throw unauthorized();
      const fields = Object.entries(body)
        .filter(([, value]) => value !== undefined)
        .map(([field]) => field);
      if (fields.length > 0) {
        await actor.audit('user.profile.updated', {
          targetType: 'user',
          targetId: row.id,
          details: { fields },
        });
      }
      return toProfile(row);
    },

    async changePassword(actor: Actor, { currentPassword, newPassword }: ChangePasswordBody): Promise<void> {
      const user = await requireActiveUser(queries, actor.userId);
      await requireCurrentPassword(passwords, user.passwordHash, currentPassword);
      if (newPassword === currentPassword) {
        throw badRequest('The new password must be different from the current one.', 'password_unchanged');
      }
      const problems = passwordProblems(newPassword, { email: user.email, name: user.name });
      if (problems.length > 0) {
        throw invalidFields(
          problems.map((message) => ({ path: 'newPassword', message })),
          'The new password does not meet the password rules.',
        );
      }
      const passwordHash = await passwords.hash(newPassword);
      await queries.transaction(async (tx) => {
        await queries.setPasswordHash(user.id, passwordHash, clock(), tx);
        await queries.deleteUnusedTokens(user.id, 'reset_password', tx);
        // The device that changed it stays signed in; every other one (perhaps an attacker's) is out.
        await revokeAllSessions(user.id, 'password_changed', { exceptSessionId: actor.sessionId }, tx);
        await actor.audit('auth.password.changed', { targetType: 'user', targetId: user.id }, tx);
      });
      outbox.send(passwordChangedMail(user.email));
    },

    /**
     * Nothing changes until the link sent to the new address is used, which proves it is theirs.
     * The answer is the same whether or not the address already has an account: only its owner
     * learns that, by email.
     */
    async requestEmailChange(actor: Actor, { currentPassword, newEmail }: ChangeEmailBody): Promise<void> {
      const user = await requireActiveUser(queries, actor.userId);
      await requireCurrentPassword(passwords, user.passwordHash, currentPassword);
      const email = normalizeEmail(newEmail);
      if (email === user.email) throw badRequest('That is already your email address.', 'email_unchanged');
      if (await queries.isEmailTaken(email, user.id)) {
        outbox.send(emailAlreadyRegisteredMail(email));
      } else {
        const token = randomToken();
        await queries.transaction(async (tx) => {
          // Only the latest request counts; an older link left in a mailbox stops working.
          await queries.deleteUnusedTokens(user.id, 'change_email', tx);
          await queries.insertEmailToken(
            {
              userId: user.id,
              purpose: 'change_email',
              tokenHash: sha256(token),
              newEmail: email,
              expiresAt: new Date(clock().getTime() + EMAIL_CHANGE_TOKEN_TTL_MS),
            },
            tx,
          );
        });
        outbox.send(confirmNewEmailMail(email, buildLink({ publicUrl }, '/verify-email', { token })));
      }
      outbox.send(emailChangeRequestedMail(user.email, email));
      await actor.audit('auth.email_change.requested', {
        targetType: 'user',
        targetId: user.id,
        details: { newEmail: email },
      });
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
