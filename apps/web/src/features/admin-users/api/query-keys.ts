/** Every user query key starts with this, so a write refetches exactly the user lists and details. */
export const ADMIN_USERS_KEY = ['admin', 'users'] as const;

export const userQueryKey = (id: string) => [...ADMIN_USERS_KEY, 'detail', id] as const;
