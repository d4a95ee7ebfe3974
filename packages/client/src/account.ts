import type {
  AcceptedMessage,
  AccountExport,
  Address,
  AddressBody,
  AddressPatchBody,
  ChangeEmailBody,
  ChangePasswordBody,
  Page,
  Profile,
  UpdateProfileBody,
} from '@securecart/contract';
import type { Http } from './http.ts';

const addressPath = (id: string) => `/me/addresses/${encodeURIComponent(id)}`;

/** `/me`: the signed-in user's own profile, credentials, addresses and personal data. */
export function accountApi(http: Http) {
  return {
    getMe: (signal?: AbortSignal) => http.request<Profile>('/me', { signal }),
    /** Only name, phone, dateOfBirth and preferences change; preferences merge key by key. */
    updateMe: (body: UpdateProfileBody) => http.request<Profile>('/me', { method: 'PATCH', body }),
    /** Every other session is signed out; this one stays. */
    changePassword: (body: ChangePasswordBody) =>
      http.request<void>('/me/password', { method: 'POST', body }),
    /** Takes effect once the link emailed to the new address is opened. */
    changeEmail: (body: ChangeEmailBody) =>
      http.request<AcceptedMessage>('/me/email', { method: 'POST', body }),
    listAddresses: (params: { page?: number; pageSize?: number } = {}, signal?: AbortSignal) =>
      http.request<Page<Address>>('/me/addresses', { query: params, signal }),
    createAddress: (body: AddressBody) => http.request<Address>('/me/addresses', { method: 'POST', body }),
    updateAddress: (id: string, body: AddressPatchBody) =>
      http.request<Address>(addressPath(id), { method: 'PATCH', body }),
    deleteAddress: (id: string) => http.request<void>(addressPath(id), { method: 'DELETE' }),
    exportData: (signal?: AbortSignal) => http.request<AccountExport>('/me/export', { signal }),
    /** Irreversible: erases personal data and ends every session. */
    deleteAccount: (password: string) => http.request<void>('/me', { method: 'DELETE', body: { password } }),
  };
}
