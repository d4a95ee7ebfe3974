import { randomUUID } from 'node:crypto';
import type { CheckoutAddress } from '@securecart/contract';
import { openDatabase, schema } from '@securecart/db';
import { sql } from 'drizzle-orm';
import { encrypt, randomToken, sha256 } from '../src/lib/crypto.ts';
import { snapshotOf, summarize } from '../src/modules/checkout/checkout-service.ts';
import { benchAppConfig } from './app-config.ts';

/** What scenarios may need from the run: the bench database, the app's encryption key, load time. */
export interface BenchContext {
  databaseUrl: string;
  encryptionKey: string;
  /** Warm-up plus measured seconds of one scenario. */
  loadSeconds: number;
}

export interface BenchProduct {
  id: string;
  name: string;
  slug: string;
  priceCents: number;
}

/** Buyers spread over this many products (the "1,000 products"). */
export const SPREAD_PRODUCTS = 1_000;
/** Enough stock that a run never sells out: a refused line would measure the 409, not an order. */
const STOCKED_UNITS = 100_000;
const BATCH = 1_000;

const ADDRESS: CheckoutAddress = {
  name: 'Bench Buyer',
  line1: '1 Market Street',
  line2: null,
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
  phone: null,
};

let stocked: Promise<{ spread: BenchProduct[]; hot: BenchProduct }> | undefined;

/** The products the order scenarios sell (1,000 spread and one hot), stocked once per run. */
export function benchProducts(databaseUrl: string) {
  stocked ??= (async () => {
    const handle = await openDatabase({ url: databaseUrl, poolMax: 1 });
    try {
      const { rows } = (await handle.db.execute(sql`
        update products set stock = ${STOCKED_UNITS}
        where id in (select id from products where active order by id limit ${SPREAD_PRODUCTS + 1})
        returning id, name, slug, price_cents as "priceCents"`)) as unknown as { rows: BenchProduct[] };
      const sorted = rows.sort((a, b) => (a.id < b.id ? -1 : 1));
      return { spread: sorted.slice(1), hot: sorted[0]! };
    } finally {
      await handle.close();
    }
  })();
  return stocked;
}

/**
 * Guest carts of one line each, with their checkout drafts at the review step (address, standard
 * shipping and the simulated payment started), written straight to the database: each draft
 * completes once, and thousands through the API would take minutes. Summaries and the encrypted
 * address come from the app's own code, so completion sees exactly what the steps would save.
 */
export async function prepareDrafts(
  context: BenchContext,
  productOf: (index: number) => BenchProduct,
  count: number,
): Promise<{ id: string; cartToken: string }[]> {
  const config = benchAppConfig(context.databaseUrl, context.encryptionKey);
  const handle = await openDatabase({ url: context.databaseUrl, poolMax: 1 });
  const drafts: { id: string; cartToken: string }[] = [];
  try {
    for (let start = 0; start < count; start += BATCH) {
      const now = new Date();
      const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => {
        const product = productOf(start + offset);
        const line = {
          productId: product.id,
          quantity: 1,
          name: product.name,
          slug: product.slug,
          imageUrl: null,
          priceCents: product.priceCents,
          stock: STOCKED_UNITS,
          active: true,
        };
        const summary = summarize([line], 'USD', ADDRESS, 'standard', config);
        return { id: randomUUID(), cartId: randomUUID(), cartToken: randomToken(), product, summary };
      });
      await handle.db.transaction(async (tx) => {
        await tx
          .insert(schema.carts)
          .values(batch.map((d) => ({ id: d.cartId, tokenHash: sha256(d.cartToken), lastActiveAt: now })));
        await tx
          .insert(schema.cartItems)
          .values(
            batch.map((d) => ({ cartId: d.cartId, productId: d.product.id, quantity: 1, createdAt: now })),
          );
        await tx.insert(schema.checkouts).values(
          batch.map((d) => ({
            id: d.id,
            cartId: d.cartId,
            guestEmail: `buyer-${d.id}@bench.test`,
            step: 'review' as const,
            addressEnc: encrypt(
              config.encryptionKey,
              JSON.stringify({ shippingAddress: ADDRESS, billingAddress: ADDRESS }),
            ),
            shippingMethodId: 'standard',
            paymentProvider: 'simulated',
            paymentIntentId: `sim_pi_${d.id}`,
            ...snapshotOf(d.summary),
            lastActivityAt: now,
            createdAt: now,
            updatedAt: now,
          })),
        );
      });
      drafts.push(...batch.map(({ id, cartToken }) => ({ id, cartToken })));
    }
    return drafts;
  } finally {
    await handle.close();
  }
}

export interface StockAccount {
  /** Units on the shelf across the products. */
  stock: number;
  /** Units on order lines of the products. */
  ordered: number;
  /** Products whose stock went below zero (the CHECK constraint should make this impossible). */
  negative: number;
}

export async function stockAccount(databaseUrl: string, productIds: string[]): Promise<StockAccount> {
  const handle = await openDatabase({ url: databaseUrl, poolMax: 1 });
  try {
    const ids = sql.join(
      productIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const { rows } = (await handle.db.execute(sql`
      select (select coalesce(sum(stock), 0) from products where id in (${ids}))::bigint as stock,
             (select coalesce(sum(quantity), 0) from order_items where product_id in (${ids}))::bigint as ordered,
             (select count(*) from products where id in (${ids}) and stock < 0)::int as negative`)) as unknown as {
      rows: { stock: string; ordered: string; negative: number }[];
    };
    const row = rows[0]!;
    return { stock: Number(row.stock), ordered: Number(row.ordered), negative: row.negative };
  } finally {
    await handle.close();
  }
}

/** No oversell: every unit that left the shelf is on an order line, and no stock is negative. */
export function oversellCheck(before: StockAccount, after: StockAccount): { ok: boolean; text: string } {
  const taken = before.stock - after.stock;
  const ordered = after.ordered - before.ordered;
  const ok = taken === ordered && after.negative === 0;
  return {
    ok,
    text: `${ok ? 'no oversell' : 'OVERSELL'}: ${taken} units taken from stock, ${ordered} on order lines, ${after.negative} products below zero`,
  };
}
