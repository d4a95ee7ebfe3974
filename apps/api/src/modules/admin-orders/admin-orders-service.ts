import {
  type AdminOrder,
  type AdminOrderListQuery,
  type AdminOrderSummary,
  ORDER_STATUSES,
  type OrderStatusCounts,
  type Page,
  type RefundOrder,
  type ShipOrder,
} from '@securecart/contract';
import type { Database, Executor, schema } from '@securecart/db';
import type { Actor } from '../../lib/actor.ts';
import { sha256 } from '../../lib/crypto.ts';
import { AppError, conflict, notFound, unprocessable } from '../../lib/errors.ts';
import { formatMoney } from '../../lib/money.ts';
import type { MailMessage } from '../../plugins/mailer.ts';
import { orderQueries } from '../orders/order-queries.ts';
import { orderSummary } from '../orders/order-service.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { type AdminOrderFilters, adminOrdersQueries } from './admin-orders-queries.ts';
import { canComplete, canShip } from './fulfilment.ts';

type OrderRow = typeof schema.orders.$inferSelect;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Statuses an order can be refunded from (what was paid and not yet fully given back). */
const REFUNDABLE = new Set<OrderRow['status']>(['paid', 'shipped', 'completed', 'partially_refunded']);

/** The before/after of an audited order change: status and money, never addresses. */
const auditView = (row: OrderRow) => ({
  status: row.status,
  refundedCents: row.refundedCents,
  carrier: row.carrier,
  trackingNumber: row.trackingNumber,
});

export interface AdminOrdersDeps {
  db: Database;
  clock: () => Date;
  payments: Pick<PaymentProvider, 'refund'>;
  sendMail: (message: MailMessage) => void;
  shippedMail: (
    to: string,
    order: { id: string; number: string; carrier: string; trackingNumber: string; userId: string | null },
  ) => MailMessage;
}

export function adminOrdersService(deps: AdminOrdersDeps) {
  const { db, clock, payments } = deps;

  async function detail(tx: Executor, id: string): Promise<AdminOrder> {
    const q = adminOrdersQueries(tx);
    const found = await q.byId(id);
    if (!found) throw notFound('Order');
    // One after another: inside a transaction every query shares one connection.
    const items = await q.items(id);
    const events = await q.events(id);
    const refunds = await q.refunds(id);
    const { order } = found;
    const byProduct = new Map(items.map((item) => [item.productId, item]));
    const summary = orderSummary(order, items);
    return {
      ...summary,
      items: summary.items.map((item) => {
        const line = byProduct.get(item.productId)!;
        return {
          ...item,
          sellerId: line.sellerId,
          shippedAt: iso(line.shippedAt),
          carrier: line.carrier,
          trackingNumber: line.trackingNumber,
        };
      }),
      customerEmail: found.customerEmail,
      userId: order.userId,
      paymentProvider: order.paymentProvider,
      shippedAt: iso(order.shippedAt),
      completedAt: iso(order.completedAt),
      cancelledAt: iso(order.cancelledAt),
      timeline: events.map((event) => ({
        status: event.status,
        at: event.at.toISOString(),
        note: event.note,
      })),
      refunds: refunds.map((refund) => ({
        id: refund.id,
        amountCents: refund.amountCents,
        reason: refund.reason,
        status: refund.status,
        createdAt: refund.createdAt.toISOString(),
      })),
    };
  }

  async function lockOrThrow(tx: Executor, id: string) {
    const row = await adminOrdersQueries(tx).lock(id);
    if (!row) throw notFound('Order');
    return row;
  }

  return {
    async list(query: AdminOrderListQuery): Promise<Page<AdminOrderSummary>> {
      const { rows, total } = await adminOrdersQueries(db).list(
        query,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      const items = await orderQueries(db).items(rows.map((row) => row.order.id));
      return {
        items: rows.map((row) => ({ ...orderSummary(row.order, items), customerEmail: row.customerEmail })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    /** Every order matching the filters, for the CSV export (no lines: one row per order). */
    async exportRows(query: AdminOrderFilters) {
      const { rows } = await adminOrdersQueries(db).list(query, undefined, 0);
      return rows;
    },

    get: (id: string) => detail(db, id),

    async statusCounts(): Promise<OrderStatusCounts> {
      const rows = await adminOrdersQueries(db).statusCounts();
      const counted = new Map(rows.map((row) => [row.status, row.count]));
      const items = ORDER_STATUSES.map((status) => ({ status, count: counted.get(status) ?? 0 }));
      return { items, page: 1, pageSize: items.length, total: items.length };
    },

    /** paid (or partially refunded before shipping) → shipped: every line not shipped by its seller gets this carrier and tracking number. */
    async ship(id: string, input: ShipOrder, actor: Actor): Promise<AdminOrder> {
      const { result, email } = await db.transaction(async (tx) => {
        const q = adminOrdersQueries(tx);
        const before = await lockOrThrow(tx, id);
        if (!canShip(before)) {
          throw conflict(
            `Only a paid order not shipped yet can be shipped (this one is ${before.status})`,
            'invalid_status',
          );
        }
        const now = clock();
        const after = await q.update(id, {
          status: 'shipped',
          shippedAt: now,
          carrier: input.carrier,
          trackingNumber: input.trackingNumber,
          updatedAt: now,
        });
        await q.shipAllLines(id, {
          shippedAt: now,
          carrier: input.carrier,
          trackingNumber: input.trackingNumber,
        });
        await q.insertEvent({
          orderId: id,
          status: 'shipped',
          at: now,
          note: `${input.carrier} ${input.trackingNumber}`,
        });
        await actor.audit(
          'order.shipped',
          {
            targetType: 'order',
            targetId: id,
            details: { number: before.number, before: auditView(before), after: auditView(after) },
          },
          tx,
        );
        const result = await detail(tx, id);
        return { result, email: result.customerEmail };
      });
      deps.sendMail(
        deps.shippedMail(email, {
          id: result.id,
          userId: result.userId,
          number: result.number,
          carrier: input.carrier,
          trackingNumber: input.trackingNumber,
        }),
      );
      return result;
    },

    /** shipped (or partially refunded after shipping) → completed. */
    async complete(id: string, actor: Actor): Promise<AdminOrder> {
      return db.transaction(async (tx) => {
        const q = adminOrdersQueries(tx);
        const before = await lockOrThrow(tx, id);
        if (!canComplete(before)) {
          throw conflict(
            `Only a shipped order not completed yet can be completed (this one is ${before.status})`,
            'invalid_status',
          );
        }
        const now = clock();
        const after = await q.update(id, { status: 'completed', completedAt: now, updatedAt: now });
        await q.insertEvent({ orderId: id, status: 'completed', at: now, note: null });
        await actor.audit(
          'order.completed',
          {
            targetType: 'order',
            targetId: id,
            details: { number: before.number, before: auditView(before), after: auditView(after) },
          },
          tx,
        );
        return detail(tx, id);
      });
    },

    /**
     * Refunds through the payment provider with the order row locked FOR UPDATE for the whole
     * transaction: two concurrent refunds serialise, so their sum can never exceed what was paid.
     * With an `Idempotency-Key`, the first answer is stored in the same transaction and a retry
     * (same key, same body) gets it back without a second refund.
     */
    async refund(id: string, input: RefundOrder, idempotencyKey: string | undefined, actor: Actor) {
      const scope = `admin.order.refund:${id}`;
      const requestHash = sha256(
        JSON.stringify({ amountCents: input.amountCents ?? null, reason: input.reason }),
      );
      const outcome = await db.transaction(async (tx) => {
        const q = adminOrdersQueries(tx);
        const keys = orderQueries(tx);
        const before = await lockOrThrow(tx, id);
        if (idempotencyKey) {
          const seen = await keys.findKey(scope, idempotencyKey);
          if (seen) {
            if (seen.requestHash !== requestHash) {
              throw unprocessable(
                'This Idempotency-Key was used with a different body',
                'idempotency_key_reused',
              );
            }
            return { status: seen.responseStatus ?? 200, body: seen.responseBody };
          }
        }
        if (!REFUNDABLE.has(before.status)) {
          throw conflict(`A ${before.status} order cannot be refunded`, 'invalid_status');
        }
        const remaining = before.totalCents - before.refundedCents;
        const amountCents = input.amountCents ?? remaining;
        if (amountCents <= 0 || amountCents > remaining) {
          throw unprocessable(
            `At most ${formatMoney(remaining, before.currency)} can still be refunded on this order`,
            'refund_exceeds_remaining',
            { refundableCents: remaining },
          );
        }
        const now = clock();
        const pending = await q.insertRefund({
          orderId: id,
          amountCents,
          reason: input.reason,
          status: 'pending',
          idempotencyKey: idempotencyKey ? `${scope}:${idempotencyKey}` : null,
          actorId: actor.userId,
          createdAt: now,
        });
        // The provider's idempotency key follows the client's: should the provider answer but this
        // transaction roll back (crash, timeout), the client's retry reuses it and the provider
        // refunds once. Without a client key, the refund row's id.
        const result = await payments.refund(
          { id, paymentIntentId: before.paymentIntentId },
          amountCents,
          idempotencyKey ? `${scope}:${idempotencyKey}` : `refund:${pending.id}`,
        );
        let status = 200;
        let body: unknown;
        if (result.status === 'succeeded') {
          await q.updateRefund(pending.id, { status: 'succeeded', providerRefundId: result.reference });
          const refundedCents = before.refundedCents + amountCents;
          const newStatus = refundedCents === before.totalCents ? 'refunded' : 'partially_refunded';
          const after = await q.update(id, { refundedCents, status: newStatus, updatedAt: now });
          await q.insertEvent({
            orderId: id,
            status: newStatus,
            at: now,
            note: `Refunded ${amountCents} cents`,
          });
          await actor.audit(
            'order.refunded',
            {
              targetType: 'order',
              targetId: id,
              details: {
                number: before.number,
                refundId: pending.id,
                amountCents,
                reason: input.reason,
                before: auditView(before),
                after: auditView(after),
              },
            },
            tx,
          );
          body = await detail(tx, id);
        } else {
          await q.updateRefund(pending.id, { status: 'failed', providerRefundId: result.reference });
          await actor.audit(
            'order.refund_failed',
            {
              targetType: 'order',
              targetId: id,
              details: { number: before.number, refundId: pending.id, amountCents },
            },
            tx,
          );
          status = 502;
          body = {
            title: 'Bad Gateway',
            detail: 'The payment provider refused the refund; nothing was refunded',
            code: 'refund_failed',
          };
        }
        if (idempotencyKey) {
          await keys.claimKey(scope, idempotencyKey, requestHash, now);
          await keys.finishKey(scope, idempotencyKey, status, body, now);
        }
        return { status, body };
      });
      if (outcome.status !== 200) {
        const problem = outcome.body as { title: string; detail: string; code: string };
        throw new AppError(outcome.status, problem.title, problem.detail, problem.code);
      }
      return outcome.body as AdminOrder;
    },
  };
}
export type AdminOrdersService = ReturnType<typeof adminOrdersService>;
