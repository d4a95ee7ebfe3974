import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingState } from '../components/loading-state.tsx';
import { RequireAuth } from '../features/auth/session/require-auth.tsx';
import { RootLayout } from './layout/root-layout.tsx';
import { CatalogPage } from './routes/catalog-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { ProductPage } from './routes/product-page.tsx';
import { RouteError } from './routes/route-error.tsx';

// Sign-in, sign-up and the account area are code-split: most visits are catalog browsing.
const page =
  <T,>(load: () => Promise<T>, pick: (module: T) => ComponentType) =>
  async () => ({
    Component: pick(await load()),
  });

/** Shared by the browser router and by tests, which mount the same tree in a memory router. */
export const routes: RouteObject[] = [
  // The back offices have their own layout (and their own routes, guards and 403 page).
  {
    path: 'admin/*',
    lazy: page(
      () => import('./routes/admin/admin-app.tsx'),
      (m) => m.AdminApp,
    ),
  },
  {
    path: 'seller/*',
    lazy: page(
      () => import('./routes/seller/seller-app.tsx'),
      (m) => m.SellerApp,
    ),
  },
  {
    element: <RootLayout />,
    // Shown while a code-split page loads on the very first navigation.
    HydrateFallback: () => <LoadingState label="Loading…" />,
    children: [
      {
        // Errors render inside the layout, so the header and the way home survive a crash.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <CatalogPage /> },
          { path: 'products/:slug', element: <ProductPage /> },
          {
            path: 'login',
            lazy: page(
              () => import('./routes/login-page.tsx'),
              (m) => m.LoginPage,
            ),
          },
          {
            path: 'register',
            lazy: page(
              () => import('./routes/register-page.tsx'),
              (m) => m.RegisterPage,
            ),
          },
          {
            path: 'verify-email',
            lazy: page(
              () => import('./routes/verify-email-page.tsx'),
              (m) => m.VerifyEmailPage,
            ),
          },
          {
            path: 'forgot-password',
            lazy: page(
              () => import('./routes/forgot-password-page.tsx'),
              (m) => m.ForgotPasswordPage,
            ),
          },
          {
            path: 'reset-password',
            lazy: page(
              () => import('./routes/reset-password-page.tsx'),
              (m) => m.ResetPasswordPage,
            ),
          },
          {
            path: 'cart',
            lazy: page(
              () => import('./routes/cart-page.tsx'),
              (m) => m.CartPage,
            ),
          },
          {
            // The checkout owns its sub-paths (steps, confirmation, /checkout/resume).
            path: 'checkout/*',
            lazy: page(
              () => import('./routes/checkout/checkout-routes.tsx'),
              (m) => m.CheckoutRoutes,
            ),
          },
          {
            // A guest's order, from the confirmation email's link (?email=…&token=…).
            path: 'orders/:number',
            lazy: page(
              () => import('./routes/order-lookup-page.tsx'),
              (m) => m.OrderLookupPage,
            ),
          },
          {
            path: 'privacy',
            lazy: page(
              () => import('./routes/privacy-policy-page.tsx'),
              (m) => m.PrivacyPolicyPage,
            ),
          },
          {
            path: 'account',
            element: <RequireAuth />,
            children: [
              {
                lazy: page(
                  () => import('./routes/account/account-layout.tsx'),
                  (m) => m.AccountLayout,
                ),
                children: [
                  {
                    index: true,
                    lazy: page(
                      () => import('./routes/account/profile-page.tsx'),
                      (m) => m.ProfilePage,
                    ),
                  },
                  {
                    path: 'addresses',
                    lazy: page(
                      () => import('./routes/account/addresses-page.tsx'),
                      (m) => m.AddressesPage,
                    ),
                  },
                  {
                    path: 'security',
                    lazy: page(
                      () => import('./routes/account/security-page.tsx'),
                      (m) => m.SecurityPage,
                    ),
                  },
                  {
                    path: 'orders',
                    lazy: page(
                      () => import('./routes/account/orders-page.tsx'),
                      (m) => m.OrdersPage,
                    ),
                  },
                  {
                    path: 'orders/:id',
                    lazy: page(
                      () => import('./routes/account/order-detail-page.tsx'),
                      (m) => m.OrderDetailPage,
                    ),
                  },
                  {
                    path: 'wishlist',
                    lazy: page(
                      () => import('./routes/account/wishlist-page.tsx'),
                      (m) => m.WishlistPage,
                    ),
                  },
                  {
                    path: 'privacy',
                    lazy: page(
                      () => import('./routes/account/privacy-page.tsx'),
                      (m) => m.PrivacyPage,
                    ),
                  },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
