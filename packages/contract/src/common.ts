import { z } from 'zod';

/**
 * RFC 9457 problem details; `errors` lists each invalid field on a 400. Loose on purpose: extension members (e.g. `step` on
 * `checkout_step_out_of_order`, `changes` on a price change) must reach the client, not be
 * stripped by response serialization.
 */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().optional().describe('A stable machine-readable reason, e.g. `out_of_stock`.'),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export const MAX_PAGE_SIZE = 100;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('1-based page number'),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20).describe('1–100, default 20'),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The one shape every collection answers in. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const uuidSchema = z.uuid();
