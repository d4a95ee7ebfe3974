import type { ProductListQuery } from '@securecart/contract';
import type { Executor } from '@securecart/db';
import { schema } from '@securecart/db';
import { and, asc, count, desc, eq, gt, gte, lte, type SQL, sql } from 'drizzle-orm';

const { products, categories } = schema;

/** The columns every Product response is built from (catalog, wishlist, back office). */
export const productColumns = {
  id: products.id,
  name: products.name,
  slug: products.slug,
  description: products.description,
  priceCents: products.priceCents,
  currency: products.currency,
  stock: products.stock,
  imageUrl: products.imageUrl,
  category: categories.slug,
  categoryName: categories.name,
  reviewCount: products.reviewCount,
  ratingTotal: products.ratingTotal,
  createdAt: products.createdAt,
};

export type ProductRow = {
  id: string;
  name: string;
  slug: string;
  description: string;
  priceCents: number;
  currency: string;
  stock: number;
  imageUrl: string | null;
  category: string;
  categoryName: string;
  reviewCount: number;
  ratingTotal: number;
  createdAt: Date;
};

export type ProductFilter = Omit<ProductListQuery, 'page' | 'pageSize'>;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const averageRating = sql`(${products.ratingTotal}::float8 / nullif(${products.reviewCount}, 0))`;
// A literal predicate, not `active = $1`: a prepared statement's generic plan can only use the
// `where active` partial indexes when the predicate is visible at plan time.
const isActive = sql`${products.active}`;
// products_active_newest_idx is `created_at desc nulls last, id desc nulls last`; plain `desc` means
// nulls first, which that index cannot serve (every list then seq-scans and sorts). The columns are
// not null, so the order is the same either way.
const newestFirst = [sql`${products.createdAt} desc nulls last`, sql`${products.id} desc nulls last`];

function textQuery(q: string): SQL {
  return sql`plainto_tsquery('english', ${q})`;
}

function whereOf(filter: ProductFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isActive];
  if (filter.q) conditions.push(sql`${products.searchVector} @@ ${textQuery(filter.q)}`);
  if (filter.category) conditions.push(eq(categories.slug, filter.category));
  if (filter.minPriceCents !== undefined) conditions.push(gte(products.priceCents, filter.minPriceCents));
  if (filter.maxPriceCents !== undefined) conditions.push(lte(products.priceCents, filter.maxPriceCents));
  if (filter.inStock === 'true') conditions.push(gt(products.stock, 0));
  return and(...conditions);
}

function orderOf(filter: ProductFilter): SQL[] {
  switch (filter.sort) {
    case 'price_asc':
      return [asc(products.priceCents), asc(products.id)];
    case 'price_desc':
      return [desc(products.priceCents), desc(products.id)];
    case 'rating':
      return [sql`${averageRating} desc nulls last`, desc(products.reviewCount), asc(products.id)];
    case 'relevance':
      if (filter.q) {
        return [sql`ts_rank(${products.searchVector}, ${textQuery(filter.q)}) desc`, asc(products.id)];
      }
      return newestFirst;
    default:
      return newestFirst;
  }
}

export function catalogQueries(db: Executor) {
  // The unfiltered first pages are most of the traffic: a prepared statement skips planning them.
  const newestPage = db
    .select(productColumns)
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(isActive)
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('catalog_newest_page');
  const activeCount = db
    .select({ total: count() })
    .from(products)
    .where(isActive)
    .prepare('catalog_active_count');

  return {
    async listProducts(filter: ProductFilter, limit: number, offset: number) {
      const unfiltered =
        !filter.q &&
        !filter.category &&
        filter.minPriceCents === undefined &&
        filter.maxPriceCents === undefined &&
        filter.inStock !== 'true' &&
        (filter.sort === 'newest' || filter.sort === 'relevance');
      if (unfiltered) {
        const [rows, [counted]] = await Promise.all([
          newestPage.execute({ limit, offset }),
          activeCount.execute(),
        ]);
        return { rows: rows as ProductRow[], total: counted?.total ?? 0 };
      }
      const where = whereOf(filter);
      const [rows, [counted]] = await Promise.all([
        db
          .select(productColumns)
          .from(products)
          .innerJoin(categories, eq(products.categoryId, categories.id))
          .where(where)
          .orderBy(...orderOf(filter))
          .limit(limit)
          .offset(offset),
        db
          .select({ total: count() })
          .from(products)
          .innerJoin(categories, eq(products.categoryId, categories.id))
          .where(where),
      ]);
      return { rows: rows as ProductRow[], total: counted?.total ?? 0 };
    },

    async findProduct(idOrSlug: string): Promise<ProductRow | undefined> {
      const key = UUID_PATTERN.test(idOrSlug) ? eq(products.id, idOrSlug) : eq(products.slug, idOrSlug);
      const [row] = await db
        .select(productColumns)
        .from(products)
        .innerJoin(categories, eq(products.categoryId, categories.id))
        .where(and(key, isActive))
        .limit(1);
      return row as ProductRow | undefined;
    },

    async listCategories(limit: number, offset: number) {
      const productCount = sql<number>`count(${products.id}) filter (where ${products.active})`.mapWith(
        Number,
      );
      const [rows, [counted]] = await Promise.all([
        db
          .select({ slug: categories.slug, name: categories.name, productCount })
          .from(categories)
          .leftJoin(products, eq(products.categoryId, categories.id))
          .groupBy(categories.id)
          .orderBy(asc(categories.name))
          .limit(limit)
          .offset(offset),
        db.select({ total: count() }).from(categories),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },
  };
}
export type CatalogQueries = ReturnType<typeof catalogQueries>;
