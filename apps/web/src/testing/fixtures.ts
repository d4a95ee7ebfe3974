import type { Category, Product } from '@securecart/contract';

let sequence = 0;

/** A valid Product per the contract; override what the test is about. */
export function makeProduct(overrides: Partial<Product> = {}): Product {
  sequence += 1;
  const slug = overrides.slug ?? `product-${sequence}`;
  const stock = overrides.stock ?? 20;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    name: `Product ${sequence}`,
    slug,
    description: 'A sturdy, useful thing.',
    priceCents: 1999,
    currency: 'USD',
    stock,
    inStock: stock > 0,
    imageUrl: `/images/products/${slug}.svg`,
    category: 'kitchen',
    categoryName: 'Kitchen',
    rating: null,
    reviewCount: 0,
    createdAt: new Date(Date.UTC(2026, 0, 1) + sequence * 60_000).toISOString(),
    ...overrides,
  };
}

export const categories: Category[] = [
  { slug: 'lighting', name: 'Lighting', productCount: 9 },
  { slug: 'audio', name: 'Audio', productCount: 9 },
  { slug: 'kitchen', name: 'Kitchen', productCount: 8 },
];

const categoryName = (slug: string) => categories.find((category) => category.slug === slug)?.name ?? slug;

const named: Product[] = [
  makeProduct({
    slug: 'brass-desk-lamp',
    name: 'Brass Desk Lamp',
    description: 'Adjustable desk lamp with a brushed brass arm.',
    priceCents: 8900,
    stock: 2,
    category: 'lighting',
    categoryName: 'Lighting',
    rating: 4.5,
    reviewCount: 12,
  }),
  makeProduct({
    slug: 'paper-floor-lamp',
    name: 'Paper Floor Lamp',
    description: 'Soft diffused light for living rooms.',
    priceCents: 12_000,
    stock: 0,
    category: 'lighting',
    categoryName: 'Lighting',
  }),
  makeProduct({
    slug: 'wireless-headphones',
    name: 'Wireless Headphones',
    description: 'Noise cancelling, 30 hours of battery.',
    priceCents: 19_900,
    stock: 40,
    category: 'audio',
    categoryName: 'Audio',
    rating: 4,
    reviewCount: 3,
  }),
];

/** 26 products: three pages of 12 in the catalog, so paging has a first, a middle and a last page. */
export const products: Product[] = [
  ...named,
  ...Array.from({ length: 23 }, (_, index) => {
    const category = categories[index % categories.length]!.slug;
    return makeProduct({
      name: `Everyday Item ${index + 1}`,
      priceCents: 1000 + index * 250,
      stock: index % 6 === 0 ? 0 : 15,
      category,
      categoryName: categoryName(category),
    });
  }),
];
