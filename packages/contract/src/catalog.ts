import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.ts';

export const productSorts = ['relevance', 'price_asc', 'price_desc', 'newest', 'rating'] as const;
export type ProductSort = (typeof productSorts)[number];

const MAX_PRICE_CENTS = 100_000_000;

export const productListQuerySchema = pageQuerySchema
  .extend({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe('Full text over name and description; every word must match (stemmed).'),
    category: z.string().trim().max(100).optional().describe('Category slug'),
    minPriceCents: z.coerce.number().int().min(0).max(MAX_PRICE_CENTS).optional().describe('Inclusive'),
    maxPriceCents: z.coerce.number().int().min(0).max(MAX_PRICE_CENTS).optional().describe('Inclusive'),
    inStock: z
      .enum(['true', 'false'])
      .optional()
      .describe('`true` keeps only products with stock > 0; `false` (or absent) applies no filter'),
    sort: z
      .enum(productSorts)
      .default('relevance')
      .describe('`relevance` ranks by text match when `q` is given and falls back to `newest` otherwise'),
  })
  .refine(
    (q) =>
      q.minPriceCents === undefined || q.maxPriceCents === undefined || q.minPriceCents <= q.maxPriceCents,
    {
      path: ['minPriceCents'],
      message: 'must not exceed maxPriceCents',
    },
  );
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

export const productSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    priceCents: z.number().int(),
    currency: z.string().length(3),
    stock: z.number().int(),
    inStock: z.boolean(),
    imageUrl: z.string().nullable(),
    category: z.string().describe('Category slug'),
    categoryName: z.string(),
    rating: z.number().nullable().describe('Average review rating (1–5, one decimal); null without reviews'),
    reviewCount: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof productSchema>;

export const productPageSchema = pageOf(productSchema);

export const productParamsSchema = z.object({
  idOrSlug: z.string().min(1).max(200).describe('Product UUID or slug'),
});

export const categorySchema = z
  .object({ slug: z.string(), name: z.string(), productCount: z.number().int() })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof categorySchema>;

export const categoryPageSchema = pageOf(categorySchema);
