import type { registerBodySchema } from '@securecart/contract';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { badRequest } from '../../lib/errors.ts';
import { type Passwords, passwordProblems } from '../../lib/passwords.ts';
import { buildLink } from '../../plugins/mailer.ts';
import type { Outbox } from '../mail/outbox.ts';
import { active, invalidEmailToken, type RequestContext, weakPassword } from './auth-common.ts';
import { alreadyRegisteredMail, emailChangedMail, verifyEmailMail } from './auth-mail.ts';
import type { AuthQueries } from './auth-queries.ts';

export const VERIFY_EMAIL_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface RegistrationServiceDeps {
  config: Pick<Config, 'publicUrl' | 'privacyPolicyVersion'>;
  queries: AuthQueries;
  passwords: Pick<Passwords, 'hash'>;
  outbox: Pick<Outbox, 'send'>;
  clock: () => Date;
}

/** Sign-up and email confirmation (also the confirmation step of an email change). */
export function registrationService({ config, queries, passwords, outbox, clock }: RegistrationServiceDeps) {
  const link = (route: string, token?: string) => buildLink(config, route, token ? { token } : {});
  const later = (ms: number) => new Date(clock().getTime() + ms);

  async function createAccount(
    body: z.output<typeof registerBodySchema>,
    email: string,
    passwordHash: string,
    verifyToken: string,
    ctx: RequestContext,
  ): Promise<boolean> {
    const now = clock();
    return queries.transaction(async (tx) => {
      const userId = await queries.insertUser(
        {
          email,
          name: body.name,
          passwordHash,
          phone: body.phone,
          dateOfBirth: body.dateOfBirth,
          privacyPolicyVersion: config.privacyPolicyVersion,
          privacyAcceptedAt: now,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
      if (!userId) return false;
      if (body.address) {
        const { isDefault: _ignored, ...address } = body.address;
        await queries.insertAddress(userId, { ...address, isDefault: true }, tx);
      }
      await queries.insertEmailToken(
        {
          userId,
          purpose: 'verify_email',
          tokenHash: sha256(verifyToken),
          expiresAt: later(VERIFY_EMAIL_TOKEN_TTL_MS),
          now,
        },
        tx,
      );
      await ctx.audit('auth.register', { actorId: userId, actorEmail: email }, tx);
      return true;
    });
  }

  return {
    /** Same status, body and cost whether or not the email is registered. */
    async register(body: z.output<typeof registerBodySchema>, ctx: RequestContext): Promise<void> {
      const email = normalizeEmail(body.email);
      const problems = passwordProblems(body.password, { email, name: body.name });
      if (problems.length > 0) throw weakPassword(problems, 'password');
      // Both branches pay for one argon2 hash, so timing does not tell them apart either.
      const passwordHash = await passwords.hash(body.password);
      const existing = await queries.findUserByEmail(email);
      const verifyToken = randomToken();
      if (!existing && (await createAccount(body, email, passwordHash, verifyToken, ctx))) {
        outbox.send(verifyEmailMail(email, body.name, link('/verify-email', verifyToken)));
        return;
      }
      // Registered already (or a concurrent registration just won): tell the owner, not the caller.
      if (!existing?.deletedAt) outbox.send(alreadyRegisteredMail(email, link('/forgot-password')));
    },

    /** Confirms a sign-up address, or completes an email change (then the old address is told). */
    async verifyEmail(token: string, ctx: RequestContext): Promise<void> {
      const now = clock();
      const changed = await queries.transaction(async (tx) => {
        const spent = await queries.consumeEmailToken(
          sha256(token),
          ['verify_email', 'change_email'],
          now,
          tx,
        );
        const user = spent && active(await queries.findUserById(spent.userId));
        if (!spent || !user) throw invalidEmailToken();
        if (spent.purpose === 'verify_email' || !spent.newEmail) {
          await queries.markEmailVerified(user.id, now, tx);
          await ctx.audit('auth.email.verified', { actorId: user.id, actorEmail: user.email }, tx);
          return undefined;
        }
        if (!(await queries.changeEmail(user.id, spent.newEmail, now, tx))) {
          throw badRequest('That email address now belongs to another account.', 'email_taken');
        }
        await ctx.audit(
          'auth.email.changed',
          { actorId: user.id, actorEmail: spent.newEmail, targetType: 'user', targetId: user.id },
          tx,
        );
        return { previousEmail: user.email, newEmail: spent.newEmail };
      });
      if (changed) outbox.send(emailChangedMail(changed.previousEmail, changed.newEmail));
    },

    async resendVerification(rawEmail: string): Promise<void> {
      const user = active(await queries.findUserByEmail(normalizeEmail(rawEmail)));
      if (!user || user.emailVerifiedAt) return;
      const token = randomToken();
      await queries.insertEmailToken({
        userId: user.id,
        purpose: 'verify_email',
        tokenHash: sha256(token),
        expiresAt: later(VERIFY_EMAIL_TOKEN_TTL_MS),
        now: clock(),
      });
      outbox.send(verifyEmailMail(user.email, user.name, link('/verify-email', token)));
    },
  };
}
export type RegistrationService = ReturnType<typeof registrationService>;
