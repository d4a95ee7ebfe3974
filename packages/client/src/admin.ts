import type {
  AbandonmentReport,
  AdminOrder,
  AdminOrderSort,
  AdminOrderSummary,
  AdminProduct,
  AdminProductCreate,
  AdminProductUpdate,
  AdminUser,
  AuditEntry,
  GroupBy,
  InventoryReport,
  OrderStatus,
  OrderStatusCounts,
  Page,
  RefundOrder,
  SalesReport,
  ShipOrder,
  StockAdjustment,
  UsersReport,
} from '@securecart/contract';
import type { Http } from './http.ts';

export interface AdminProductListParams {
  q?: string;
  category?: string;
  active?: boolean;
  sellerId?: string;
  lowStock?: boolean;
  sort?: 'newest' | 'name_asc' | 'price_asc' | 'price_desc' | 'stock_asc' | 'updated';
  page?: number;
  pageSize?: number;
}

export interface AdminUserListParams {
  q?: string;
  role?: AdminUser['role'];
  page?: number;
  pageSize?: number;
}

export interface AuditLogParams {
  /** A user id or an email address. */
  actor?: string;
  action?: string;
  /** YYYY-MM-DD, UTC, inclusive. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface AdminOrderListParams {
  status?: OrderStatus;
  /** An order number or (part of) a customer email. */
  q?: string;
  /** Created dates, YYYY-MM-DD, UTC, inclusive. */
  from?: string;
  to?: string;
  /** Default `created_desc` (newest first). */
  sort?: AdminOrderSort;
  page?: number;
  pageSize?: number;
}

export interface ReportRangeParams {
  /** YYYY-MM-DD, UTC, inclusive. */
  from: string;
  to: string;
  groupBy?: GroupBy;
}

export interface InventoryReportParams {
  lowStockThreshold?: number;
  includeArchived?: boolean;
}

const id = (value: string) => encodeURIComponent(value);
const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

/** Product calls shared by the admin and seller areas; `base` is `/admin/products` or `/seller/products`. */
export function productManagementApi(http: Http, base: string) {
  return {
    listProducts: (params: AdminProductListParams = {}, signal?: AbortSignal) =>
      http.request<Page<AdminProduct>>(base, {
        query: { ...params, active: flag(params.active), lowStock: params.lowStock ? 'true' : undefined },
        signal,
      }),
    getProduct: (productId: string, signal?: AbortSignal) =>
      http.request<AdminProduct>(`${base}/${id(productId)}`, { signal }),
    createProduct: (body: AdminProductCreate) => http.request<AdminProduct>(base, { method: 'POST', body }),
    updateProduct: (productId: string, body: AdminProductUpdate) =>
      http.request<AdminProduct>(`${base}/${id(productId)}`, { method: 'PATCH', body }),
    /** Archives (kept for order history). */
    archiveProduct: (productId: string) =>
      http.request<void>(`${base}/${id(productId)}`, { method: 'DELETE' }),
    adjustStock: (productId: string, body: StockAdjustment) =>
      http.request<AdminProduct>(`${base}/${id(productId)}/stock`, { method: 'POST', body }),
    uploadImage: (productId: string, file: Blob, filename = 'image') => {
      const form = new FormData();
      form.append('file', file, filename);
      return http.request<AdminProduct>(`${base}/${id(productId)}/image`, { method: 'POST', body: form });
    },
  };
}

export function adminApi(http: Http) {
  return {
    ...productManagementApi(http, '/admin/products'),
    listUsers: (params: AdminUserListParams = {}, signal?: AbortSignal) =>
      http.request<Page<AdminUser>>('/admin/users', { query: { ...params }, signal }),
    getUser: (userId: string, signal?: AbortSignal) =>
      http.request<AdminUser>(`/admin/users/${id(userId)}`, { signal }),
    /** A role change needs the acting admin's own `currentPassword`. */
    updateUser: (
      userId: string,
      body: { role?: AdminUser['role']; locked?: boolean; currentPassword?: string },
    ) => http.request<AdminUser>(`/admin/users/${id(userId)}`, { method: 'PATCH', body }),
    sendPasswordReset: (userId: string) =>
      http.request<{ message: string }>(`/admin/users/${id(userId)}/password-reset`, { method: 'POST' }),
    revokeSessions: (userId: string) =>
      http.request<void>(`/admin/users/${id(userId)}/sessions`, { method: 'DELETE' }),
    listAuditLog: (params: AuditLogParams = {}, signal?: AbortSignal) =>
      http.request<Page<AuditEntry>>('/admin/audit-log', { query: { ...params }, signal }),
    listOrders: (params: AdminOrderListParams = {}, signal?: AbortSignal) =>
      http.request<Page<AdminOrderSummary>>('/admin/orders', { query: { ...params }, signal }),
    /** The filtered order list as CSV text (for a download). */
    exportOrdersCsv: (params: Omit<AdminOrderListParams, 'page' | 'pageSize'> = {}) =>
      http.request<string>('/admin/orders', { query: { ...params, format: 'csv' } }),
    /** Every status with its number of orders, zeros included. */
    orderStatusCounts: (signal?: AbortSignal) =>
      http.request<OrderStatusCounts>('/admin/orders/status-counts', { signal }),
    getOrder: (orderId: string, signal?: AbortSignal) =>
      http.request<AdminOrder>(`/admin/orders/${id(orderId)}`, { signal }),
    shipOrder: (orderId: string, body: ShipOrder) =>
      http.request<AdminOrder>(`/admin/orders/${id(orderId)}/ship`, { method: 'POST', body }),
    completeOrder: (orderId: string) =>
      http.request<AdminOrder>(`/admin/orders/${id(orderId)}/complete`, { method: 'POST' }),
    /** Pass a fresh `idempotencyKey` per refund the admin intends (and reuse it on retry). */
    refundOrder: (orderId: string, body: RefundOrder, idempotencyKey?: string) =>
      http.request<AdminOrder>(`/admin/orders/${id(orderId)}/refund`, {
        method: 'POST',
        body,
        headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined,
      }),
    salesReport: (params: ReportRangeParams, signal?: AbortSignal) =>
      http.request<SalesReport>('/admin/reports/sales', { query: { ...params }, signal }),
    inventoryReport: (params: InventoryReportParams = {}, signal?: AbortSignal) =>
      http.request<InventoryReport>('/admin/reports/inventory', {
        query: { ...params, includeArchived: flag(params.includeArchived) },
        signal,
      }),
    usersReport: (params: ReportRangeParams, signal?: AbortSignal) =>
      http.request<UsersReport>('/admin/reports/users', { query: { ...params }, signal }),
    abandonmentReport: (params: ReportRangeParams, signal?: AbortSignal) =>
      http.request<AbandonmentReport>('/admin/reports/abandonment', { query: { ...params }, signal }),
    /** Any report as CSV text (for a download). */
    reportCsv: (
      report: 'sales' | 'inventory' | 'users' | 'abandonment',
      params: Partial<ReportRangeParams> & InventoryReportParams = {},
    ) =>
      http.request<string>(`/admin/reports/${report}`, {
        query: { ...params, includeArchived: flag(params.includeArchived), format: 'csv' },
      }),
  };
}
