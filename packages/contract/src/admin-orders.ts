import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.ts';
import { ORDER_STATUSES, orderItemSchema, orderSchema, orderSummarySchema } from './orders.ts';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a date');

export const formatQuerySchema = z
  .enum(['json', 'csv'])
  .default('json')
  .describe('`csv` answers a `text/csv` attachment of the same data');

export const adminOrderListQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(ORDER_STATUSES).optional(),
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
