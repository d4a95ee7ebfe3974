import { z } from 'zod';

export const addWishlistItemSchema = z.object({ productId: z.uuid() });
export type AddWishlistItem = z.infer<typeof addWishlistItemSchema>;

export const wishlistItemParamsSchema = z.object({ productId: z.uuid() });

export const wishlistStatusSchema = z
  .object({
    productId: z.uuid(),
    saved: z
      .boolean()
      .describe(
        'True only when the product is on the caller’s own wishlist and still sold; false for an ' +
          'unknown or archived product and for one that is not on the list.',
      ),
  })
  .meta({ id: 'WishlistStatus' });
export type WishlistStatus = z.infer<typeof wishlistStatusSchema>;
