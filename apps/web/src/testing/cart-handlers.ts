import type { Cart, Page, Product, Review, WishlistStatus } from '@securecart/contract';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { fakeAccount, validationProblem } from './auth-handlers.ts';
import { products } from './fixtures.ts';
import { problem, TEST_API } from './handlers.ts';

interface Line {
  productId: string;
  quantity: number;
}

/** Basis points, as the API's built-in table; a country outside it is a 422. */
const TAX_RATES: Record<string, number> = { US: 725, CA: 1300, GB: 2000, DE: 1900, FR: 2000 };
const SHIPPING_CENTS = 599;
const FREE_SHIPPING_FROM_CENTS = 10_000;
const MAX_LINE_QUANTITY = 99;

/**
 * A small, stateful imitation of the cart, wishlist and review API for the signed-in user of
 * auth-handlers and for guests with `X-Cart-Token`. Prices, availability and totals are computed
 * here, as the server does, so the UI can only show what it was told.
 */
export const fakeCommerce = {
  guestCarts: new Map<string, Line[]>(),
  userCart: [] as Line[],
  tokenCount: 0,
  /** Product ids, newest first. */
  wishlist: [] as string[],
  reviews: [] as Review[],
  /** Products the signed-in user has a paid order of (may review). */
  bought: new Set<string>(),
  /** Stock overrides by product id (the catalog fixtures are shared and stay untouched). */
  stock: new Map<string, number>(),
};

export function resetFakeCommerce() {
  fakeCommerce.guestCarts = new Map();
  fakeCommerce.userCart = [];
  fakeCommerce.tokenCount = 0;
  fakeCommerce.wishlist = [];
  fakeCommerce.reviews = [];
  fakeCommerce.bought = new Set();
  fakeCommerce.stock = new Map();
}

const CART_ID = '00000000-0000-4000-8000-0000000ca470';

const isSignedIn = (request: Request) => {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  return Boolean(token && fakeAccount.signedIn && fakeAccount.validTokens.has(token));
};

const productById = (id: unknown) => products.find((product) => product.id === id);
const stockOf = (product: Product) => fakeCommerce.stock.get(product.id) ?? product.stock;

/** The lines of the request's cart, or undefined for a guest token the fake never issued. */
function linesOf(request: Request): Line[] | undefined {
  if (isSignedIn(request)) return fakeCommerce.userCart;
  const token = request.headers.get('x-cart-token');
  return token ? fakeCommerce.guestCarts.get(token) : undefined;
}

const cartNotFound = () => problem(404, 'Not Found', 'Cart not found', { code: 'cart_not_found' });

const insufficientStock = (stock: number) =>
  problem(
    409,
    'Conflict',
    stock === 0
      ? 'This product is out of stock'
      : `Only ${stock} of this product ${stock === 1 ? 'is' : 'are'} available`,
    { code: 'insufficient_stock' },
  );

/** The estimate's destination, or a ready 422 for a country outside the tax table. */
function destinationOf(request: Request): { country: string; region: string | null } | Response | undefined {
  const params = new URL(request.url).searchParams;
  const country = params.get('country')?.toUpperCase();
  if (country) {
    if (TAX_RATES[country] === undefined) {
      return problem(422, 'Unprocessable Content', `We do not ship to ${country} yet`, {
        code: 'unsupported_country',
      });
    }
    return { country, region: params.get('region') };
  }
  const home = isSignedIn(request) ? fakeAccount.addresses.find((address) => address.isDefault) : undefined;
  return home && TAX_RATES[home.country] !== undefined
    ? { country: home.country, region: home.region || null }
    : undefined;
}

function cartView(lines: Line[], destination: { country: string; region: string | null } | undefined): Cart {
  const items = lines.map((line) => {
    const product = productById(line.productId)!;
    const stock = stockOf(product);
    return {
      productId: product.id,
      name: product.name,
      slug: product.slug,
      imageUrl: product.imageUrl,
      unitPriceCents: product.priceCents,
      quantity: line.quantity,
      lineTotalCents: product.priceCents * line.quantity,
      stock,
      available: stock >= line.quantity,
    };
  });
  const counted = items.filter((item) => item.available);
  const subtotalCents = counted.reduce((sum, item) => sum + item.lineTotalCents, 0);
  const rate = destination ? TAX_RATES[destination.country]! : undefined;
  const taxCents = Math.round((subtotalCents * (rate ?? 0)) / 10_000);
  const shippingCents = subtotalCents === 0 || subtotalCents >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS;
  return {
    id: CART_ID,
    items,
    itemCount: counted.reduce((sum, item) => sum + item.quantity, 0),
    subtotalCents,
    taxCents,
    shippingCents,
    totalCents: subtotalCents + taxCents + shippingCents,
    currency: 'USD',
    estimate: {
      country: destination?.country ?? null,
      region: destination?.region ?? null,
      taxRateBasisPoints: rate ?? null,
      shippingMethodId: subtotalCents > 0 ? 'standard' : null,
    },
  };
}

/** Resolves the cart and the estimate, then answers with `change`'s error or the cart. */
async function withCart(request: Request, change: (lines: Line[]) => Response | undefined) {
  const destination = destinationOf(request);
  if (destination instanceof Response) return destination;
  const lines = linesOf(request);
  if (!lines) return cartNotFound();
  return change(lines) ?? HttpResponse.json(cartView(lines, destination));
}

const isQuantity = (value: unknown, min: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= MAX_LINE_QUANTITY;

const quantityProblem = (min: number) =>
  validationProblem([
    { path: '/quantity', message: `must be an integer from ${min} to ${MAX_LINE_QUANTITY}` },
  ]);

function paged<T>(request: Request, items: T[]): Page<T> {
  const params = new URL(request.url).searchParams;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
}

const reviewerName = () => fakeAccount.profile.name.split(' ')[0]!;

/** The signed-in user's review, told by the author name the fake gives it. */
const hasReviewed = (productId: string) =>
  fakeCommerce.reviews.some(
    (review) => review.productId === productId && review.authorName === reviewerName(),
  );

const unauthorized = () => problem(401, 'Unauthorized', 'Authentication required');

export const cartHandlers: RequestHandler[] = [
  http.post(`${TEST_API}/cart`, ({ request }) => {
    if (isSignedIn(request)) return HttpResponse.json({ cartId: CART_ID });
    fakeCommerce.tokenCount++;
    const cartToken = `cart-token-${fakeCommerce.tokenCount}`;
    fakeCommerce.guestCarts.set(cartToken, []);
    return HttpResponse.json({ cartId: CART_ID, cartToken }, { status: 201 });
  }),

  http.get(`${TEST_API}/cart`, ({ request }) => withCart(request, () => undefined)),

  http.post(`${TEST_API}/cart/items`, async ({ request }) => {
    const body = (await request.json()) as { productId?: unknown; quantity?: unknown };
    if (!isQuantity(body.quantity, 1)) return quantityProblem(1);
    const quantity = body.quantity as number;
    return withCart(request, (lines) => {
      const product = productById(body.productId);
      if (!product) return problem(404, 'Not Found', 'Product not found', { code: 'not_found' });
      const stock = stockOf(product);
      const line = lines.find((item) => item.productId === product.id);
      const next = (line?.quantity ?? 0) + quantity;
      if (next > stock) return insufficientStock(stock);
      if (next > MAX_LINE_QUANTITY) {
        return problem(422, 'Unprocessable Content', 'A cart line holds at most 99 of a product', {
          code: 'quantity_limit',
        });
      }
      if (line) line.quantity = next;
      else lines.push({ productId: product.id, quantity });
      return undefined;
    });
  }),

  http.patch(`${TEST_API}/cart/items/:productId`, async ({ request, params }) => {
    const body = (await request.json()) as { quantity?: unknown };
    if (!isQuantity(body.quantity, 0)) return quantityProblem(0);
    const quantity = body.quantity as number;
    return withCart(request, (lines) => {
      const index = lines.findIndex((item) => item.productId === params.productId);
      if (quantity === 0) {
        if (index >= 0) lines.splice(index, 1);
        return undefined;
      }
      const product = productById(params.productId);
      if (!product) return problem(404, 'Not Found', 'Product not found', { code: 'not_found' });
      if (quantity > stockOf(product)) return insufficientStock(stockOf(product));
      if (index < 0) return problem(404, 'Not Found', 'Cart line not found', { code: 'not_found' });
      lines[index]!.quantity = quantity;
      return undefined;
    });
  }),

  http.delete(`${TEST_API}/cart/items/:productId`, ({ request, params }) => {
    const lines = linesOf(request);
    if (!lines) return cartNotFound();
    const index = lines.findIndex((item) => item.productId === params.productId);
    if (index >= 0) lines.splice(index, 1);
    return new HttpResponse(null, { status: 204 });
  }),

  http.get(`${TEST_API}/me/wishlist`, ({ request }) => {
    if (!isSignedIn(request)) return unauthorized();
    return HttpResponse.json(
      paged(
        request,
        fakeCommerce.wishlist.map((id) => productById(id)!),
      ),
    );
  }),

  http.get(`${TEST_API}/me/wishlist/:productId`, ({ request, params }) => {
    if (!isSignedIn(request)) return unauthorized();
    const productId = params.productId as string;
    const saved = fakeCommerce.wishlist.includes(productId) && productById(productId) !== undefined;
    return HttpResponse.json({ productId, saved } satisfies WishlistStatus);
  }),

  http.post(`${TEST_API}/me/wishlist`, async ({ request }) => {
    if (!isSignedIn(request)) return unauthorized();
    const { productId } = (await request.json()) as { productId: string };
    const product = productById(productId);
    if (!product) return problem(404, 'Not Found', 'Product not found', { code: 'not_found' });
    const created = !fakeCommerce.wishlist.includes(product.id);
    if (created) fakeCommerce.wishlist.unshift(product.id);
    return HttpResponse.json(product, { status: created ? 201 : 200 });
  }),

  http.delete(`${TEST_API}/me/wishlist/:productId`, ({ request, params }) => {
    if (!isSignedIn(request)) return unauthorized();
    fakeCommerce.wishlist = fakeCommerce.wishlist.filter((id) => id !== params.productId);
    return new HttpResponse(null, { status: 204 });
  }),

  http.get(`${TEST_API}/products/:id/reviews`, ({ request, params }) =>
    HttpResponse.json(
      paged(
        request,
        fakeCommerce.reviews.filter((review) => review.productId === params.id),
      ),
    ),
  ),

  http.get(`${TEST_API}/products/:id/reviews/eligibility`, ({ request, params }) => {
    if (!isSignedIn(request)) return unauthorized();
    const product = productById(params.id);
    if (!product) return problem(404, 'Not Found', 'Product not found', { code: 'not_found' });
    if (hasReviewed(product.id)) return HttpResponse.json({ canReview: false, reason: 'already_reviewed' });
    if (!fakeCommerce.bought.has(product.id)) {
      return HttpResponse.json({ canReview: false, reason: 'not_purchased' });
    }
    return HttpResponse.json({ canReview: true });
  }),

  http.post(`${TEST_API}/products/:id/reviews`, async ({ request, params }) => {
    if (!isSignedIn(request)) return unauthorized();
    const body = (await request.json()) as { rating?: unknown; body?: unknown };
    const text = typeof body.body === 'string' ? body.body.trim() : '';
    const errors = [
      ...(Number.isInteger(body.rating) && (body.rating as number) >= 1 && (body.rating as number) <= 5
        ? []
        : [{ path: '/rating', message: 'must be an integer from 1 to 5' }]),
      ...(text.length >= 1 && text.length <= 5000
        ? []
        : [{ path: '/body', message: 'must be 1–5000 characters' }]),
    ];
    if (errors.length > 0) return validationProblem(errors);
    const product = productById(params.id);
    if (!product) return problem(404, 'Not Found', 'Product not found', { code: 'not_found' });
    if (!fakeCommerce.bought.has(product.id)) {
      return problem(403, 'Forbidden', 'Only customers who bought this product can review it', {
        code: 'not_a_buyer',
      });
    }
    if (hasReviewed(product.id)) {
      return problem(409, 'Conflict', 'You already reviewed this product', { code: 'review_exists' });
    }
    const review: Review = {
      id: `00000000-0000-4000-8000-${String(fakeCommerce.reviews.length + 1).padStart(12, '0')}`,
      productId: product.id,
      rating: body.rating as number,
      body: text,
      authorName: reviewerName(),
      createdAt: '2026-03-04T12:00:00.000Z',
    };
    fakeCommerce.reviews.unshift(review);
    return HttpResponse.json(review, { status: 201 });
  }),
];
