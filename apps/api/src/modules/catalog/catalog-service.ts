import type { Category, Page, Product, ProductListQuery } from '@securecart/contract';
import { notFound } from '../../lib/errors.ts';
import type { CatalogQueries, ProductRow } from './catalog-queries.ts';

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    priceCents: row.priceCents,
    currency: row.currency,
    stock: row.stock,
    inStock: row.stock > 0,
    imageUrl: row.imageUrl,
    category: row.category,
    categoryName: row.categoryName,
    rating: row.reviewCount > 0 ? Math.round((row.ratingTotal / row.reviewCount) * 10) / 10 : null,
    reviewCount: row.reviewCount,
    createdAt: row.createdAt.toISOString(),
  };
}

export function catalogService(
  queries: Pick<CatalogQueries, 'listProducts' | 'findProduct' | 'listCategories'>,
) {
  return {
    async listProducts(query: ProductListQuery): Promise<Page<Product>> {
      const { page, pageSize, ...filter } = query;
      const { rows, total } = await queries.listProducts(filter, pageSize, (page - 1) * pageSize);
      return { items: rows.map(toProduct), page, pageSize, total };
    },

    async getProduct(idOrSlug: string): Promise<Product> {
      const row = await queries.findProduct(idOrSlug);
      if (!row) throw notFound('Product');
      return toProduct(row);
    },

    async listCategories(page: number, pageSize: number): Promise<Page<Category>> {
      const { rows, total } = await queries.listCategories(pageSize, (page - 1) * pageSize);
      return { items: rows, page, pageSize, total };
    },
  };
}
