import { z } from 'zod';

export const addWishlistItemSchema = z.object({ productId: z.uuid() });
export type AddWishlistItem = z.infer<typeof addWishlistItemSchema>;

export const wishlistItemParamsSchema = z.object({ productId: z.uuid() });
