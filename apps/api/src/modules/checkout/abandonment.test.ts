import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { checkoutFlow } from '../../../test/checkout-flow.ts';
import { createTestClock } from '../../../test/clock.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';

const clock = createTestClock(new Date(Date.UTC(2026, 5, 1, 12)));
const mail = createRecordingMailer();
const ctx = await useTestApp({}, { clock: clock.now, mailer: mail.mailer });
const db = ctx.database.handle.db;
const { call, guestCart, start, toReview, complete } = checkoutFlow(ctx.app);
const MINUTE = 60 * 1000;

let productId: string;
beforeAll(async () => {
  const categoryId = (await createCategory(db)).id;
  productId = (await createProduct(db, { categoryId, priceCents: 1500, stock: 100 })).id;
});

const draftRow = async (id: string) =>
  (await db.select().from(schema.checkouts).where(eq(schema.checkouts.id, id)))[0]!;
const recoveryMailsTo = (email: string) =>
  mail.sent.filter((m) => m.kind === 'checkout_recovery' && m.to === email);

async function idleDraft(email: string, review = false) {
  const headers = await guestCart([{ productId, quantity: 1 }]);
  const draft = await start(headers, { email });
  if (review) await toReview(headers, draft.id);
  return { headers, id: draft.id };
}

describe('abandonment job', () => {
  it('abandons a draft idle over ABANDON_AFTER_MINUTES and mails it once, even when run again', async () => {
    const { id } = await idleDraft('idle@example.test');
    clock.advance(59 * MINUTE);
    await ctx.app.runAbandonment();
    expect((await draftRow(id)).status).toBe('open');
    clock.advance(2 * MINUTE);
    expect(await ctx.app.runAbandonment()).toBeGreaterThanOrEqual(1);
    const row = await draftRow(id);
    expect(row.status).toBe('abandoned');
    expect(row.abandonedAt).not.toBeNull();
    expect(row.recoveryEmailSentAt).not.toBeNull();
    await vi.waitFor(() => expect(recoveryMailsTo('idle@example.test')).toHaveLength(1));
    const message = recoveryMailsTo('idle@example.test')[0]!;
    const token = mail.linkFrom(message, '/checkout/resume');
    expect(token).toBeTruthy();
    expect(row.resumeTokenHash).not.toContain(token!);
    expect(message.text).toContain('optOut=1');

    clock.advance(120 * MINUTE);
    await ctx.app.runAbandonment();
    await Promise.all([ctx.app.runAbandonment(), ctx.app.runAbandonment()]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recoveryMailsTo('idle@example.test')).toHaveLength(1);
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, id));
    expect(audit.filter((entry) => entry.action === 'checkout.abandoned')).toHaveLength(1);
  });

  it('sends nothing to a draft that opted out', async () => {
    const { id } = await idleDraft('optout@example.test');
    await db.update(schema.checkouts).set({ recoveryOptOut: true }).where(eq(schema.checkouts.id, id));
    clock.advance(61 * MINUTE);
    await ctx.app.runAbandonment();
    expect((await draftRow(id)).status).toBe('abandoned');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recoveryMailsTo('optout@example.test')).toHaveLength(0);
  });
});

describe('POST /checkout/resume', () => {
  it('returns the draft with a fresh cart token; completing it counts as recovered', async () => {
    const { headers, id } = await idleDraft('resume@example.test', true);
    clock.advance(61 * MINUTE);
    await ctx.app.runAbandonment();
    await vi.waitFor(() => expect(recoveryMailsTo('resume@example.test')).toHaveLength(1));
    const token = mail.linkFrom(recoveryMailsTo('resume@example.test')[0], '/checkout/resume')!;

    const wrong = await call('POST', '/checkout/resume', {}, { token: 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(404);

    const res = await call('POST', '/checkout/resume', {}, { token });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.checkout).toMatchObject({ id, status: 'open', step: 'review' });
    expect(body.cartToken).toEqual(expect.any(String));
    const fresh = { 'x-cart-token': body.cartToken as string };
    expect((await call('GET', `/checkout/${id}`, headers)).statusCode).toBe(404);
    expect((await call('GET', `/checkout/${id}`, fresh)).statusCode).toBe(200);

    const placed = await complete(fresh, id);
    expect(placed.statusCode, placed.body).toBe(201);
    const row = await draftRow(id);
    expect(row).toMatchObject({ status: 'completed', recovered: true });
    const actions = (await db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, id))).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['checkout.abandoned', 'checkout.resumed']));

    // The link is spent once the order is placed.
    expect((await call('POST', '/checkout/resume', {}, { token })).statusCode).toBe(404);
  });

  it('a resumed draft that goes idle again gets no second recovery email', async () => {
    const { id } = await idleDraft('twice@example.test');
    clock.advance(61 * MINUTE);
    await ctx.app.runAbandonment();
    await vi.waitFor(() => expect(recoveryMailsTo('twice@example.test')).toHaveLength(1));
    const token = mail.linkFrom(recoveryMailsTo('twice@example.test')[0], '/checkout/resume')!;
    expect((await call('POST', '/checkout/resume', {}, { token })).statusCode).toBe(200);
    clock.advance(61 * MINUTE);
    await ctx.app.runAbandonment();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await draftRow(id)).status).toBe('open');
    expect(recoveryMailsTo('twice@example.test')).toHaveLength(1);
  });

  it('opt-out link: 204 with the token, 404 without a known one', async () => {
    const { id } = await idleDraft('optlink@example.test');
    clock.advance(61 * MINUTE);
    await ctx.app.runAbandonment();
    await vi.waitFor(() => expect(recoveryMailsTo('optlink@example.test')).toHaveLength(1));
    const token = mail.linkFrom(recoveryMailsTo('optlink@example.test')[0], '/checkout/resume')!;
    const res = await call('POST', '/checkout/resume/opt-out', {}, { token });
    expect(res.statusCode, res.body).toBe(204);
    expect((await draftRow(id)).recoveryOptOut).toBe(true);
    const unknown = await call('POST', '/checkout/resume/opt-out', {}, { token: 'y'.repeat(43) });
    expect(unknown.statusCode).toBe(404);
  });
});
