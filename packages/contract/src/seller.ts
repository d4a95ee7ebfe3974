import type { z } from 'zod';
import { adminProductListQuerySchema } from './admin.ts';

/** A seller lists only their own products, so there is no `sellerId` filter. */
export const sellerProductListQuerySchema = adminProductListQuerySchema.omit({ sellerId: true });
export type SellerProductListQuery = z.infer<typeof sellerProductListQuerySchema>;
