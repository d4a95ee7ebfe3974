import { composeMail, IF_NOT_YOU } from '../mail/compose.ts';

export const mfaChangedMail = (to: string, enabled: boolean) =>
  composeMail(to, 'mfa_changed', enabled ? 'Two-factor sign-in is on' : 'Two-factor sign-in was turned off', [
    enabled
      ? 'Two-factor sign-in is now on for your SecureCart account. Keep your recovery codes somewhere safe.'
      : 'Two-factor sign-in was turned off for your SecureCart account; signing in now needs only your password.',
    IF_NOT_YOU,
  ]);
