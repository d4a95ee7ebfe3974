import { randomBytes } from 'node:crypto';
import type {
  AdminProduct,
  AdminProductCreate,
  AdminProductUpdate,
  Page,
  StockAdjustment,
} from '@securecart/contract';
import type { Executor } from '@securecart/db';
import type { Actor } from '../../lib/actor.ts';
import { conflict, invalidFields, notFound } from '../../lib/errors.ts';
import { toProduct } from '../catalog/catalog-service.ts';
import type {
  AdminProductFilter,
  AdminProductRow,
  AdminProductsQueries,
  ProductChanges,
  ProductScope,
} from './admin-products-queries.ts';

const MAX_SLUG_LENGTH = 80;
const SLUG_ATTEMPTS = 5;

export function toAdminProduct(row: AdminProductRow): AdminProduct {
  return {
    ...toProduct(row),
    active: row.active,
    sellerId: row.sellerId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `"Café Lamp — Large!"` → `cafe-lamp-large`; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || 'product';
}

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string; cause?: { code?: string } }).code === '23505' ||
  (error as { cause?: { code?: string } }).cause?.code === '23505';

/** What changed, as `{ field: { before, after } }`, for the audit log. */
function diff(before: AdminProductRow, after: AdminProductRow) {
  const fields = [
    'name',
    'description',
    'priceCents',
    'stock',
    'category',
    'imageUrl',
    'active',
    'sellerId',
  ] as const;
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    if (before[field] !== after[field]) changes[field] = { before: before[field], after: after[field] };
  }
  return changes;
}

export interface AdminProductsDeps {
  queries: AdminProductsQueries;
  clock: () => Date;
  /** Called after every committed write: public catalog answers change. */
  invalidatePublicCache: () => void;
}

type CreateInput = Omit<AdminProductCreate, 'description' | 'currency'> & {
  description?: string;
  currency?: string;
};

/**
 * Product management for admins and, with a `{ sellerId }` scope, for sellers: a scoped caller
 * sees and changes only their own products, and anything else is a 404 (never confirm it exists).
 */
export function adminProductsService({ queries, clock, invalidatePublicCache }: AdminProductsDeps) {
  async function load(id: string, scope: ProductScope, tx?: Executor): Promise<AdminProductRow> {
    const row = await queries.find(id, scope, tx);
    if (!row) throw notFound('Product');
    return row;
  }

  async function categoryId(slug: string, tx: Executor): Promise<string> {
    const id = await queries.categoryIdOf(slug, tx);
    if (!id) throw invalidFields([{ path: 'category', message: 'unknown category' }]);
    return id;
  }

  async function checkOwner(sellerId: string, tx: Executor) {
    if (!(await queries.isProductOwnerAccount(sellerId, tx))) {
      throw invalidFields([{ path: 'sellerId', message: 'must be a seller or admin account' }]);
    }
  }

  async function freeSlug(name: string, tx: Executor): Promise<string> {
    const base = slugify(name);
    if (!(await queries.slugTaken(base, tx))) return base;
    return `${base.slice(0, MAX_SLUG_LENGTH - 7)}-${randomBytes(3).toString('hex')}`;
  }

  return {
    async list(query: AdminProductFilter & { page: number; pageSize: number }, scope: ProductScope) {
      const { page, pageSize, ...filter } = query;
      const { rows, total } = await queries.list(filter, scope, pageSize, (page - 1) * pageSize);
      return { items: rows.map(toAdminProduct), page, pageSize, total } satisfies Page<AdminProduct>;
    },

    async get(id: string, scope: ProductScope): Promise<AdminProduct> {
      return toAdminProduct(await load(id, scope));
    },

    async create(input: CreateInput, scope: ProductScope, actor: Actor): Promise<AdminProduct> {
      // A seller always owns what they create; an admin may name an owner.
      const sellerId = scope.sellerId ?? input.sellerId ?? null;
      for (let attempt = 1; ; attempt++) {
        try {
          const id = await queries.transaction(async (tx) => {
            const category = await categoryId(input.category, tx);
            if (sellerId && !scope.sellerId) await checkOwner(sellerId, tx);
            const id = await queries.insert(
              {
                name: input.name,
                slug: await freeSlug(input.name, tx),
                description: input.description ?? '',
                priceCents: input.priceCents,
                currency: input.currency ?? 'USD',
                stock: input.stock,
                imageUrl: input.imageUrl ?? null,
                categoryId: category,
                sellerId,
              },
              tx,
            );
            const created = await load(id, {}, tx);
            await actor.audit(
              'product.created',
              { targetType: 'product', targetId: id, details: { after: toAdminProduct(created) } },
              tx,
            );
            return id;
          });
          invalidatePublicCache();
          return toAdminProduct(await load(id, {}));
        } catch (error) {
          // Two creates racing for one slug: the loser picks a new suffix.
          if (isUniqueViolation(error) && attempt < SLUG_ATTEMPTS) continue;
          throw error;
        }
      }
    },

    async update(
      id: string,
      input: AdminProductUpdate,
      scope: ProductScope,
      actor: Actor,
      action = 'product.updated',
    ): Promise<AdminProduct> {
      const after = await queries.transaction(async (tx) => {
        const before = await queries.findForUpdate(id, scope, tx);
        if (!before) throw notFound('Product');
        const changes: ProductChanges = {};
        if (input.name !== undefined) changes.name = input.name;
        if (input.description !== undefined) changes.description = input.description;
        if (input.priceCents !== undefined) changes.priceCents = input.priceCents;
        if (input.stock !== undefined) changes.stock = input.stock;
        if (input.imageUrl !== undefined) changes.imageUrl = input.imageUrl;
        if (input.active !== undefined) changes.active = input.active;
        if (input.category !== undefined) changes.categoryId = await categoryId(input.category, tx);
        if (input.sellerId !== undefined && !scope.sellerId) {
          if (input.sellerId) await checkOwner(input.sellerId, tx);
          changes.sellerId = input.sellerId;
        }
        await queries.update(id, changes, clock(), tx);
        if (changes.stock !== undefined && changes.stock !== before.stock) {
          await queries.recordStockAdjustment(
            { productId: id, delta: changes.stock - before.stock, reason: 'edited', actorId: actor.userId },
            tx,
          );
        }
        const after = await load(id, {}, tx);
        await actor.audit(
          action,
          { targetType: 'product', targetId: id, details: { changes: diff(before, after) } },
          tx,
        );
        return after;
      });
      invalidatePublicCache();
      return toAdminProduct(after);
    },

    /** Archives: the row stays for order history, the shop stops showing it. */
    async archive(id: string, scope: ProductScope, actor: Actor): Promise<void> {
      await this.update(id, { active: false }, scope, actor, 'product.archived');
    },

    async adjustStock(id: string, input: StockAdjustment, scope: ProductScope, actor: Actor) {
      const after = await queries.transaction(async (tx) => {
        const before = await queries.findForUpdate(id, scope, tx);
        if (!before) throw notFound('Product');
        if (!(await queries.adjustStock(id, input.delta, clock(), tx))) {
          throw conflict(`Stock is ${before.stock}; it cannot go below 0.`, 'insufficient_stock', {
            stock: before.stock,
          });
        }
        await queries.recordStockAdjustment(
          { productId: id, delta: input.delta, reason: input.reason, actorId: actor.userId },
          tx,
        );
        const after = await load(id, {}, tx);
        await actor.audit(
          'product.stock_adjusted',
          {
            targetType: 'product',
            targetId: id,
            details: {
              delta: input.delta,
              reason: input.reason,
              stock: { before: before.stock, after: after.stock },
            },
          },
          tx,
        );
        return after;
      });
      invalidatePublicCache();
      return toAdminProduct(after);
    },

    /** Points the product at a stored upload; the file itself is written by the caller. */
    async setImage(id: string, imageUrl: string, scope: ProductScope, actor: Actor) {
      return this.update(id, { imageUrl }, scope, actor, 'product.image_uploaded');
    },

    /** 404 unless the product exists in scope; lets the upload refuse before reading the file. */
    async assertExists(id: string, scope: ProductScope) {
      await load(id, scope);
    },
  };
}
export type AdminProductsService = ReturnType<typeof adminProductsService>;
