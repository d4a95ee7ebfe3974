import type { OrderStatus, Page, SellerOrderLine, SellerSalesReport, ShipOrder } from '@securecart/contract';
import { productManagementApi, type ReportRangeParams } from './admin.ts';
import type { Http } from './http.ts';

export interface SellerOrderListParams {
  status?: OrderStatus;
  shipped?: boolean;
  page?: number;
  pageSize?: number;
}

const id = (value: string) => encodeURIComponent(value);

/** The seller's own products (another seller's are a 404); same shapes as the admin calls. */
export function sellerApi(http: Http) {
  return {
    ...productManagementApi(http, '/seller/products'),
    listOrderLines: (params: SellerOrderListParams = {}, signal?: AbortSignal) =>
      http.request<Page<SellerOrderLine>>('/seller/orders', {
        query: { ...params, shipped: params.shipped === undefined ? undefined : String(params.shipped) },
        signal,
      }),
    /** Another seller's line is a 404. */
    shipOrderLine: (orderId: string, productId: string, body: ShipOrder) =>
      http.request<SellerOrderLine>(`/seller/orders/${id(orderId)}/lines/${id(productId)}/ship`, {
        method: 'POST',
        body,
      }),
    salesReport: (params: ReportRangeParams, signal?: AbortSignal) =>
      http.request<SellerSalesReport>('/seller/reports/sales', { query: { ...params }, signal }),
    salesReportCsv: (params: ReportRangeParams) =>
      http.request<string>('/seller/reports/sales', { query: { ...params, format: 'csv' } }),
  };
}
