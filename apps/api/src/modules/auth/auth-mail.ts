import { composeMail, IF_NOT_YOU } from '../mail/compose.ts';

export const verifyEmailMail = (to: string, name: string, link: string) =>
  composeMail(
    to,
    'verify_email',
    'Confirm your SecureCart email address',
    [
      `Hello ${name},`,
      'Welcome to SecureCart. Open the link below within 24 hours to confirm your email address.',
      'If you did not create an account, ignore this email.',
    ],
    link,
  );

/** Sent instead of a verification link when someone registers an address that already has an account. */
export const alreadyRegisteredMail = (to: string, resetLink: string) =>
  composeMail(
    to,
    'register_existing',
    'Someone tried to create a SecureCart account with your email',
    [
      'Someone tried to create a new SecureCart account with this email address, which already has an account, so nothing was created.',
      'If it was you, just sign in. Forgot your password? Reset it here:',
    ],
    resetLink,
  );

export const passwordResetMail = (to: string, link: string) =>
  composeMail(
    to,
    'password_reset',
    'Reset your SecureCart password',
    [
      'Open the link below within 30 minutes to choose a new password. It works once.',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ],
    link,
  );

export const passwordResetDoneMail = (to: string) =>
  composeMail(to, 'password_changed', 'Your SecureCart password was reset', [
    'The password of your SecureCart account was just reset, and every device was signed out.',
    IF_NOT_YOU,
  ]);

export const accountLockedMail = (to: string, resetLink: string) =>
  composeMail(
    to,
    'account_locked',
    'Sign-in to your SecureCart account is paused',
    [
      'There were 5 failed attempts to sign in to your account, so sign-in is paused for 15 minutes.',
      'If it was you, wait or reset your password now (that also lifts the pause). If it was not you, resetting your password is a good idea:',
    ],
    resetLink,
  );

export const emailChangedMail = (to: string, newEmail: string) =>
  composeMail(to, 'email_changed', 'Your SecureCart sign-in email was changed', [
    `Your SecureCart account now signs in with ${newEmail}; this address is no longer used.`,
    IF_NOT_YOU,
  ]);
