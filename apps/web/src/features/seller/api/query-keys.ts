import type { SecureCartClient } from '@securecart/client';

/** Every seller query key starts with one of these, so a write invalidates exactly its area. */
export const SELLER_PRODUCTS_KEY = ['seller', 'products'] as const;
export const SELLER_ORDERS_KEY = ['seller', 'orders'] as const;
export const SELLER_REPORTS_KEY = ['seller', 'reports'] as const;

type SellerApi = SecureCartClient['seller'];
// The client's index does not re-export these parameter types; derive them from the calls.
export type SellerProductListParams = NonNullable<Parameters<SellerApi['listProducts']>[0]>;
export type SellerOrderListParams = NonNullable<Parameters<SellerApi['listOrderLines']>[0]>;
export type SellerReportParams = Parameters<SellerApi['salesReport']>[0];
