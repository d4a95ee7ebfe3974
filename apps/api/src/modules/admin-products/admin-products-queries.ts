import type { AdminProductListQuery } from '@securecart/contract';
import { LOW_STOCK_THRESHOLD } from '@securecart/contract';
import { type Database, type Executor, schema } from '@securecart/db';
import { and, asc, count, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { type ProductRow, productColumns } from '../catalog/catalog-queries.ts';

const { products, categories, stockAdjustments, users } = schema;

export type AdminProductRow = ProductRow & { active: boolean; sellerId: string | null; updatedAt: Date };

const columns = {
  ...productColumns,
  active: products.active,
  sellerId: products.sellerId,
  updatedAt: products.updatedAt,
};

/** Limits every read and write to one seller's products; absent for admins. */
export interface ProductScope {
  sellerId?: string;
}

export type AdminProductFilter = Omit<AdminProductListQuery, 'page' | 'pageSize'>;

const scoped = (scope: ProductScope): SQL | undefined =>
  scope.sellerId ? eq(products.sellerId, scope.sellerId) : undefined;

function whereOf(filter: AdminProductFilter, scope: ProductScope): SQL | undefined {
  return and(
    scoped(scope),
    filter.q ? sql`${products.searchVector} @@ plainto_tsquery('english', ${filter.q})` : undefined,
    filter.category ? eq(categories.slug, filter.category) : undefined,
    filter.active ? eq(products.active, filter.active === 'true') : undefined,
    filter.sellerId ? eq(products.sellerId, filter.sellerId) : undefined,
    filter.lowStock === 'true' ? lte(products.stock, LOW_STOCK_THRESHOLD) : undefined,
  );
}

function orderOf(sort: AdminProductFilter['sort']): SQL[] {
  switch (sort) {
    case 'name_asc':
      return [asc(products.name), asc(products.id)];
    case 'price_asc':
      return [asc(products.priceCents), asc(products.id)];
    case 'price_desc':
      return [desc(products.priceCents), desc(products.id)];
    case 'stock_asc':
      return [asc(products.stock), asc(products.id)];
    case 'updated':
      return [desc(products.updatedAt), desc(products.id)];
    default:
      return [desc(products.createdAt), desc(products.id)];
  }
}

export type ProductChanges = Partial<{
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  categoryId: string;
  imageUrl: string | null;
  active: boolean;
  sellerId: string | null;
}>;

export function adminProductsQueries(db: Database) {
  const find = async (id: string, scope: ProductScope, tx: Executor = db, lock = false) => {
    const query = tx
      .select(columns)
      .from(products)
      .innerJoin(categories, eq(products.categoryId, categories.id))
      .where(and(eq(products.id, id), scoped(scope)))
      .limit(1);
    const [row] = lock ? await query.for('update', { of: products }) : await query;
    return row as AdminProductRow | undefined;
  };

  return {
    transaction: <T>(work: (tx: Executor) => Promise<T>) => db.transaction(work),

    async list(filter: AdminProductFilter, scope: ProductScope, limit: number, offset: number) {
      const where = whereOf(filter, scope);
      const [rows, [counted]] = await Promise.all([
        db
          .select(columns)
          .from(products)
          .innerJoin(categories, eq(products.categoryId, categories.id))
          .where(where)
          .orderBy(...orderOf(filter.sort))
          .limit(limit)
          .offset(offset),
        db
          .select({ total: count() })
          .from(products)
          .innerJoin(categories, eq(products.categoryId, categories.id))
          .where(where),
      ]);
      return { rows: rows as AdminProductRow[], total: counted?.total ?? 0 };
    },

    find,
    /** The row, locked until the transaction ends: before/after values for the audit stay exact. */
    findForUpdate: (id: string, scope: ProductScope, tx: Executor) => find(id, scope, tx, true),

    async categoryIdOf(slug: string, tx: Executor = db): Promise<string | undefined> {
      const [row] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(eq(categories.slug, slug))
        .limit(1);
      return row?.id;
    },

    /** Sellers and admins may own products; a customer id is refused by the service. */
    async isProductOwnerAccount(userId: string, tx: Executor = db): Promise<boolean> {
      const [row] = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.id, userId),
            inArray(users.role, ['seller', 'admin']),
            sql`${users.deletedAt} is null`,
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    async slugTaken(slug: string, tx: Executor = db): Promise<boolean> {
      const [row] = await tx
        .select({ id: products.id })
        .from(products)
        .where(eq(products.slug, slug))
        .limit(1);
      return row !== undefined;
    },

    async insert(values: typeof products.$inferInsert, tx: Executor = db): Promise<string> {
      const [row] = await tx.insert(products).values(values).returning({ id: products.id });
      return row!.id;
    },

    async update(id: string, changes: ProductChanges, now: Date, tx: Executor = db) {
      await tx
        .update(products)
        .set({ ...changes, updatedAt: now })
        .where(eq(products.id, id));
    },

    /** Adds `delta` unless that would take stock below zero; false when refused. */
    async adjustStock(id: string, delta: number, now: Date, tx: Executor = db): Promise<boolean> {
      const rows = await tx
        .update(products)
        .set({ stock: sql`${products.stock} + ${delta}`, updatedAt: now })
        .where(and(eq(products.id, id), sql`${products.stock} + ${delta} >= 0`))
        .returning({ id: products.id });
      return rows.length > 0;
    },

    async recordStockAdjustment(
      entry: { productId: string; delta: number; reason: string; actorId: string },
      tx: Executor = db,
    ) {
      await tx.insert(stockAdjustments).values(entry);
    },
  };
}
export type AdminProductsQueries = ReturnType<typeof adminProductsQueries>;
