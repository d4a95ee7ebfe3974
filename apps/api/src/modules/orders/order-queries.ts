import type { Order } from '@securecart/contract';
import type { Executor } from '@securecart/db';
import { schema } from '@securecart/db';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AuditEntry } from '../audit/audit-queries.ts';

const {
  orders,
  orderItems,
  orderEvents,
  products,
  stockAdjustments,
  carts,
  cartItems,
  checkouts,
  idempotencyKeys,
  auditLog,
} = schema;

export type OrderRow = typeof orders.$inferSelect;
/** What an order's API shape shows of a line. */
export type OrderLine = Pick<
  typeof orderItems.$inferSelect,
  'orderId' | 'productId' | 'name' | 'unitPriceCents' | 'quantity' | 'lineTotalCents'
>;

export function orderQueries(db: Executor) {
  return {
    /**
     * Takes stock for one line only if the price is still the one shown and the stock covers it:
     * the guarded update is atomic, so no interleaving can oversell. Undefined: refused.
     */
    async takeStock(productId: string, quantity: number, priceCents: number) {
      const [row] = await db
        .update(products)
        .set({ stock: sql`${products.stock} - ${quantity}` })
        .where(
          and(
            eq(products.id, productId),
            sql`${products.stock} >= ${quantity}`,
            eq(products.priceCents, priceCents),
            sql`${products.active}`,
          ),
        )
        .returning({ sellerId: products.sellerId, name: products.name });
      return row;
    },

    /**
     * Everything placing an order writes, in ONE statement (data-modifying CTEs, one round trip
     * instead of eight on the busiest write path): the order row, its line snapshots, the first
     * timeline event, the stock history, the emptied cart (its use recorded, as `resolveCart`
     * would), the completed draft, the audit entry and
     * the finished idempotency key, whose stored answer gets the lines as `items` reads them.
     * Answers those lines (by name); undefined when the order's random number is taken, and then
     * nothing was written (draw another).
     */
    async recordPlacement(placement: {
      order: OrderRow;
      items: (OrderLine & { sellerId: string | null })[];
      event: { status: 'paid'; at: Date; note: string };
      cartId: string | null;
      draft: { id: string; recovered: boolean };
      audit: AuditEntry;
      /** `answer` is the 201 body without its order's items, which the statement fills in. */
      key?: { scope: string; key: string; answer: { order: Omit<Order, 'items'> } };
    }): Promise<OrderLine[] | undefined> {
      const { order, items, event, cartId, draft, audit, key } = placement;
      const row = JSON.stringify({
        id: order.id,
        number: order.number,
        user_id: order.userId,
        guest_email: order.guestEmail,
        status: order.status,
        currency: order.currency,
        subtotal_cents: order.subtotalCents,
        tax_cents: order.taxCents,
        shipping_cents: order.shippingCents,
        total_cents: order.totalCents,
        shipping_address: order.shippingAddress,
        billing_address: order.billingAddress,
        shipping_method_id: order.shippingMethodId,
        shipping_method_name: order.shippingMethodName,
        payment_provider: order.paymentProvider,
        payment_intent_id: order.paymentIntentId,
        guest_access_token_hash: order.guestAccessTokenHash,
        checkout_id: order.checkoutId,
        paid_at: order.paidAt,
        created_at: order.createdAt,
        updated_at: order.updatedAt,
      });
      const lines = JSON.stringify(
        items.map((item) => ({
          product_id: item.productId,
          seller_id: item.sellerId,
          name: item.name,
          unit_price_cents: item.unitPriceCents,
          quantity: item.quantity,
          line_total_cents: item.lineTotalCents,
        })),
      );
      const entry = JSON.stringify({
        at: audit.at,
        action: audit.action,
        actor_id: audit.actorId,
        actor_email: audit.actorEmail,
        target_type: audit.targetType,
        target_id: audit.targetId,
        ip: audit.ip,
        user_agent: audit.userAgent,
        request_id: audit.requestId,
        details: audit.details,
      });
      const finishKey = key
        ? sql`, finished as (
            update ${idempotencyKeys} set response_status = 201, completed_at = ${event.at},
              response_body = jsonb_set(${JSON.stringify(key.answer)}::jsonb, '{order,items}', (
                select coalesce(jsonb_agg(jsonb_build_object('productId', product_id, 'name', name,
                  'unitPriceCents', unit_price_cents, 'quantity', quantity, 'lineTotalCents', line_total_cents)
                  order by name, product_id), '[]') from line))
            where scope = ${key.scope} and key = ${key.key} and exists (select from ord)
          )`
        : sql``;
      const result = await db.execute(sql`
        with ord as (
          insert into ${orders} (id, number, user_id, guest_email, status, currency, subtotal_cents, tax_cents,
            shipping_cents, total_cents, shipping_address, billing_address, shipping_method_id,
            shipping_method_name, payment_provider, payment_intent_id, guest_access_token_hash, checkout_id,
            paid_at, created_at, updated_at)
          select id, number, user_id, guest_email, status, currency, subtotal_cents, tax_cents,
            shipping_cents, total_cents, shipping_address, billing_address, shipping_method_id,
            shipping_method_name, payment_provider, payment_intent_id, guest_access_token_hash, checkout_id,
            paid_at, created_at, updated_at
          from jsonb_populate_record(null::${orders}, ${row}::jsonb)
          on conflict (number) do nothing
          returning id
        ), line as (
          select * from jsonb_to_recordset(${lines}::jsonb) as l(product_id uuid, seller_id uuid, name text,
            unit_price_cents integer, quantity integer, line_total_cents integer)
        ), item as (
          insert into ${orderItems} (order_id, product_id, seller_id, name, unit_price_cents, quantity, line_total_cents)
          select ord.id, product_id, seller_id, name, unit_price_cents, quantity, line_total_cents from ord, line
          returning order_id, product_id, name, unit_price_cents, quantity, line_total_cents
        ), event as (
          insert into ${orderEvents} (order_id, status, at, note)
          select id, ${event.status}, ${event.at}, ${event.note} from ord
        ), stock as (
          insert into ${stockAdjustments} (product_id, delta, reason, order_id, created_at)
          select product_id, -quantity, 'order_placed', ord.id, ${event.at}::timestamptz from ord, line
        ), cart as (
          update ${carts} set last_active_at = ${event.at} where id = ${cartId}::uuid and exists (select from ord)
        ), cart_line as (
          delete from ${cartItems} where cart_id = ${cartId}::uuid and exists (select from ord)
        ), draft as (
          update ${checkouts} set status = 'completed', step = 'complete', completed_at = ${event.at},
            last_activity_at = ${event.at}, updated_at = ${event.at}, recovered = ${draft.recovered}
          where id = ${draft.id}::uuid and exists (select from ord)
        ), audit as (
          insert into ${auditLog} (at, action, actor_id, actor_email, target_type, target_id, ip, user_agent,
            request_id, details)
          select at, action, actor_id, actor_email, target_type, target_id, ip, user_agent, request_id, details
          from jsonb_populate_record(null::${auditLog}, ${entry}::jsonb) where exists (select from ord)
        )${finishKey}
        -- One row per line, or a row of nulls for an order without lines; none when not placed.
        select item.order_id as "orderId", item.product_id as "productId", item.name,
               item.unit_price_cents as "unitPriceCents", item.quantity, item.line_total_cents as "lineTotalCents"
        from ord left join item on true order by item.name, item.product_id`);
      const rows = (result as unknown as { rows: (OrderLine | { productId: null })[] }).rows;
      if (rows.length === 0) return undefined;
      return rows.filter((line): line is OrderLine => line.productId !== null);
    },

    async byId(id: string) {
      const [row] = await db.select().from(orders).where(eq(orders.id, id));
      return row;
    },

    async byNumber(number: string) {
      const [row] = await db.select().from(orders).where(eq(orders.number, number));
      return row;
    },

    async items(orderIds: string[]) {
      if (orderIds.length === 0) return [];
      return db
        .select()
        .from(orderItems)
        .where(inArray(orderItems.orderId, orderIds))
        .orderBy(asc(orderItems.name), asc(orderItems.productId));
    },

    async events(orderId: string) {
      return db
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, orderId))
        .orderBy(asc(orderEvents.at));
    },

    async listForUser(userId: string, limit: number, offset: number) {
      const [rows, [counted]] = await Promise.all([
        db
          .select()
          .from(orders)
          .where(eq(orders.userId, userId))
          .orderBy(desc(orders.createdAt), desc(orders.id))
          .limit(limit)
          .offset(offset),
        db.select({ total: count() }).from(orders).where(eq(orders.userId, userId)),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },

    // Idempotency keys ---------------------------------------------------------------------

    /** Claims the key; false when another request already holds (or finished) it. */
    async claimKey(scope: string, key: string, requestHash: string, now: Date): Promise<boolean> {
      const rows = await db
        .insert(idempotencyKeys)
        .values({ scope, key, requestHash, createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      return rows.length > 0;
    },

    async findKey(scope: string, key: string) {
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      return row;
    },

    async finishKey(scope: string, key: string, status: number, body: unknown, now: Date) {
      await db
        .update(idempotencyKeys)
        .set({ responseStatus: status, responseBody: body, completedAt: now })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    },

    async releaseKey(scope: string, key: string) {
      await db
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    },
  };
}
export type OrderQueries = ReturnType<typeof orderQueries>;
