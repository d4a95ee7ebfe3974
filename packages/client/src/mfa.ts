import type { MfaDisableBody, MfaRecoveryCodes, MfaSetup } from '@securecart/contract';
import type { Http } from './http.ts';

/** `/auth/mfa`: turning TOTP two-factor sign-in on and off for the signed-in user. */
export function mfaApi(http: Http) {
  return {
    /** A new secret and its QR code; nothing is enforced until `enableMfa` confirms a code. */
    setupMfa: (password: string) =>
      http.request<MfaSetup>('/auth/mfa/setup', { method: 'POST', body: { password } }),
    /** The recovery codes come back this once only. */
    enableMfa: (code: string) =>
      http.request<MfaRecoveryCodes>('/auth/mfa/enable', { method: 'POST', body: { code } }),
    /** `code` is a current TOTP or an unused recovery code. */
    disableMfa: (body: MfaDisableBody) => http.request<void>('/auth/mfa/disable', { method: 'POST', body }),
  };
}
