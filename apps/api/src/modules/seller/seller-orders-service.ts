import type { Page, SellerOrderLine, SellerOrderListQuery, ShipOrder } from '@securecart/contract';
import { type Database, schema } from '@securecart/db';
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import type { MailMessage } from '../../plugins/mailer.ts';
import { customerEmail } from '../admin-orders/admin-orders-queries.ts';
import { canShip } from '../admin-orders/fulfilment.ts';

const { orders, orderItems, orderEvents, users } = schema;

const lineColumns = {
  orderId: orders.id,
  orderNumber: orders.number,
  createdAt: orders.createdAt,
  status: orders.status,
  productId: orderItems.productId,
  name: orderItems.name,
  quantity: orderItems.quantity,
  unitPriceCents: orderItems.unitPriceCents,
  lineTotalCents: orderItems.lineTotalCents,
  shippedAt: orderItems.shippedAt,
  carrier: orderItems.carrier,
  trackingNumber: orderItems.trackingNumber,
};
type LineRow = { [K in keyof typeof lineColumns]: (typeof lineColumns)[K]['_']['data'] | null };

const toLine = (row: LineRow): SellerOrderLine => ({
  ...(row as Omit<SellerOrderLine, 'createdAt' | 'shippedAt'>),
  createdAt: (row.createdAt as Date).toISOString(),
  shippedAt: row.shippedAt?.toISOString() ?? null,
});

export interface SellerOrdersDeps {
  db: Database;
  clock: () => Date;
  sendMail: (message: MailMessage) => void;
  shippedMail: (
    to: string,
    order: { id: string; number: string; carrier: string; trackingNumber: string; userId: string | null },
  ) => MailMessage;
}

/** A seller's order lines (snapshots carry the seller): another seller's line is a 404. */
export function sellerOrdersService(deps: SellerOrdersDeps) {
  const { db, clock } = deps;
  return {
    async list(sellerId: string, query: SellerOrderListQuery): Promise<Page<SellerOrderLine>> {
      const conditions: SQL[] = [eq(orderItems.sellerId, sellerId)];
      if (query.status) conditions.push(eq(orders.status, query.status));
      if (query.shipped)
        conditions.push(
          sql`${orderItems.shippedAt} is ${sql.raw(query.shipped === 'true' ? 'not null' : 'null')}`,
        );
      const where = and(...conditions);
      const [rows, [counted]] = await Promise.all([
        db
          .select(lineColumns)
          .from(orderItems)
          .innerJoin(orders, eq(orders.id, orderItems.orderId))
          .where(where)
          .orderBy(desc(orders.createdAt), desc(orders.id), orderItems.productId)
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db
          .select({ total: count() })
          .from(orderItems)
          .innerJoin(orders, eq(orders.id, orderItems.orderId))
          .where(where),
      ]);
      return {
        items: rows.map(toLine),
        page: query.page,
        pageSize: query.pageSize,
        total: counted?.total ?? 0,
      };
    },

    /**
     * Ships one of the caller's lines of a paid order (409 otherwise, or when already shipped). When
     * it was the last unshipped line, the whole order becomes `shipped`. The customer is emailed.
     */
    async shipLine(sellerId: string, orderId: string, productId: string, input: ShipOrder, actor: Actor) {
      const { line, mail } = await db.transaction(async (tx) => {
        const [order] = await tx
          .select({ order: orders, customerEmail })
          .from(orders)
          .leftJoin(users, eq(users.id, orders.userId))
          .where(eq(orders.id, orderId))
          .for('update', { of: orders });
        const [item] = order
          ? await tx
              .select()
              .from(orderItems)
              .where(
                and(
                  eq(orderItems.orderId, orderId),
                  eq(orderItems.productId, productId),
                  eq(orderItems.sellerId, sellerId),
                ),
              )
          : [];
        if (!order || !item) throw notFound('Order line');
        if (!canShip(order.order)) {
          throw conflict(
            `Only lines of a paid order not shipped yet can be shipped (this one is ${order.order.status})`,
            'invalid_status',
          );
        }
        if (item.shippedAt) throw conflict('This line was already shipped', 'already_shipped');
        const now = clock();
        await tx
          .update(orderItems)
          .set({ shippedAt: now, carrier: input.carrier, trackingNumber: input.trackingNumber })
          .where(eq(orderItems.id, item.id));
        const [unshipped] = await tx
          .select({ n: count() })
          .from(orderItems)
          .where(and(eq(orderItems.orderId, orderId), sql`${orderItems.shippedAt} is null`));
        const allShipped = (unshipped?.n ?? 0) === 0;
        await tx.insert(orderEvents).values({
          orderId,
          status: allShipped ? 'shipped' : order.order.status,
          at: now,
          note: `${item.name} shipped: ${input.carrier} ${input.trackingNumber}`,
        });
        if (allShipped) {
          await tx
            .update(orders)
            .set({
              status: 'shipped',
              shippedAt: now,
              carrier: input.carrier,
              trackingNumber: input.trackingNumber,
              updatedAt: now,
            })
            .where(eq(orders.id, orderId));
        }
        await actor.audit(
          'order.line_shipped',
          {
            targetType: 'order',
            targetId: orderId,
            details: {
              number: order.order.number,
              productId,
              before: { lineShippedAt: null, orderStatus: order.order.status },
              after: {
                lineShippedAt: now.toISOString(),
                carrier: input.carrier,
                trackingNumber: input.trackingNumber,
                orderStatus: allShipped ? 'shipped' : order.order.status,
              },
            },
          },
          tx,
        );
        const [line] = await tx
          .select(lineColumns)
          .from(orderItems)
          .innerJoin(orders, eq(orders.id, orderItems.orderId))
          .where(eq(orderItems.id, item.id));
        return {
          line: toLine(line!),
          mail: deps.shippedMail(order.customerEmail, {
            id: orderId,
            userId: order.order.userId,
            number: order.order.number,
            carrier: input.carrier,
            trackingNumber: input.trackingNumber,
          }),
        };
      });
      deps.sendMail(mail);
      return line;
    },
  };
}
