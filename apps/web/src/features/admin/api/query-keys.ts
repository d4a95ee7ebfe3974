/** Every admin query key starts with one of these, so a write invalidates exactly its area. */
export const ADMIN_PRODUCTS_KEY = ['admin', 'products'] as const;
export const ADMIN_ORDERS_KEY = ['admin', 'orders'] as const;
export const ADMIN_REPORTS_KEY = ['admin', 'reports'] as const;
