import { z } from 'zod';

/** A cart line holds 1–99 of a product; anything else (0, 100, 1.5, "2", -1) is a 400. */
export const MAX_LINE_QUANTITY = 99;
/** Guest carts are forgotten after this long without use (milliseconds: 30 days). */
export const GUEST_CART_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
export const CART_TOKEN_HEADER = 'x-cart-token';

const lineQuantity = z.number().int().min(1).max(MAX_LINE_QUANTITY);

/** The guest's cart token travels in `X-Cart-Token`; other headers pass through untouched. */
export const cartHeadersSchema = z.looseObject({
  [CART_TOKEN_HEADER]: z
    .string()
    .max(200)
    .optional()
    .describe('Guest cart token from `POST /cart`; ignored when the request is signed in'),
});

export const cartCreatedSchema = z
  .object({
    cartId: z.uuid(),
    cartToken: z.string().describe('Send as `X-Cart-Token`; shown once, stored by the server only hashed'),
  })
  .meta({ id: 'CartCreated' });
export type CartCreated = z.infer<typeof cartCreatedSchema>;

export const signedInCartSchema = z
  .object({ cartId: z.uuid() })
  .describe('A signed-in user already has a cart that follows them; no token is needed')
  .meta({ id: 'SignedInCart' });

export const cartEstimateQuerySchema = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
    .optional()
    .describe('Estimate tax for this country (ISO 3166-1 alpha-2)'),
  region: z.string().trim().max(100).optional().describe('State or province code or name, e.g. `CA`'),
});
export type CartEstimateQuery = z.infer<typeof cartEstimateQuerySchema>;

export const cartLineSchema = z
  .object({
    productId: z.uuid(),
    name: z.string(),
    slug: z.string(),
    imageUrl: z.string().nullable(),
    unitPriceCents: z.number().int().describe('The live catalog price, never a price sent by a client'),
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
    lineTotalCents: z.number().int(),
    stock: z.number().int(),
    available: z
      .boolean()
      .describe('The product is still sold and its stock covers the quantity; only such lines are counted'),
  })
  .meta({ id: 'CartLine' });
export type CartLine = z.infer<typeof cartLineSchema>;

export const cartSchema = z
  .object({
    id: z.uuid(),
    items: z.array(cartLineSchema),
    itemCount: z.number().int().describe('Sum of the quantities of available lines (the mini-cart badge)'),
    subtotalCents: z.number().int().describe('Sum of the available lines'),
    taxCents: z.number().int().describe('An estimate: see `estimate`'),
    shippingCents: z.number().int().describe('An estimate: the cheapest eligible shipping method'),
    totalCents: z.number().int(),
    currency: z.string().length(3),
    estimate: z
      .object({
        country: z.string().nullable(),
        region: z.string().nullable(),
        taxRateBasisPoints: z
          .number()
          .int()
          .nullable()
          .describe('null: no destination known, tax shown as 0'),
        shippingMethodId: z.string().nullable(),
      })
      .describe('What the tax and shipping figures assume; the checkout computes exact ones'),
  })
  .meta({ id: 'Cart' });
export type Cart = z.infer<typeof cartSchema>;

export const addCartItemSchema = z.object({
  productId: z.uuid(),
  quantity: lineQuantity.describe('1–99, added to the quantity already in the cart'),
});
export type AddCartItem = z.infer<typeof addCartItemSchema>;

export const updateCartItemSchema = z.object({
  quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY).describe('0–99; 0 removes the line'),
});
export type UpdateCartItem = z.infer<typeof updateCartItemSchema>;

export const cartItemParamsSchema = z.object({ productId: z.uuid() });
