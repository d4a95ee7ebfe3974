import type { MfaDisableBody, MfaRecoveryCodes, MfaSetup } from '@securecart/contract';
import QRCode from 'qrcode';
import type { Actor } from '../../lib/actor.ts';
import { decrypt, encrypt } from '../../lib/crypto.ts';
import { conflict, forbidden } from '../../lib/errors.ts';
import type { Passwords } from '../../lib/passwords.ts';
import { requireCurrentPassword } from '../../lib/reauthenticate.ts';
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  matchTotp,
  totpKeyUri,
} from '../../lib/totp.ts';
import type { AccountQueries } from '../account/account-queries.ts';
import { requireActiveUser } from '../account/account-service.ts';
import type { Outbox } from '../mail/outbox.ts';
import { mfaChangedMail } from './mfa-mail.ts';
import type { MfaQueries } from './mfa-queries.ts';

export interface MfaServiceDeps {
  queries: MfaQueries;
  users: Pick<AccountQueries, 'findActiveUser'>;
  passwords: Pick<Passwords, 'verify' | 'verifyDummy'>;
  outbox: Pick<Outbox, 'send'>;
  clock: () => Date;
  /** AES-256-GCM key: TOTP secrets are stored only encrypted. */
  encryptionKey: Buffer;
}

const alreadyEnabled = () =>
  conflict('Two-factor sign-in is already on; turn it off first.', 'mfa_already_enabled');
const wrongCode = () => forbidden('The code is not correct.', 'wrong_code');

/**
 * The time step of a valid code newer than `lastStep`: a code whose step was already spent (at
 * login or when enabling) is refused, so one seen over a shoulder or by a phishing proxy is useless.
 */
function acceptTotp(secret: string, code: string, now: Date, lastStep: number | null) {
  const step = matchTotp(secret, code, now);
  return step === null || (lastStep !== null && step <= lastStep) ? undefined : step;
}

/** Six digits are a TOTP; anything else can only be a recovery code. */
const isTotpShaped = (code: string) => /^\d{6}$/.test(code);

/** TOTP 2FA in two steps: setup stores a pending secret, enable proves the authenticator has it. */
export function mfaService({ queries, users, passwords, outbox, clock, encryptionKey }: MfaServiceDeps) {
  return {
    async setup(actor: Actor, password: string): Promise<MfaSetup> {
      const user = await requireActiveUser(users, actor.userId);
      await requireCurrentPassword(passwords, user.passwordHash, password);
      if (user.mfaEnabledAt) throw alreadyEnabled();
      const secret = generateTotpSecret();
      if (!(await queries.storePendingSecret(user.id, encrypt(encryptionKey, secret), clock()))) {
        throw alreadyEnabled();
      }
      const otpauthUrl = totpKeyUri(user.email, secret);
      return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl) };
    },

    async enable(actor: Actor, code: string): Promise<MfaRecoveryCodes> {
      const user = await requireActiveUser(users, actor.userId);
      if (user.mfaEnabledAt) throw alreadyEnabled();
      if (!user.mfaSecretEnc) {
        throw conflict('Start with POST /auth/mfa/setup to get a secret first.', 'mfa_setup_required');
      }
      const now = clock();
      const step = matchTotp(decrypt(encryptionKey, user.mfaSecretEnc), code, now);
      if (step === null) throw wrongCode();
      const recoveryCodes = generateRecoveryCodes();
      await queries.transaction(async (tx) => {
        if (!(await queries.enable(user.id, user.mfaSecretEnc!, step, now, tx))) {
          throw conflict('Two-factor setup changed meanwhile; start again.', 'mfa_setup_changed');
        }
        await queries.replaceRecoveryCodes(user.id, recoveryCodes.map(hashRecoveryCode), tx);
        await actor.audit('auth.mfa.enabled', { targetType: 'user', targetId: user.id }, tx);
      });
      outbox.send(mfaChangedMail(user.email, true));
      return { recoveryCodes };
    },

    /** Needs the password and a second factor, so neither a stolen password nor a stolen phone is enough. */
    async disable(actor: Actor, { password, code }: MfaDisableBody): Promise<void> {
      const user = await requireActiveUser(users, actor.userId);
      await requireCurrentPassword(passwords, user.passwordHash, password);
      if (!user.mfaEnabledAt || !user.mfaSecretEnc) {
        throw conflict('Two-factor sign-in is not on.', 'mfa_not_enabled');
      }
      const secret = decrypt(encryptionKey, user.mfaSecretEnc);
      const now = clock();
      const typed = code.replace(/\s/g, '');
      const method = isTotpShaped(typed) ? 'totp' : 'recovery_code';
      await queries.transaction(async (tx) => {
        const accepted =
          method === 'totp'
            ? acceptTotp(secret, typed, now, user.mfaLastStep) !== undefined
            : await queries.useRecoveryCode(user.id, hashRecoveryCode(code), now, tx);
        if (!accepted) throw wrongCode();
        await queries.disable(user.id, now, tx);
        await actor.audit(
          'auth.mfa.disabled',
          { targetType: 'user', targetId: user.id, details: { method } },
          tx,
        );
      });
      outbox.send(mfaChangedMail(user.email, false));
    },
  };
}
