import {
  type CartChange,
  type Checkout,
  type CheckoutAddress,
  type CheckoutStep,
  checkoutAddressBodySchema,
  type Order,
} from '@securecart/contract';
import { HttpResponse, http } from 'msw';
import { makeAddress } from './auth-fixtures.ts';
import { fakeAccount, validationProblem } from './auth-handlers.ts';
import { fakeCommerce } from './cart-handlers.ts';
import { products } from './fixtures.ts';
import { problem, TEST_API } from './handlers.ts';

/**
 * A small, stateful imitation of the checkout and order API (API.md's rules: step order, one open
 * draft per cart, re-pricing at completion, the simulated provider's test cards, Idempotency-Key).
 * Tests arrange the cart and live prices here, and read what the SPA sent.
 */
interface Draft {
  id: string;
  owner: string;
  step: CheckoutStep;
  status: Checkout['status'];
  email: string | null;
  shippingAddress: CheckoutAddress | null;
  shippingMethodId: string | null;
  paymentProvider: string | null;
  /** Unit prices as of the last saved step: completion compares them with the live ones. */
  snapshot: Record<string, number>;
}

export const SHIPPING_METHODS = [
  { id: 'standard', name: 'Standard', priceCents: 500, estimatedDays: 5 },
  { id: 'express', name: 'Express', priceCents: 1500, estimatedDays: 2 },
];
export const SUCCEEDING_CARD = '4242424242424242';
export const DECLINED_CARD = '4000000000000002';
const TAXED_COUNTRIES = new Set(['US', 'CA', 'GB', 'DE', 'FR']);
const TAX_BASIS_POINTS = 1000;

const uuid = (prefix: string, n: number) => `00000000-0000-4000-8000-${prefix}${String(n).padStart(8, '0')}`;

const initialState = () => ({
  /** Live catalog prices by product id, where they differ from the fixtures'. */
  prices: {} as Record<string, number>,
  drafts: new Map<string, Draft>(),
  orders: [] as StoredOrder[],
  /** Every POST /complete, in order: its key and body. */
  completions: [] as { key: string | null; body: { cardNumber?: string } }[],
  /** Replays by Idempotency-Key (draft id + key). */
  replays: new Map<string, Order>(),
  /** Recovery-email tokens → draft id. */
  resumeTokens: new Map<string, string>(),
  optedOut: new Set<string>(),
  /** Set to play a shop configured for Stripe (PAYMENT_PROVIDER=stripe); simulated otherwise. */
  stripe: undefined as { publishableKey: string; clientSecret: string } | undefined,
  nextId: 1,
});

export const fakeCheckout = initialState();

export function resetFakeCheckout() {
  Object.assign(fakeCheckout, initialState());
}

/** Fills the cart fake's cart: the guest's of `guestToken`, else the signed-in user's. */
export function seedCart(lines: { productId: string; quantity: number }[], guestToken?: string) {
  if (guestToken) fakeCommerce.guestCarts.set(guestToken, lines);
  else fakeCommerce.userCart = lines;
}

/** The checkout reads the cart fake's cart, so the cart page and the checkout always agree. */
function cartLinesOf(owner: string) {
  const lines =
    owner === 'user' ? fakeCommerce.userCart : fakeCommerce.guestCarts.get(owner.slice('cart:'.length));
  return lines ?? [];
}

const livePrice = (productId: string) =>
  fakeCheckout.prices[productId] ?? products.find((product) => product.id === productId)?.priceCents ?? 0;

/** A draft as if the shopper had started it earlier (on another device, or before a reload). */
export function seedDraft(overrides: Partial<Draft> & Pick<Draft, 'owner'>): Checkout {
  const draft: Draft = {
    id: uuid('c0c0', fakeCheckout.nextId++),
    step: 'address',
    status: 'open',
    email: null,
    shippingAddress: null,
    shippingMethodId: null,
    paymentProvider: null,
    snapshot: {},
    ...overrides,
  };
  fakeCheckout.drafts.set(draft.id, draft);
  return view(draft);
}

/** The signed-in user (a bearer token the auth fake issued) or the guest cart's token. */
function ownerOf(request: Request): string | undefined {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (token && fakeAccount.validTokens.has(token) && fakeAccount.signedIn) return 'user';
  const cartToken = request.headers.get('x-cart-token');
  return cartToken ? `cart:${cartToken}` : undefined;
}

/** The owner's open draft: one per cart, as the API keeps it. */
const openDraftOf = (owner: string | undefined) =>
  [...fakeCheckout.drafts.values()].find((d) => d.owner === owner && d.status === 'open');

const notFound = (what: string) => problem(404, 'Not Found', `${what} not found`);
const STEPS: CheckoutStep[] = ['address', 'shipping', 'payment', 'review', 'complete'];
const reached = (draft: Draft, needed: CheckoutStep) => STEPS.indexOf(draft.step) >= STEPS.indexOf(needed);
const outOfOrder = (draft: Draft) =>
  problem(409, 'Conflict', `Finish the ${draft.step} step first`, {
    code: 'checkout_step_out_of_order',
  });

function summaryOf(draft: Draft): Checkout['summary'] {
  const lines = cartLinesOf(draft.owner).map((line) => {
    const unitPriceCents = livePrice(line.productId);
    const name = products.find((product) => product.id === line.productId)?.name ?? '';
    return { ...line, name, unitPriceCents, lineTotalCents: unitPriceCents * line.quantity };
  });
  const subtotalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const taxCents = draft.shippingAddress ? Math.round((subtotalCents * TAX_BASIS_POINTS) / 10000) : 0;
  const shippingCents = SHIPPING_METHODS.find((m) => m.id === draft.shippingMethodId)?.priceCents ?? 0;
  return {
    lines,
    subtotalCents,
    taxCents,
    shippingCents,
    totalCents: subtotalCents + taxCents + shippingCents,
    currency: 'USD',
  };
}

const view = (draft: Draft): Checkout => ({
  id: draft.id,
  step: draft.step,
  status: draft.status,
  email: draft.email,
  shippingAddress: draft.shippingAddress,
  billingAddress: draft.shippingAddress,
  shippingMethodId: draft.shippingMethodId,
  paymentProvider: draft.paymentProvider,
  summary: summaryOf(draft),
  updatedAt: '2026-11-20T10:00:00.000Z',
});

/** Every step saves the live prices with the draft. */
function save(draft: Draft, changes: Partial<Draft>) {
  Object.assign(draft, changes);
  draft.snapshot = Object.fromEntries(
    cartLinesOf(draft.owner).map((line) => [line.productId, livePrice(line.productId)]),
  );
  return HttpResponse.json(view(draft));
}

/** Runs `work` on the caller's own draft; anyone else's is a 404, as the API answers. */
const withDraft =
  (work: (draft: Draft, request: Request) => Response | Promise<Response>) =>
  ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
    const draft = fakeCheckout.drafts.get(String(params.id));
    if (!draft || draft.owner !== ownerOf(request)) return notFound('Checkout');
    return work(draft, request);
  };

function changesSince(draft: Draft): CartChange[] {
  return summaryOf(draft)
    .lines.filter((line) => draft.snapshot[line.productId] !== line.unitPriceCents)
    .map((line) => ({
      productId: line.productId,
      name: line.name,
      reason: 'price_changed',
      before: draft.snapshot[line.productId],
      after: line.unitPriceCents,
    }));
}

/** The fixture address as a draft or an order holds it (no id, no default flag). */
export function checkoutAddress(): CheckoutAddress {
  const { id: _id, isDefault: _isDefault, ...address } = makeAddress();
  return address;
}

type StoredOrder = Order & { owner: string; guestEmail: string | null; guestToken: string };

/** An order as the API stores it: `owner` 'user' or a guest's, who reads it with its email and token. */
export function seedOrder(overrides: Partial<StoredOrder> = {}): StoredOrder {
  const n = fakeCheckout.nextId++;
  const at = '2026-11-20T10:05:00.000Z';
  const order: StoredOrder = {
    id: uuid('0000', n),
    number: `SC-7K3M-9QX${n}`,
    status: 'paid',
    items: [],
    subtotalCents: 0,
    taxCents: 0,
    shippingCents: 0,
    totalCents: 0,
    refundedCents: 0,
    currency: 'USD',
    shippingAddress: checkoutAddress(),
    shippingMethodName: 'Standard',
    carrier: null,
    trackingNumber: null,
    timeline: [
      { status: 'pending_payment', at, note: null },
      { status: 'paid', at, note: null },
    ],
    createdAt: at,
    paidAt: at,
    owner: 'user',
    guestEmail: null,
    guestToken: `guest-token-${n}`,
    ...overrides,
  };
  fakeCheckout.orders.push(order);
  return order;
}

function placeOrder(draft: Draft): Order {
  const summary = summaryOf(draft);
  const order = seedOrder({
    items: summary.lines,
    subtotalCents: summary.subtotalCents,
    taxCents: summary.taxCents,
    shippingCents: summary.shippingCents,
    totalCents: summary.totalCents,
    shippingAddress: draft.shippingAddress as CheckoutAddress,
    shippingMethodName: SHIPPING_METHODS.find((m) => m.id === draft.shippingMethodId)?.name ?? '',
    owner: draft.owner,
    guestEmail: draft.email,
    timeline: [{ status: 'paid', at: '2026-11-20T10:05:00.000Z', note: 'Order placed and paid' }],
  });
  seedCart([], draft.owner === 'user' ? undefined : draft.owner.slice('cart:'.length));
  draft.step = 'complete';
  draft.status = 'completed';
  return bare(order);
}

function bare({ owner: _owner, guestEmail: _email, guestToken: _token, ...order }: StoredOrder): Order {
  return order;
}

export const checkoutHandlers = [
  http.post(`${TEST_API}/checkout/resume`, async ({ request }) => {
    const { token } = (await request.json()) as { token: string };
    const draft = fakeCheckout.drafts.get(fakeCheckout.resumeTokens.get(token) ?? '');
    if (!draft || draft.status === 'completed') return notFound('Checkout');
    if (draft.owner === 'user' && ownerOf(request) !== 'user') {
      return problem(401, 'Unauthorized', 'Sign in to resume this checkout');
    }
    draft.status = 'open';
    if (draft.owner === 'user') return HttpResponse.json({ checkout: view(draft) });
    // The draft's cart answers to a fresh token; the old one stops working.
    const cartToken = `resumed-cart-${fakeCheckout.nextId++}`;
    seedCart(cartLinesOf(draft.owner), cartToken);
    fakeCommerce.guestCarts.delete(draft.owner.slice('cart:'.length));
    draft.owner = `cart:${cartToken}`;
    return HttpResponse.json({ checkout: view(draft), cartToken });
  }),

  http.post(`${TEST_API}/checkout/resume/opt-out`, async ({ request }) => {
    const { token } = (await request.json()) as { token: string };
    if (!fakeCheckout.resumeTokens.has(token)) return notFound('Checkout');
    fakeCheckout.optedOut.add(token);
    return new HttpResponse(null, { status: 204 });
  }),

  http.post(`${TEST_API}/checkout`, async ({ request }) => {
    const owner = ownerOf(request);
    if (!owner) return notFound('Cart');
    const body = ((await request.json().catch(() => ({}))) ?? {}) as { email?: string };
    if (owner !== 'user' && !body.email) {
      return validationProblem([{ path: 'email', message: 'is required for guest checkout' }]);
    }
    if (cartLinesOf(owner).length === 0) {
      return problem(422, 'Unprocessable Content', 'The cart is empty', { code: 'cart_empty' });
    }
    let draft = openDraftOf(owner);
    draft ??= fakeCheckout.drafts.get(seedDraft({ owner }).id) as Draft;
    if (owner !== 'user') draft.email = body.email ?? null;
    save(draft, {});
    return HttpResponse.json(view(draft), { status: 201 });
  }),

  // Before `/checkout/:id`, which would take `current` for an id.
  http.get(`${TEST_API}/checkout/current`, ({ request }) => {
    const draft = openDraftOf(ownerOf(request));
    return HttpResponse.json({ checkout: draft ? view(draft) : null });
  }),

  http.get(
    `${TEST_API}/checkout/:id`,
    withDraft((draft) => HttpResponse.json(view(draft))),
  ),

  http.put(
    `${TEST_API}/checkout/:id/address`,
    withDraft(async (draft, request) => {
      if (draft.status === 'completed') return outOfOrder(draft);
      const parsed = checkoutAddressBodySchema.safeParse(await request.json());
      if (!parsed.success) {
        return validationProblem(
          parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        );
      }
      const { shippingAddress, shippingAddressId } = parsed.data;
      const saved =
        draft.owner === 'user' ? fakeAccount.addresses.find((a) => a.id === shippingAddressId) : undefined;
      if (shippingAddressId && !saved) return notFound('Address');
      const { isDefault: _default, id: _id, ...address } = { id: '', ...(saved ?? shippingAddress!) };
      if (!TAXED_COUNTRIES.has(address.country)) {
        return problem(422, 'Unprocessable Content', `We do not ship to ${address.country} yet`, {
          code: 'unsupported_country',
        });
      }
      return save(draft, {
        shippingAddress: { ...address, line2: address.line2 ?? null, phone: address.phone ?? null },
        step: 'shipping',
        shippingMethodId: null,
        paymentProvider: null,
      });
    }),
  ),

  http.get(
    `${TEST_API}/checkout/:id/shipping-methods`,
    withDraft((draft) =>
      reached(draft, 'shipping')
        ? HttpResponse.json({
            items: SHIPPING_METHODS,
            page: 1,
            pageSize: 20,
            total: SHIPPING_METHODS.length,
          })
        : outOfOrder(draft),
    ),
  ),

  http.put(
    `${TEST_API}/checkout/:id/shipping`,
    withDraft(async (draft, request) => {
      if (!reached(draft, 'shipping') || draft.status === 'completed') return outOfOrder(draft);
      const { methodId } = (await request.json()) as { methodId: string };
      if (!SHIPPING_METHODS.some((m) => m.id === methodId)) {
        return problem(422, 'Unprocessable Content', 'This shipping method is not available', {
          code: 'shipping_method_unavailable',
        });
      }
      return save(draft, { shippingMethodId: methodId, step: 'payment', paymentProvider: null });
    }),
  ),

  http.post(
    `${TEST_API}/checkout/:id/payment`,
    withDraft((draft) => {
      if (!reached(draft, 'payment') || draft.status === 'completed') return outOfOrder(draft);
      const provider = fakeCheckout.stripe ? 'stripe' : 'simulated';
      save(draft, { step: 'review', paymentProvider: provider });
      return HttpResponse.json({ provider, ...fakeCheckout.stripe });
    }),
  ),

  http.post(
    `${TEST_API}/checkout/:id/complete`,
    withDraft(async (draft, request) => {
      const key = request.headers.get('idempotency-key');
      const body = (await request.json()) as { cardNumber?: string };
      fakeCheckout.completions.push({ key, body });
      const replayed = key ? fakeCheckout.replays.get(`${draft.id}:${key}`) : undefined;
      if (replayed) return HttpResponse.json({ order: replayed }, { status: 201 });
      if (!reached(draft, 'review') || draft.status === 'completed') return outOfOrder(draft);
      const changes = changesSince(draft);
      if (changes.length > 0) {
        return problem(409, 'Conflict', 'The cart changed since you reviewed it; nothing was charged', {
          code: 'cart_changed',
          changes,
        } as object);
      }
      if (draft.paymentProvider === 'stripe') {
        // Stripe.js confirmed the payment in the browser: the shop never sees a card number.
        if (body.cardNumber) {
          return problem(400, 'Bad Request', 'Card data is not accepted', { code: 'card_data_refused' });
        }
      } else if (body.cardNumber !== SUCCEEDING_CARD) {
        return problem(402, 'Payment Required', 'The card was declined; nothing was charged', {
          code: 'payment_declined',
        });
      }
      const order = placeOrder(draft);
      if (key) fakeCheckout.replays.set(`${draft.id}:${key}`, order);
      return HttpResponse.json({ order }, { status: 201 });
    }),
  ),

  http.get(`${TEST_API}/orders/:number`, ({ request, params }) => {
    const query = new URL(request.url).searchParams;
    const order = fakeCheckout.orders.find(
      (o) =>
        o.number === params.number &&
        o.guestEmail === query.get('email') &&
        o.guestToken === query.get('token'),
    );
    return order ? HttpResponse.json(bare(order)) : notFound('Order');
  }),

  http.post(`${TEST_API}/orders/:number/claim`, ({ request, params }) => {
    const order = fakeCheckout.orders.find((o) => o.number === params.number);
    if (ownerOf(request) !== 'user') return problem(401, 'Unauthorized', 'Authentication required');
    if (!order || order.guestEmail !== fakeAccount.profile.email) return notFound('Order');
    order.owner = 'user';
    return HttpResponse.json(bare(order));
  }),

  http.get(`${TEST_API}/me/orders`, ({ request }) => {
    if (ownerOf(request) !== 'user') return problem(401, 'Unauthorized', 'Authentication required');
    const query = new URL(request.url).searchParams;
    const page = Number(query.get('page') ?? 1);
    const pageSize = Number(query.get('pageSize') ?? 20);
    const mine = fakeCheckout.orders.filter((o) => o.owner === 'user').reverse();
    return HttpResponse.json({
      items: mine.slice((page - 1) * pageSize, page * pageSize).map((o) => {
        const { timeline: _timeline, ...summary } = bare(o);
        return summary;
      }),
      page,
      pageSize,
      total: mine.length,
    });
  }),

  http.get(`${TEST_API}/me/orders/:id`, ({ request, params }) => {
    if (ownerOf(request) !== 'user') return problem(401, 'Unauthorized', 'Authentication required');
    const order = fakeCheckout.orders.find((o) => o.id === params.id && o.owner === 'user');
    return order ? HttpResponse.json(bare(order)) : notFound('Order');
  }),
];
