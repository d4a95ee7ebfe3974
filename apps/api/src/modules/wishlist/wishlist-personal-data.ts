import { z } from 'zod';
import type { PersonalDataRegistry } from '../account/personal-data.ts';
import { wishlistQueries } from './wishlist-queries.ts';

const exportedWishlistItemSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  addedAt: z.iso.datetime(),
});

/** The wishlist is exported with the account (`GET /me/export`) and erased with it (`DELETE /me`). */
export function registerWishlistPersonalData(registry: PersonalDataRegistry): void {
  registry.exportSections.push({
    key: 'wishlist',
    schema: z.array(exportedWishlistItemSchema),
    load: async (userId, tx) =>
      (await wishlistQueries(tx).exportAll(userId)).map((item) => ({
        ...item,
        addedAt: item.addedAt.toISOString(),
      })),
  });
  registry.erasureSteps.push({
    name: 'wishlist',
    run: (userId, tx) => wishlistQueries(tx).removeAll(userId),
  });
}
