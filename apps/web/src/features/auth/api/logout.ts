import type { SecureCartClient } from '@securecart/client';

/** Ends this session on the server and clears the refresh cookie; the token in memory goes too. */
export const logout = (client: SecureCartClient): Promise<void> => client.auth.logout();
