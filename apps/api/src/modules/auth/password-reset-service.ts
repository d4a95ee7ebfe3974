import type { Config } from '../../config.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { type Passwords, passwordProblems } from '../../lib/passwords.ts';
import { buildLink } from '../../plugins/mailer.ts';
import type { Outbox } from '../mail/outbox.ts';
import { active, invalidEmailToken, type RequestContext, weakPassword } from './auth-common.ts';
import { passwordResetDoneMail, passwordResetMail } from './auth-mail.ts';
import type { AuthQueries } from './auth-queries.ts';
import type { SessionsService } from './sessions-service.ts';

export const RESET_PASSWORD_TOKEN_TTL_MS = 30 * 60 * 1000;

export interface PasswordResetServiceDeps {
  config: Pick<Config, 'publicUrl'>;
  queries: AuthQueries;
  sessions: Pick<SessionsService, 'revokeAllForUser'>;
  passwords: Pick<Passwords, 'hash'>;
  outbox: Pick<Outbox, 'send'>;
  clock: () => Date;
}

/** Forgot / reset password by emailed single-use link; works while sign-in is locked, and lifts the lock. */
export function passwordResetService({
  config,
  queries,
  sessions,
  passwords,
  outbox,
  clock,
}: PasswordResetServiceDeps) {
  return {
    async forgotPassword(rawEmail: string, ctx: RequestContext): Promise<void> {
      const emailKey = normalizeEmail(rawEmail);
      const user = active(await queries.findUserByEmail(emailKey));
      await ctx.audit('auth.password.reset_requested', {
        actorId: null,
        actorEmail: emailKey,
        targetId: user?.id,
      });
      if (!user) return;
      const token = randomToken();
      await queries.insertEmailToken({
        userId: user.id,
        purpose: 'reset_password',
        tokenHash: sha256(token),
        expiresAt: new Date(clock().getTime() + RESET_PASSWORD_TOKEN_TTL_MS),
        now: clock(),
      });
      outbox.send(passwordResetMail(user.email, buildLink(config, '/reset-password', { token })));
    },

    /** Sets the password, ends every session, lifts a login lock and spends every open reset link. */
    async resetPassword(token: string, newPassword: string, ctx: RequestContext): Promise<void> {
      const now = clock();
      const tokenHash = sha256(token);
      const pending = await queries.findLiveEmailToken(tokenHash, 'reset_password', now);
      const user = pending && active(await queries.findUserById(pending.userId));
      if (!user) throw invalidEmailToken();
      const problems = passwordProblems(newPassword, { email: user.email, name: user.name });
      if (problems.length > 0) throw weakPassword(problems, 'newPassword');
      const passwordHash = await passwords.hash(newPassword);
      await queries.transaction(async (tx) => {
        if (!(await queries.consumeEmailToken(tokenHash, ['reset_password'], now, tx)))
          throw invalidEmailToken();
        await queries.setPassword(user.id, passwordHash, now, tx);
        await queries.spendOpenTokens(user.id, 'reset_password', now, tx);
        await queries.liftLoginLock(user.email, tx);
        await sessions.revokeAllForUser(user.id, 'password_reset', {}, tx);
        await ctx.audit('auth.password.reset', { actorId: user.id, actorEmail: user.email }, tx);
      });
      outbox.send(passwordResetDoneMail(user.email));
    },
  };
}
export type PasswordResetService = ReturnType<typeof passwordResetService>;
