import { orderSummarySchema } from '@securecart/contract';
import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { PersonalDataRegistry } from '../account/personal-data.ts';
import { orderQueries } from './order-queries.ts';
import { orderSummary } from './order-service.ts';

const ERASED = '[erased]';

/** Orders go into the GDPR export; on erasure they are kept (accounting) but anonymised. */
export function registerOrdersPersonalData(registry: PersonalDataRegistry) {
  registry.exportSections.push({
    key: 'orders',
    schema: z.array(orderSummarySchema),
    async load(userId, tx) {
      const q = orderQueries(tx);
      const { rows } = await q.listForUser(userId, 10_000, 0);
      const items = await q.items(rows.map((row) => row.id));
      return rows.map((row) => orderSummary(row, items));
    },
  });
  registry.erasureSteps.push({
    name: 'orders-anonymise',
    async run(userId, tx, now) {
      // Country and region stay (tax records); everything that identifies the person goes.
      const rows = await tx
        .select({
          id: schema.orders.id,
          shipping: schema.orders.shippingAddress,
          billing: schema.orders.billingAddress,
        })
        .from(schema.orders)
        .where(eq(schema.orders.userId, userId));
      for (const row of rows) {
        const scrub = (address: typeof row.shipping) => ({
          name: ERASED,
          line1: ERASED,
          line2: null,
          city: ERASED,
          region: address.region,
          postalCode: ERASED,
          country: address.country,
          phone: null,
        });
        await tx
          .update(schema.orders)
          .set({
            shippingAddress: scrub(row.shipping),
            billingAddress: scrub(row.billing),
            guestEmail: null,
            guestAccessTokenHash: null,
            updatedAt: now,
          })
          .where(eq(schema.orders.id, row.id));
      }
    },
  });
}
