import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** A webhook signing secret for tests only (not a real-looking key). */
export const FAKE_WEBHOOK_SECRET = 'whsec_fake_local';
export const FAKE_SECRET_KEY = 'sk_fake_local';
export const FAKE_PUBLISHABLE_KEY = 'pk_fake_local';

export interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
  created: number;
  livemode: false;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  payment_intent: string;
  status: 'succeeded';
  created: number;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** `a[b][c]=v` form fields (what the SDK sends) → nested objects. */
function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.split(/[[\]]+/).filter(Boolean);
    let node = out as Record<string, unknown>;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return out;
}

/**
 * A small Stripe API stand-in on 127.0.0.1 (port 0) for the official SDK: payment intents (create,
 * retrieve) and refunds, honouring `Idempotency-Key` (same key → same stored response). The test
 * moves an intent on with `succeed`/`fail`, and signs webhook events with `webhook`.
 */
export async function startFakeStripe() {
  const intents = new Map<string, FakeIntent>();
  const refunds: FakeRefund[] = [];
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const requests: { method: string; path: string; idempotencyKey?: string; body: Record<string, unknown> }[] =
    [];

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
    res.end(JSON.stringify(body));
  };
  const notFound = (res: ServerResponse, what: string) =>
    send(res, 404, {
      error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` },
    });

  function handle(
    method: string,
    path: string,
    body: Record<string, unknown>,
  ): { status: number; body: unknown } {
    const now = Math.floor(Date.now() / 1000);
    if (method === 'POST' && path === '/v1/payment_intents') {
      const intentId = id('pi');
      const intent: FakeIntent = {
        id: intentId,
        object: 'payment_intent',
        amount: Number(body.amount),
        amount_received: 0,
        currency: String(body.currency),
        status: 'requires_payment_method',
        client_secret: `${intentId}_secret_${randomBytes(8).toString('hex')}`,
        metadata: (body.metadata as Record<string, string>) ?? {},
        latest_charge: null,
        created: now,
        livemode: false,
      };
      intents.set(intentId, intent);
      return { status: 200, body: intent };
    }
    const one = path.match(/^\/v1\/payment_intents\/([A-Za-z0-9_]+)$/);
    if (method === 'GET' && one) {
      const intent = intents.get(one[1]!);
      return intent ? { status: 200, body: intent } : { status: 404, body: undefined };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const intent = intents.get(String(body.payment_intent));
      if (!intent) return { status: 404, body: undefined };
      const refund: FakeRefund = {
        id: id('re'),
        object: 'refund',
        amount: body.amount === undefined ? intent.amount : Number(body.amount),
        payment_intent: intent.id,
        status: 'succeeded',
        created: now,
      };
      refunds.push(refund);
      return { status: 200, body: refund };
    }
    return { status: 404, body: undefined };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const path = (req.url ?? '/').split('?')[0]!;
      const body = parseForm(Buffer.concat(chunks).toString('utf8'));
      const key = req.headers['idempotency-key'];
      const idempotencyKey = typeof key === 'string' ? key : undefined;
      requests.push({ method, path, idempotencyKey, body });
      const stored = idempotencyKey ? idempotent.get(idempotencyKey) : undefined;
      const result = stored ?? handle(method, path, body);
      if (idempotencyKey && !stored && method === 'POST') idempotent.set(idempotencyKey, result);
      if (result.status === 404) return notFound(res, path);
      send(res, result.status, result.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const mustGet = (intentId: string) => {
    const intent = intents.get(intentId);
    if (!intent) throw new Error(`fake stripe: no intent ${intentId}`);
    return intent;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    intents,
    refunds,
    requests,
    /** The customer confirmed with Stripe.js and the charge went through. */
    succeed(intentId: string) {
      const intent = mustGet(intentId);
      Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: id('ch') });
      return intent;
    },
    /** The card was declined: back to requires_payment_method. */
    fail(intentId: string) {
      return Object.assign(mustGet(intentId), { status: 'requires_payment_method' });
    },
    setStatus(intentId: string, status: string) {
      return Object.assign(mustGet(intentId), { status });
    },
    /** A Stripe event for `object`, with its JSON payload and a valid `stripe-signature` header. */
    webhook(
      type: string,
      object: unknown,
      options: { eventId?: string; secret?: string; timestamp?: number } = {},
    ) {
      const payload = JSON.stringify({
        id: options.eventId ?? id('evt'),
        object: 'event',
        api_version: '2025-01-01',
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        type,
        data: { object },
      });
      const signature = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? FAKE_WEBHOOK_SECRET,
        ...(options.timestamp ? { timestamp: options.timestamp } : {}),
      });
      return { payload, signature };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
