import { z } from 'zod';
import { pageOf, pageQuerySchema, problemSchema } from './common.ts';
import { ORDER_STATUSES, orderItemSchema, orderSchema, orderSummarySchema } from './orders.ts';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a date');

export const formatQuerySchema = z
  .enum(['json', 'csv'])
  .default('json')
  .describe('`csv` answers a `text/csv` attachment of the same data');

/** `status_*` follows the lifecycle order of `ORDER_STATUSES`, not the alphabet. */
export const ADMIN_ORDER_SORTS = [
  'created_desc',
  'created_asc',
  'total_desc',
  'total_asc',
  'number_asc',
  'number_desc',
  'status_asc',
  'status_desc',
] as const;
export type AdminOrderSort = (typeof ADMIN_ORDER_SORTS)[number];

export const adminOrderListQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(ORDER_STATUSES).optional(),
    sort: z
      .enum(ADMIN_ORDER_SORTS)
      .default('created_desc')
      .describe(
        'Default `created_desc` (newest first); ties go by created date in the same direction. `status_*` is lifecycle order',
      ),
    q: z
      .string()
      .trim()
      .min(1)
      .max(320)
      .optional()
      .describe('Order number or customer email (case-insensitive)'),
    from: isoDateSchema.optional().describe('Created on or after, YYYY-MM-DD UTC'),
    to: isoDateSchema.optional().describe('Created on or before, YYYY-MM-DD UTC (inclusive)'),
    format: formatQuerySchema,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: 'must not be after to' });
export type AdminOrderListQuery = z.infer<typeof adminOrderListQuerySchema>;

export const adminOrderSummarySchema = orderSummarySchema
  .extend({ customerEmail: z.string() })
  .meta({ id: 'AdminOrderSummary' });
export type AdminOrderSummary = z.infer<typeof adminOrderSummarySchema>;
export const adminOrderPageSchema = pageOf(adminOrderSummarySchema);

export const orderStatusCountsSchema = pageOf(
  z.object({ status: z.enum(ORDER_STATUSES), count: z.number().int() }).meta({ id: 'OrderStatusCount' }),
);
export type OrderStatusCounts = z.infer<typeof orderStatusCountsSchema>;

export const adminOrderItemSchema = orderItemSchema.extend({
  sellerId: z.uuid().nullable(),
  shippedAt: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
});

export const refundSchema = z
  .object({
    id: z.uuid(),
    amountCents: z.number().int(),
    reason: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    createdAt: z.string(),
  })
  .meta({ id: 'Refund' });
export type Refund = z.infer<typeof refundSchema>;

export const adminOrderSchema = orderSchema
  .extend({
    items: z.array(adminOrderItemSchema),
    customerEmail: z.string(),
    userId: z.uuid().nullable(),
    paymentProvider: z.string(),
    shippedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    refunds: z.array(refundSchema),
  })
  .meta({ id: 'AdminOrder' });
export type AdminOrder = z.infer<typeof adminOrderSchema>;

export const shipOrderSchema = z.object({
  carrier: z.string().trim().min(1).max(100),
  trackingNumber: z.string().trim().min(1).max(100),
});
export type ShipOrder = z.infer<typeof shipOrderSchema>;

export const refundOrderSchema = z.object({
  amountCents: z
    .number()
    .int()
    .positive()
    .max(100_000_000)
    .optional()
    .describe('Default: everything not refunded yet; more than that → 422'),
  reason: z.string().trim().min(1).max(500),
});
export type RefundOrder = z.infer<typeof refundOrderSchema>;

/** The 422 of a refund larger than what is left: `refundableCents` is that amount, for clients to reuse. */
export const refundExceedsProblemSchema = problemSchema
  .extend({ refundableCents: z.number().int().describe('What can still be refunded, in minor units') })
  .meta({ id: 'RefundExceedsProblem' });
export type RefundExceedsProblem = z.infer<typeof refundExceedsProblemSchema>;

// --- seller order lines ---

export const sellerOrderLineSchema = z
  .object({
    orderId: z.uuid(),
    orderNumber: z.string(),
    createdAt: z.string(),
    status: z.enum(ORDER_STATUSES),
    productId: z.uuid(),
    name: z.string(),
    quantity: z.number().int(),
    unitPriceCents: z.number().int(),
    lineTotalCents: z.number().int(),
    shippedAt: z.string().nullable(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
  })
  .meta({ id: 'SellerOrderLine' });
export type SellerOrderLine = z.infer<typeof sellerOrderLineSchema>;
export const sellerOrderLinePageSchema = pageOf(sellerOrderLineSchema);
export const sellerOrderListQuerySchema = pageQuerySchema.extend({
  status: z.enum(ORDER_STATUSES).optional(),
  shipped: z.enum(['true', 'false']).optional().describe('Only shipped (true) or unshipped (false) lines'),
});
export type SellerOrderListQuery = z.infer<typeof sellerOrderListQuerySchema>;
export const sellerOrderLineParamsSchema = z.object({ orderId: z.uuid(), productId: z.uuid() });
