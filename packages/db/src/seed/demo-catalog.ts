import type { Database } from '../client.ts';
import { categories, products } from '../schema/index.ts';
import { demoCategories, demoProducts } from './demo-data.ts';

const SEED_EPOCH_MS = Date.UTC(2026, 0, 1);
const ONE_HOUR_MS = 3_600_000;

/**
 * Fills an empty catalog with the demo categories and products in one transaction.
 * Idempotent: does nothing (and reports zero counts) once any product exists.
 */
export async function seedDemoCatalog(db: Database): Promise<{ categories: number; products: number }> {
  const existing = await db.select({ id: products.id }).from(products).limit(1);
  if (existing.length > 0) return { categories: 0, products: 0 };

  return db.transaction(async (tx) => {
    const insertedCategories = await tx
      .insert(categories)
      .values(demoCategories.map(({ slug, name }) => ({ slug, name })))
      .returning({ id: categories.id, slug: categories.slug });

    const categoryIds = new Map(insertedCategories.map(({ id, slug }) => [slug, id]));

    const insertedProducts = await tx
      .insert(products)
      .values(
        demoProducts.map((product, i) => {
          const categoryId = categoryIds.get(product.category);
          if (!categoryId)
            throw new Error(`demo product ${product.slug} has unknown category ${product.category}`);
          return {
            name: product.name,
            slug: product.slug,
            description: product.description,
            priceCents: product.priceCents,
            currency: 'USD',
            stock: product.stock,
            imageUrl: `/images/products/${product.slug}.svg`,
            categoryId,
            createdAt: new Date(SEED_EPOCH_MS + i * ONE_HOUR_MS),
          };
        }),
      )
      .returning({ id: products.id });

    return { categories: insertedCategories.length, products: insertedProducts.length };
  });
}
