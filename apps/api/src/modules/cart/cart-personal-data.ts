import { z } from 'zod';
import type { PersonalDataRegistry } from '../account/personal-data.ts';
import { cartQueries } from './cart-queries.ts';

const exportedCartLineSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  quantity: z.number().int(),
  addedAt: z.iso.datetime(),
});

/** The signed-in cart is personal data: it is exported with the account and erased with it. */
export function registerCartPersonalData(registry: PersonalDataRegistry): void {
  registry.exportSections.push({
    key: 'cart',
    schema: z.array(exportedCartLineSchema),
    load: async (userId, tx) =>
      (await cartQueries(tx).userCartLines(userId)).map((line) => ({
        ...line,
        addedAt: line.addedAt.toISOString(),
      })),
  });
  registry.erasureSteps.push({ name: 'cart', run: (userId, tx) => cartQueries(tx).deleteUserCart(userId) });
}
