import type { Page, Product, WishlistStatus } from '@securecart/contract';
import { notFound } from '../../lib/errors.ts';
import { toProduct } from '../catalog/catalog-service.ts';
import type { WishlistQueries } from './wishlist-queries.ts';

export function wishlistService(queries: WishlistQueries, clock: () => Date) {
  return {
    async list(userId: string, page: number, pageSize: number): Promise<Page<Product>> {
      const { rows, total } = await queries.list(userId, pageSize, (page - 1) * pageSize);
      return { items: rows.map(toProduct), page, pageSize, total };
    },

    /** Always an answer, never a 404: "not saved" is a normal reply on every product page. */
    async status(userId: string, productId: string): Promise<WishlistStatus> {
      return { productId, saved: await queries.isSaved(userId, productId) };
    },

    /** Adds an active product; `created` is false when it was already on the list. */
    async add(userId: string, productId: string): Promise<{ created: boolean; product: Product }> {
      const row = await queries.findActiveProduct(productId);
      if (!row) throw notFound('Product');
      const created = await queries.add(userId, productId, clock());
      return { created, product: toProduct(row) };
    },

    remove: (userId: string, productId: string) => queries.remove(userId, productId),
  };
}
