import { z } from 'zod';
import { productSchema } from './catalog.ts';
import { pageOf, pageQuerySchema } from './common.ts';

/** Upper bound for a price: 1,000,000.00 in minor units; guards against typos and overflow. */
export const MAX_PRODUCT_PRICE_CENTS = 100_000_000;
export const MAX_PRODUCT_STOCK = 1_000_000;
/** `lowStock=true` keeps products with at most this many units. */
export const LOW_STOCK_THRESHOLD = 5;

const booleanQuery = z.enum(['true', 'false']);

export const adminProductSorts = [
  'newest',
  'name_asc',
  'price_asc',
  'price_desc',
  'stock_asc',
  'updated',
] as const;

export const adminProductSchema = productSchema
  .extend({
    active: z.boolean().describe('false once archived (kept for order history, hidden from the shop)'),
    sellerId: z.uuid().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminProduct' });
export type AdminProduct = z.infer<typeof adminProductSchema>;
export const adminProductPageSchema = pageOf(adminProductSchema);

export const adminProductListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional().describe('Full text over name and description'),
  category: z.string().trim().max(100).optional().describe('Category slug'),
  active: booleanQuery.optional().describe('`true`: on sale only; `false`: archived only; absent: both'),
  sellerId: z.uuid().optional(),
  lowStock: booleanQuery.optional().describe(`\`true\` keeps products with stock ≤ ${LOW_STOCK_THRESHOLD}`),
  sort: z.enum(adminProductSorts).default('newest'),
});
export type AdminProductListQuery = z.infer<typeof adminProductListQuerySchema>;

const productName = z.string().trim().min(1).max(200);
const priceCents = z.number().int().min(0).max(MAX_PRODUCT_PRICE_CENTS);
const stock = z.number().int().min(0).max(MAX_PRODUCT_STOCK);
const categorySlug = z.string().trim().min(1).max(100).describe('Category slug');
const imageUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((url) => /^(\/(?!\/)|https:\/\/)/.test(url), 'must be a site path or an https URL');

export const sellerProductCreateSchema = z.object({
  name: productName,
  description: z.string().max(10_000).default(''),
  priceCents,
  stock,
  category: categorySlug,
  imageUrl: imageUrl.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'ISO 4217 code')
    .default('USD'),
});
export type SellerProductCreate = z.input<typeof sellerProductCreateSchema>;

export const adminProductCreateSchema = sellerProductCreateSchema.extend({
  sellerId: z.uuid().optional().describe('A seller (or admin) account; absent: the shop itself'),
});
export type AdminProductCreate = z.input<typeof adminProductCreateSchema>;

export const sellerProductUpdateSchema = z
  .object({
    name: productName,
    description: z.string().max(10_000),
    priceCents,
    stock,
    category: categorySlug,
    imageUrl: imageUrl.nullable(),
    active: z.boolean(),
  })
  .partial();
export type SellerProductUpdate = z.input<typeof sellerProductUpdateSchema>;

export const adminProductUpdateSchema = sellerProductUpdateSchema.extend({
  sellerId: z.uuid().nullable().optional(),
});
export type AdminProductUpdate = z.input<typeof adminProductUpdateSchema>;

export const stockAdjustmentSchema = z.object({
  delta: z
    .number()
    .int()
    .min(-MAX_PRODUCT_STOCK)
    .max(MAX_PRODUCT_STOCK)
    .refine((d) => d !== 0, 'must not be 0'),
  reason: z.string().trim().min(1).max(500),
});
export type StockAdjustment = z.infer<typeof stockAdjustmentSchema>;

export const idParamsSchema = z.object({ id: z.uuid() });

// --- users ---

export const userRoles = ['customer', 'seller', 'admin'] as const;

/** What an admin sees of an account: never a password hash, MFA secret or token hash. */
export const adminUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    emailVerified: z.boolean(),
    mfaEnabled: z.boolean(),
    locked: z.boolean(),
    lockedAt: z.iso.datetime().nullable(),
    deleted: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserPageSchema = pageOf(adminUserSchema);

export const adminUserListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional().describe('Part of the email or the name'),
  role: z.enum(userRoles).optional(),
});
export type AdminUserListQuery = z.infer<typeof adminUserListQuerySchema>;

export const adminUserUpdateSchema = z.object({
  role: z.enum(userRoles).optional(),
  locked: z.boolean().optional(),
  currentPassword: z
    .string()
    .max(1024)
    .optional()
    .describe('The acting admin’s own password; required when `role` is given (wrong → 403)'),
});
export type AdminUserUpdate = z.infer<typeof adminUserUpdateSchema>;

// --- audit log ---

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a date');

export const auditLogQuerySchema = pageQuerySchema
  .extend({
    actor: z.string().trim().min(1).max(320).optional().describe('A user id or an email address'),
    action: z.string().trim().min(1).max(100).optional(),
    from: isoDate.optional().describe('YYYY-MM-DD, UTC, inclusive'),
    to: isoDate.optional().describe('YYYY-MM-DD, UTC, inclusive'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: 'must not be after to' });
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditEntryPageSchema = pageOf(auditEntrySchema);
