import { Navigate, Route, Routes } from 'react-router';
import { AreaNotFound } from '../../../features/backoffice/components/area-not-found.tsx';
import {
  BackofficeLayout,
  type NavItem,
} from '../../../features/backoffice/components/backoffice-layout.tsx';
import { RequireRole } from '../../../features/backoffice/components/require-role.tsx';
import { SellerOrdersPage } from './orders-page.tsx';
import { SellerProductEditPage } from './product-edit-page.tsx';
import { SellerProductNewPage } from './product-new-page.tsx';
import { SellerProductsPage } from './products-page.tsx';
import { SellerSalesPage } from './sales-page.tsx';

const NAV: readonly NavItem[] = [
  { to: '/seller/products', label: 'Products' },
  { to: '/seller/orders', label: 'Orders' },
  { to: '/seller/sales', label: 'Sales' },
];

/** Everything under /seller: sellers, and admins (the API's seller routes admit both). */
export function SellerApp() {
  return (
    <RequireRole roles={['seller', 'admin']}>
      <BackofficeLayout area="Seller" nav={NAV}>
        <Routes>
          {/* The products are where a seller's day starts. */}
          <Route index element={<Navigate to="products" replace />} />
          <Route path="products" element={<SellerProductsPage />} />
          <Route path="products/new" element={<SellerProductNewPage />} />
          <Route path="products/:id" element={<SellerProductEditPage />} />
          <Route path="orders" element={<SellerOrdersPage />} />
          <Route path="sales" element={<SellerSalesPage />} />
          <Route path="*" element={<AreaNotFound home="/seller" />} />
        </Routes>
      </BackofficeLayout>
    </RequireRole>
  );
}
