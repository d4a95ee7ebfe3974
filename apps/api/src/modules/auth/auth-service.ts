import type { loginBodySchema, loginMfaBodySchema } from '@securecart/contract';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import { decrypt } from '../../lib/crypto.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { AppError, unauthorized } from '../../lib/errors.ts';
import type { Passwords } from '../../lib/passwords.ts';
import { hashRecoveryCode, matchTotp } from '../../lib/totp.ts';
import { ACCESS_TOKEN_TTL_SECONDS, type AuthUser } from '../../plugins/auth.ts';
import { buildLink } from '../../plugins/mailer.ts';
import type { Outbox } from '../mail/outbox.ts';
import type { MfaQueries } from '../mfa/mfa-queries.ts';
import { active, type RequestContext } from './auth-common.ts';
import { accountLockedMail } from './auth-mail.ts';
import type { AuthQueries, AuthUserRow } from './auth-queries.ts';
import type { MfaTokens } from './mfa-token.ts';
import type { SessionsService } from './sessions-service.ts';

export const LOGIN_FAILURES_BEFORE_LOCK = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LOCK_MS = 15 * 60 * 1000;

export interface AuthServiceDeps {
  config: Pick<Config, 'publicUrl' | 'privacyPolicyVersion' | 'encryptionKey'>;
  queries: AuthQueries;
  recoveryCodes: Pick<MfaQueries, 'useRecoveryCode'>;
  sessions: Pick<SessionsService, 'start' | 'rotate' | 'end'>;
  passwords: Pick<Passwords, 'verify' | 'verifyDummy'>;
  outbox: Pick<Outbox, 'send'>;
  mfaTokens: MfaTokens;
  signAccessToken: (user: AuthUser) => string;
  clock: () => Date;
}

export type SignedIn = {
  kind: 'session';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  rememberMe: boolean;
  /** When the refresh cookie should expire (remember-me) — otherwise a browser-session cookie. */
  expiresAt: Date;
  user: {
    id: string;
    email: string;
    name: string;
    role: AuthUserRow['role'];
    emailVerified: boolean;
    mfaEnabled: boolean;
  };
};
export type LoginOutcome = SignedIn | { kind: 'mfa'; mfaToken: string };

const invalidCredentials = () => unauthorized('Email or password is not correct.', 'invalid_credentials');
const loginPaused = () =>
  new AppError(
    423,
    'Locked',
    'Too many failed sign-in attempts: sign-in is paused for 15 minutes. Resetting your password lifts the pause.',
    'login_locked',
  );
const accountLocked = () =>
  new AppError(423, 'Locked', 'This account is locked. Please contact support.', 'account_locked');

const toAuthUser = (user: AuthUserRow): SignedIn['user'] => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  emailVerified: user.emailVerifiedAt !== null,
  mfaEnabled: user.mfaEnabledAt !== null,
});

/** Sign-in (password, then the second factor when 2FA is on), token refresh and sign-out. */
export function authService(deps: AuthServiceDeps) {
  const { config, queries, sessions, passwords, outbox, clock } = deps;
  const later = (ms: number) => new Date(clock().getTime() + ms);

  /** Counts a failure; the fifth within the window starts the lock, audited and emailed once. */
  async function recordFailure(
    emailKey: string,
    failures: number,
    user: AuthUserRow | undefined,
    ctx: RequestContext,
    reason: string,
  ) {
    await ctx.audit('auth.login.failed', {
      actorId: user?.id ?? null,
      actorEmail: emailKey,
      details: { reason },
    });
    if (failures < LOGIN_FAILURES_BEFORE_LOCK) return;
    const now = clock();
    const lockedUntil = later(LOGIN_LOCK_MS);
    if (!(await queries.lockLogin(emailKey, lockedUntil, now))) return;
    await ctx.audit('auth.locked', {
      actorId: user?.id ?? null,
      actorEmail: emailKey,
      details: { lockedUntil: lockedUntil.toISOString() },
    });
    if (user) outbox.send(accountLockedMail(user.email, buildLink(config, '/forgot-password', {})));
  }

  async function passwordMatches(user: AuthUserRow | undefined, password: string) {
    if (user?.passwordHash) return passwords.verify(user.passwordHash, password);
    // Unknown email: the same argon2 cost, so response time does not reveal whether it is registered.
    await passwords.verifyDummy(password);
    return false;
  }

  /** Reserves an attempt before any password or code is checked; refuses while the email is locked. */
  async function reserveAttempt(emailKey: string, user: AuthUserRow | undefined, ctx: RequestContext) {
    const now = clock();
    const attempt = await queries.reserveLoginAttempt(emailKey, now, LOGIN_FAILURE_WINDOW_MS);
    const locked =
      (attempt.lockedUntil !== null && attempt.lockedUntil > now) ||
      attempt.failures > LOGIN_FAILURES_BEFORE_LOCK;
    if (locked) {
      await ctx.audit('auth.login.failed', {
        actorId: user?.id ?? null,
        actorEmail: emailKey,
        details: { reason: 'locked' },
      });
      throw loginPaused();
    }
    return attempt.failures;
  }

  async function startSession(
    user: AuthUserRow,
    options: { rememberMe: boolean; acceptPrivacy: boolean; method: string },
    ctx: RequestContext,
  ): Promise<SignedIn> {
    if (options.acceptPrivacy && user.privacyPolicyVersion !== config.privacyPolicyVersion) {
      await queries.acceptPrivacy(user.id, config.privacyPolicyVersion, clock());
      await ctx.audit('user.privacy_accepted', {
        actorId: user.id,
        actorEmail: user.email,
        details: { version: config.privacyPolicyVersion },
      });
    }
    // An admin session is too valuable to keep for 30 days on some browser.
    const rememberMe = options.rememberMe && user.role !== 'admin';
    const session = await sessions.start({
      userId: user.id,
      rememberMe,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await ctx.audit('auth.login.succeeded', {
      actorId: user.id,
      actorEmail: user.email,
      targetType: 'session',
      targetId: session.sessionId,
      details: { method: options.method, rememberMe },
    });
    return {
      kind: 'session',
      accessToken: deps.signAccessToken({ id: user.id, role: user.role, sid: session.sessionId }),
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken: session.refreshToken,
      rememberMe,
      expiresAt: session.expiresAt,
      user: toAuthUser(user),
    };
  }

  async function secondFactorAccepted(user: AuthUserRow, body: z.output<typeof loginMfaBodySchema>) {
    const now = clock();
    if (body.code !== undefined) {
      const step = matchTotp(decrypt(config.encryptionKey, user.mfaSecretEnc!), body.code, now);
      return step !== null && (await queries.acceptTotpStep(user.id, step, now));
    }
    const codeHash = hashRecoveryCode(body.recoveryCode ?? '');
    return queries.transaction((tx) => deps.recoveryCodes.useRecoveryCode(user.id, codeHash, now, tx));
  }

  return {
    async login(body: z.output<typeof loginBodySchema>, ctx: RequestContext): Promise<LoginOutcome> {
      const emailKey = normalizeEmail(body.email);
      const user = active(await queries.findUserByEmail(emailKey));
      const failures = await reserveAttempt(emailKey, user, ctx);
      const passwordOk = await passwordMatches(user, body.password);
      if (!user || !passwordOk) {
        await recordFailure(emailKey, failures, user, ctx, user ? 'wrong_password' : 'unknown_email');
        throw invalidCredentials();
      }
      await queries.forgetLoginFailures(emailKey, clock());
      // Only someone who knows the password learns that an admin locked the account.
      if (user.lockedAt) {
        await ctx.audit('auth.login.failed', {
          actorId: user.id,
          actorEmail: emailKey,
          details: { reason: 'account_locked' },
        });
        throw accountLocked();
      }
      if (user.privacyPolicyVersion !== config.privacyPolicyVersion && !body.acceptPrivacy) {
        throw new AppError(
          428,
          'Precondition Required',
          'The privacy policy has changed. Review it and sign in again with acceptPrivacy: true.',
          'privacy_policy_update_required',
          { privacyPolicyVersion: config.privacyPolicyVersion },
        );
      }
      const acceptPrivacy = body.acceptPrivacy === true;
      if (user.mfaEnabledAt && user.mfaSecretEnc) {
        return {
          kind: 'mfa',
          mfaToken: deps.mfaTokens.sign({ userId: user.id, rememberMe: body.rememberMe, acceptPrivacy }),
        };
      }
      return startSession(user, { rememberMe: body.rememberMe, acceptPrivacy, method: 'password' }, ctx);
    },

    /** The second step: a TOTP code (each time step accepted once) or a single-use recovery code. */
    async loginMfa(body: z.output<typeof loginMfaBodySchema>, ctx: RequestContext): Promise<SignedIn> {
      const pending = deps.mfaTokens.verify(body.mfaToken);
      const user = pending && active(await queries.findUserById(pending.userId));
      if (!pending || !user?.mfaEnabledAt || !user.mfaSecretEnc) {
        throw unauthorized(
          'This sign-in step is invalid or has expired; sign in again.',
          'invalid_mfa_token',
        );
      }
      // Codes are guessed against the same per-email budget as passwords.
      const failures = await reserveAttempt(user.email, user, ctx);
      if (!(await secondFactorAccepted(user, body))) {
        await recordFailure(user.email, failures, user, ctx, 'wrong_mfa_code');
        throw unauthorized('The code is not correct or was already used.', 'invalid_mfa_code');
      }
      await queries.forgetLoginFailures(user.email, clock());
      if (user.lockedAt) throw accountLocked();
      return startSession(
        user,
        {
          rememberMe: pending.rememberMe,
          acceptPrivacy: pending.acceptPrivacy,
          method: body.code !== undefined ? 'totp' : 'recovery_code',
        },
        ctx,
      );
    },

    async refresh(token: string, ctx: RequestContext) {
      const result = await sessions.rotate(token);
      if (result.kind === 'reused') {
        await ctx.audit('auth.refresh.reuse_detected', {
          actorId: result.userId,
          targetType: 'session',
          targetId: result.sessionId,
        });
        throw unauthorized(
          'This refresh token was already used, so the session has been ended. Sign in again.',
          'refresh_token_reused',
        );
      }
      if (result.kind === 'invalid') {
        throw unauthorized('The session has ended or expired. Sign in again.', 'invalid_refresh_token');
      }
      return {
        accessToken: deps.signAccessToken({
          id: result.user.id,
          role: result.user.role,
          sid: result.sessionId,
        }),
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        refreshToken: result.refreshToken,
        rememberMe: result.rememberMe,
        expiresAt: result.expiresAt,
      };
    },

    /** Always succeeds for the caller; a rotated token is audited as reuse (its family is ended too). */
    async logout(token: string | undefined, ctx: RequestContext): Promise<void> {
      if (!token) return;
      const result = await sessions.end(token);
      if (result.kind === 'invalid') return;
      await ctx.audit(result.kind === 'reused' ? 'auth.refresh.reuse_detected' : 'auth.logout', {
        actorId: result.userId,
        targetType: 'session',
        targetId: result.sessionId,
      });
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
