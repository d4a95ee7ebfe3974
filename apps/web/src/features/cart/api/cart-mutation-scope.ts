/**
 * Cart changes share one mutation scope, so TanStack Query runs them one after another in the
 * order they were made: a slow PATCH can never land after (and undo) a later one.
 */
export const CART_MUTATION_SCOPE = { id: 'cart' };
