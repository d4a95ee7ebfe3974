import { Route, Routes } from 'react-router';
import { AreaNotFound } from '../../../features/backoffice/components/area-not-found.tsx';
import {
  BackofficeLayout,
  type NavItem,
} from '../../../features/backoffice/components/backoffice-layout.tsx';
import { RequireRole } from '../../../features/backoffice/components/require-role.tsx';
import { AuditPage } from './audit-page.tsx';
import { DashboardPage } from './dashboard-page.tsx';
import { OrderDetailPage } from './order-detail-page.tsx';
import { OrdersPage } from './orders-page.tsx';
import { ProductEditPage } from './product-edit-page.tsx';
import { ProductNewPage } from './product-new-page.tsx';
import { ProductsPage } from './products-page.tsx';
import { ReportsPage } from './reports-page.tsx';
import { UserDetailPage } from './user-detail-page.tsx';
import { UsersPage } from './users-page.tsx';

const NAV: readonly NavItem[] = [
  { to: '/admin', label: 'Dashboard', end: true },
  { to: '/admin/products', label: 'Products' },
  { to: '/admin/orders', label: 'Orders' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/reports', label: 'Reports' },
  { to: '/admin/audit', label: 'Audit log' },
];

/** Everything under /admin: admins only (the API checks the role on every call as well). */
export function AdminApp() {
  return (
    <RequireRole roles={['admin']}>
      <BackofficeLayout area="Admin" nav={NAV}>
        <Routes>
          <Route index element={<DashboardPage />} />
          <Route path="products" element={<ProductsPage />} />
          <Route path="products/new" element={<ProductNewPage />} />
          <Route path="products/:id" element={<ProductEditPage />} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="orders/:id" element={<OrderDetailPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="users/:id" element={<UserDetailPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="*" element={<AreaNotFound home="/admin" />} />
        </Routes>
      </BackofficeLayout>
    </RequireRole>
  );
}
