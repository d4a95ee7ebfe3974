import { accountApi } from './account.ts';
import { adminApi } from './admin.ts';
import { type AuthClientOptions, authApi } from './auth.ts';
import { type CartClientOptions, cartApi } from './cart.ts';
import { catalogApi } from './catalog.ts';
import { checkoutApi } from './checkout.ts';
import { Http, type HttpOptions } from './http.ts';
import { mfaApi } from './mfa.ts';
import { ordersApi } from './orders.ts';
import { reviewsApi } from './reviews.ts';
import { sellerApi } from './seller.ts';
import { wishlistApi } from './wishlist.ts';

export type {
  AdminOrderListParams,
  AdminProductListParams,
  AdminUserListParams,
  AuditLogParams,
  InventoryReportParams,
  ReportRangeParams,
} from './admin.ts';
export type { AuthClientOptions } from './auth.ts';
export type { CartClientOptions, CreatedCart } from './cart.ts';
export type { ProductListParams } from './catalog.ts';
export type { ShippingOption } from './checkout.ts';
export { ApiError } from './errors.ts';
export type { HttpOptions } from './http.ts';

/** The typed SecureCart client: the SPA, the tests and third parties all use this. */
export function createClient(options: HttpOptions & CartClientOptions & AuthClientOptions) {
  const http = new Http(options);
  const cart = cartApi(http, options);
  const auth = authApi(http, options, cart.headers);
  // A 401 on a signed-in call triggers exactly one refresh, then one retry (see Http).
  http.refreshAccessToken = () => auth.refresh().then((result) => result.accessToken);
  return {
    http,
    auth,
    account: accountApi(http),
    mfa: mfaApi(http),
    catalog: catalogApi(http),
    cart,
    wishlist: wishlistApi(http),
    checkout: checkoutApi(http, cart.headers),
    orders: ordersApi(http),
    reviews: reviewsApi(http),
    admin: adminApi(http),
    seller: sellerApi(http),
  };
}
export type SecureCartClient = ReturnType<typeof createClient>;
