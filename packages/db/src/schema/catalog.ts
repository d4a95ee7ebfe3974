import { type SQL, sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

export const categories = pgTable('categories', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    slug: text().notNull().unique(),
    description: text().notNull().default(''),
    priceCents: integer().notNull(),
    currency: char({ length: 3 }).notNull().default('USD'),
    stock: integer().notNull().default(0),
    imageUrl: text(),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id),
    sellerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    active: boolean().notNull().default(true),
    // Denormalised so list pages can sort by rating without aggregating reviews per request.
    reviewCount: integer().notNull().default(0),
    ratingTotal: integer().notNull().default(0),
    // Name outranks description; 'english' stems so "lamps" finds "lamp".
    searchVector: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce("name", '')), 'A') || setweight(to_tsvector('english', coalesce("description", '')), 'B')`,
    ),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_stock_nonnegative', sql`${t.stock} >= 0`),
    check('products_price_nonnegative', sql`${t.priceCents} >= 0`),
    check('products_rating_consistent', sql`${t.reviewCount} >= 0 and ${t.ratingTotal} >= 0`),
    index('products_active_newest_idx').on(t.createdAt.desc(), t.id.desc()).where(sql`${t.active}`),
    index('products_active_price_idx').on(t.priceCents, t.id).where(sql`${t.active}`),
    index('products_category_idx').on(t.categoryId).where(sql`${t.active}`),
    index('products_seller_idx').on(t.sellerId),
    index('products_search_idx').using('gin', t.searchVector),
  ],
);
