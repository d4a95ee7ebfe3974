import type { Executor } from '@securecart/db';
import { schema } from '@securecart/db';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { type ProductRow, productColumns } from '../catalog/catalog-queries.ts';

const { wishlistItems, products, categories } = schema;

const isActive = sql`${products.active}`;

export function wishlistQueries(db: Executor) {
  return {
    /** Newest first; archived products drop out of the list (and the count) until restored. */
    async list(
      userId: string,
      limit: number,
      offset: number,
    ): Promise<{ rows: ProductRow[]; total: number }> {
      const mine = and(eq(wishlistItems.userId, userId), isActive);
      const [rows, [counted]] = await Promise.all([
        db
          .select(productColumns)
          .from(wishlistItems)
          .innerJoin(products, eq(products.id, wishlistItems.productId))
          .innerJoin(categories, eq(categories.id, products.categoryId))
          .where(mine)
          .orderBy(desc(wishlistItems.createdAt), desc(wishlistItems.productId))
          .limit(limit)
          .offset(offset),
        db
          .select({ total: count() })
          .from(wishlistItems)
          .innerJoin(products, eq(products.id, wishlistItems.productId))
          .where(mine),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },

    /** Only the caller's own entry counts, and not while its product is archived (as in the list). */
    async isSaved(userId: string, productId: string): Promise<boolean> {
      const [row] = await db
        .select({ productId: wishlistItems.productId })
        .from(wishlistItems)
        .innerJoin(products, eq(products.id, wishlistItems.productId))
        .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId), isActive));
      return row !== undefined;
    },

    async findActiveProduct(productId: string): Promise<ProductRow | undefined> {
      const [row] = await db
        .select(productColumns)
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(and(eq(products.id, productId), isActive));
      return row;
    },

    /** True when the entry is new; adding twice keeps one entry. */
    async add(userId: string, productId: string, now: Date): Promise<boolean> {
      const rows = await db
        .insert(wishlistItems)
        .values({ userId, productId, createdAt: now })
        .onConflictDoNothing()
        .returning({ productId: wishlistItems.productId });
      return rows.length > 0;
    },

    /** GDPR export: every entry, archived products included. */
    async exportAll(userId: string) {
      return db
        .select({ productId: wishlistItems.productId, name: products.name, addedAt: wishlistItems.createdAt })
        .from(wishlistItems)
        .innerJoin(products, eq(products.id, wishlistItems.productId))
        .where(eq(wishlistItems.userId, userId))
        .orderBy(desc(wishlistItems.createdAt));
    },

    async removeAll(userId: string): Promise<void> {
      await db.delete(wishlistItems).where(eq(wishlistItems.userId, userId));
    },

    async remove(userId: string, productId: string): Promise<void> {
      await db
        .delete(wishlistItems)
        .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId)));
    },
  };
}
export type WishlistQueries = ReturnType<typeof wishlistQueries>;
