import { z } from 'zod';
import { addressInputSchema } from './account.ts';
import { problemSchema } from './common.ts';

export const CHECKOUT_STEPS = ['address', 'shipping', 'payment', 'review', 'complete'] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

export const checkoutParamsSchema = z.object({ id: z.uuid() });

export const startCheckoutBodySchema = z
  .object({
    email: z.email().max(254).optional().describe('Required for guests: where the confirmation goes'),
  })
  .default({});
export type StartCheckoutBody = z.input<typeof startCheckoutBodySchema>;

export const checkoutLineSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  lineTotalCents: z.number().int(),
});

export const checkoutSummarySchema = z
  .object({
    lines: z.array(checkoutLineSchema),
    subtotalCents: z.number().int(),
    taxCents: z.number().int(),
    shippingCents: z.number().int(),
    totalCents: z.number().int(),
    currency: z.string().length(3),
  })
  .meta({ id: 'CheckoutSummary' });
export type CheckoutSummary = z.infer<typeof checkoutSummarySchema>;

export const checkoutAddressSchema = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().nullable().optional(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  country: z.string().length(2),
  phone: z.string().nullable().optional(),
});
export type CheckoutAddress = z.infer<typeof checkoutAddressSchema>;

export const checkoutSchema = z
  .object({
    id: z.uuid(),
    step: z.enum(CHECKOUT_STEPS),
    status: z.enum(['open', 'abandoned', 'completed']),
    email: z.string().nullable(),
    shippingAddress: checkoutAddressSchema.nullable(),
    billingAddress: checkoutAddressSchema.nullable(),
    shippingMethodId: z.string().nullable(),
    paymentProvider: z.string().nullable(),
    summary: checkoutSummarySchema,
    updatedAt: z.string(),
  })
  .meta({ id: 'Checkout' });
export type Checkout = z.infer<typeof checkoutSchema>;

// No open draft is the usual case on a first visit, so it is `null` rather than a 404.
export const currentCheckoutSchema = z
  .object({
    checkout: checkoutSchema.nullable().describe('The caller’s open draft, or null when there is none'),
  })
  .meta({ id: 'CurrentCheckout' });
export type CurrentCheckout = z.infer<typeof currentCheckoutSchema>;

export const resumeCheckoutBodySchema = z
  .object({ token: z.string().min(16).max(200).describe('The token of the recovery email’s resume link') })
  .meta({ id: 'ResumeCheckoutBody' });
export type ResumeCheckoutBody = z.infer<typeof resumeCheckoutBodySchema>;

export const checkoutResumedSchema = z
  .object({
    checkout: checkoutSchema,
    cartToken: z
      .string()
      .optional()
      .describe('Guests: a fresh `X-Cart-Token` for the draft’s cart (the previous one stops working)'),
  })
  .meta({ id: 'CheckoutResumed' });
export type CheckoutResumed = z.infer<typeof checkoutResumedSchema>;

export const checkoutAddressBodySchema = z
  .object({
    shippingAddress: addressInputSchema.optional(),
    shippingAddressId: z.uuid().optional().describe('A saved address of the signed-in user'),
    billingAddress: addressInputSchema.optional(),
    billingSameAsShipping: z.literal(true).optional(),
  })
  .superRefine((body, ctx) => {
    if (Boolean(body.shippingAddress) === Boolean(body.shippingAddressId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['shippingAddress'],
        message: 'give exactly one of shippingAddress and shippingAddressId',
      });
    }
    if (Boolean(body.billingAddress) === Boolean(body.billingSameAsShipping)) {
      ctx.addIssue({
        code: 'custom',
        path: ['billingAddress'],
        message: 'give exactly one of billingAddress and billingSameAsShipping: true',
      });
    }
  });
export type CheckoutAddressBody = z.input<typeof checkoutAddressBodySchema>;

export const shippingOptionSchema = z
  .object({ id: z.string(), name: z.string(), priceCents: z.number().int(), estimatedDays: z.number().int() })
  .meta({ id: 'ShippingOption' });
export const shippingOptionPageSchema = z.object({
  items: z.array(shippingOptionSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const checkoutShippingBodySchema = z.object({ methodId: z.string().min(1).max(40) });

export const paymentStartedSchema = z
  .object({
    provider: z.string(),
    clientSecret: z.string().optional().describe('stripe: confirm this PaymentIntent with Stripe.js'),
    publishableKey: z.string().optional().describe('stripe: the key Stripe.js is loaded with'),
  })
  .meta({ id: 'PaymentStarted' });
export type PaymentStarted = z.infer<typeof paymentStartedSchema>;

export const completeCheckoutBodySchema = z
  .object({
    cardNumber: z
      .string()
      .regex(/^[0-9 -]{12,23}$/, 'must be a card number')
      .optional()
      .describe('Simulated provider only: 4242424242424242 succeeds, 4000000000000002 is declined'),
  })
  .default({});
export type CompleteCheckoutBody = z.input<typeof completeCheckoutBodySchema>;

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const idempotencyHeadersSchema = z.looseObject({
  [IDEMPOTENCY_KEY_HEADER]: z.string().min(8).max(200).optional(),
  'x-cart-token': z.string().max(200).optional(),
});

export const cartChangeSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  reason: z.enum(['price_changed', 'quantity_changed', 'insufficient_stock', 'unavailable', 'added']),
  before: z.number().int().optional(),
  after: z.number().int().optional(),
});
export type CartChange = z.infer<typeof cartChangeSchema>;

/** 409 `cart_changed`: what differs from the reviewed draft; nothing was charged. */
export const cartChangedProblemSchema = problemSchema
  .extend({ changes: z.array(cartChangeSchema).optional() })
  .meta({ id: 'CartChangedProblem' });
