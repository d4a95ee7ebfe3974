import { z } from 'zod';
import { formatQuerySchema, isoDateSchema } from './admin-orders.ts';

/** Longest range a report answers (about three years): keeps a daily report bounded. */
export const MAX_REPORT_DAYS = 1100;

const rangeShape = {
  from: isoDateSchema.describe('YYYY-MM-DD, UTC, inclusive'),
  to: isoDateSchema.describe('YYYY-MM-DD, UTC, inclusive'),
  groupBy: z
    .enum(['day', 'week', 'month'])
    .default('day')
    .describe('Periods: YYYY-MM-DD, YYYY-Www (ISO week), YYYY-MM'),
  format: formatQuerySchema,
};
const rangeChecks = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine((q) => q.from <= q.to, { path: ['from'], message: 'must not be after to' })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_REPORT_DAYS * 86_400_000, {
      path: ['to'],
      message: `the range is at most ${MAX_REPORT_DAYS} days`,
    });

export const reportRangeQuerySchema = rangeChecks(z.object(rangeShape));
export type ReportRangeQuery = z.infer<typeof reportRangeQuerySchema>;
export type GroupBy = ReportRangeQuery['groupBy'];

export const salesReportRowSchema = z.object({
  period: z.string(),
  orders: z.number().int(),
  revenueCents: z.number().int(),
});
export const topProductSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  quantity: z.number().int(),
  revenueCents: z.number().int().describe('Line totals of paid, not cancelled orders in the range'),
});
export const salesReportSchema = z
  .object({
    rows: z.array(salesReportRowSchema),
    totals: z.object({ orders: z.number().int(), revenueCents: z.number().int() }),
    averageOrderValueCents: z.number().int(),
    topProducts: z.array(topProductSchema),
  })
  .meta({ id: 'SalesReport' });
export type SalesReport = z.infer<typeof salesReportSchema>;

export const sellerSalesReportSchema = z
  .object({
    rows: z.array(salesReportRowSchema),
    totals: z.object({ orders: z.number().int(), revenueCents: z.number().int() }),
  })
  .meta({ id: 'SellerSalesReport' });
export type SellerSalesReport = z.infer<typeof sellerSalesReportSchema>;

export const inventoryReportQuerySchema = z.object({
  lowStockThreshold: z.coerce.number().int().min(0).max(1_000_000).default(5),
  includeArchived: z.enum(['true', 'false']).default('false'),
  format: formatQuerySchema,
});
export type InventoryReportQuery = z.infer<typeof inventoryReportQuerySchema>;
export const inventoryReportSchema = z
  .object({
    rows: z.array(
      z.object({
        productId: z.uuid(),
        name: z.string(),
        sellerId: z.uuid().nullable(),
        active: z.boolean(),
        stock: z.number().int(),
        priceCents: z.number().int(),
        stockValueCents: z.number().int(),
        lowStock: z.boolean(),
      }),
    ),
    totals: z.object({
      products: z.number().int(),
      units: z.number().int(),
      stockValueCents: z.number().int(),
      lowStock: z.number().int(),
    }),
  })
  .meta({ id: 'InventoryReport' });
export type InventoryReport = z.infer<typeof inventoryReportSchema>;

const usersCounts = {
  signUps: z.number().int(),
  activeUsers: z.number().int().describe('Distinct users with a session created or used in the period'),
  logins: z.number().int(),
  failedLogins: z.number().int(),
  lockouts: z.number().int(),
};
export const usersReportSchema = z
  .object({
    rows: z.array(z.object({ period: z.string(), ...usersCounts })),
    totals: z.object(usersCounts),
  })
  .meta({ id: 'UsersReport' });
export type UsersReport = z.infer<typeof usersReportSchema>;

const abandonmentCounts = {
  started: z.number().int(),
  completed: z.number().int(),
  abandoned: z.number().int(),
  recovered: z.number().int(),
};
export const abandonmentReportSchema = z
  .object({
    rows: z.array(z.object({ period: z.string(), ...abandonmentCounts })),
    totals: z.object(abandonmentCounts),
  })
  .meta({ id: 'AbandonmentReport' });
export type AbandonmentReport = z.infer<typeof abandonmentReportSchema>;
