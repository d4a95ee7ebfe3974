import { composeMail, IF_NOT_YOU } from '../mail/compose.ts';

export const passwordChangedMail = (to: string) =>
  composeMail(to, 'password_changed', 'Your SecureCart password was changed', [
    'The password of your SecureCart account was just changed, and every other device was signed out.',
    IF_NOT_YOU,
  ]);

// Both answers to an email change share one kind, so the per-address mail quota cannot tell them apart.
const EMAIL_CHANGE_KIND = 'email_change';

export const confirmNewEmailMail = (to: string, link: string) =>
  composeMail(
    to,
    EMAIL_CHANGE_KIND,
    'Confirm your new SecureCart email address',
    [
      'You asked to sign in to SecureCart with this address from now on. Open the link below within 24 hours to confirm it.',
      'If you did not ask for this, ignore this email: nothing changes.',
    ],
    link,
  );

export const emailAlreadyRegisteredMail = (to: string) =>
  composeMail(to, EMAIL_CHANGE_KIND, 'Your SecureCart email change', [
    'Someone asked to move a SecureCart account to this address, but this address already has an account of its own, so nothing was changed.',
    'If it was you, sign in with this address instead. Otherwise you can ignore this email.',
  ]);

export const emailChangeRequestedMail = (to: string, newEmail: string) =>
  composeMail(to, 'email_change_notice', 'Your SecureCart sign-in email is about to change', [
    `A change of your sign-in email to ${newEmail} was requested. It takes effect only once confirmed from that address.`,
    IF_NOT_YOU,
  ]);
