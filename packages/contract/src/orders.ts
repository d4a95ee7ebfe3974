import { z } from 'zod';
import { checkoutAddressSchema } from './checkout.ts';

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'completed',
  'cancelled',
  'refunded',
  'partially_refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orderItemSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  lineTotalCents: z.number().int(),
});

export const orderSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    status: z.enum(ORDER_STATUSES),
    items: z.array(orderItemSchema),
    subtotalCents: z.number().int(),
    taxCents: z.number().int(),
    shippingCents: z.number().int(),
    totalCents: z.number().int(),
    refundedCents: z.number().int(),
    currency: z.string().length(3),
    shippingAddress: checkoutAddressSchema,
    shippingMethodName: z.string(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    timeline: z.array(
      z.object({ status: z.enum(ORDER_STATUSES), at: z.string(), note: z.string().nullable() }),
    ),
    createdAt: z.string(),
    paidAt: z.string().nullable(),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof orderSchema>;

export const orderPlacedSchema = z.object({ order: orderSchema }).meta({ id: 'OrderPlaced' });
export type OrderPlaced = z.infer<typeof orderPlacedSchema>;

export const orderSummarySchema = orderSchema.omit({ timeline: true }).meta({ id: 'OrderSummary' });
export const orderPageSchema = z.object({
  items: z.array(orderSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const orderIdParamsSchema = z.object({ id: z.uuid() });
export const orderNumberParamsSchema = z.object({
  number: z.string().regex(/^SC-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'must be an order number such as SC-7K3M-9QX2'),
});
export const guestOrderQuerySchema = z.object({
  email: z.string().min(3).max(254),
  token: z.string().min(10).max(200),
});
