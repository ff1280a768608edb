import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** The catalog module owns the `catalog` schema; no other module reads it. */
export const catalog = pgSchema('catalog');

export const categories = catalog.table('categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const taxClasses = ['standard', 'reduced'] as const;
export type TaxClass = (typeof taxClasses)[number];

export const products = catalog.table(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull().unique(),
    slug: text('slug').notNull().unique(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    /** How the Japanese name is read, in hiragana (readings.ts makes it; staff may correct it). */
    nameReading: text('name_reading').notNull().default(''),
    descriptionJa: text('description_ja').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** Integer yen, consumption tax included (Japan requires tax-inclusive display). */
    price: integer('price').notNull(),
    taxClass: text('tax_class', { enum: taxClasses }).notNull(),
    active: boolean('active').notNull().default(true),
    /** NFKC-normalised, lower-cased names and SKU: what search matches against. */
    searchName: text('search_name').notNull(),
    /** The same for descriptions, matched with a lower weight. */
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_price_positive', sql`${t.price} > 0`),
    check('products_tax_class_known', sql`${t.taxClass} in ('standard', 'reduced')`),
    index('products_category_idx').on(t.categoryId),
    index('products_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('products_price_idx').on(t.price, t.id),
    index('products_search_name_trgm_idx').using('gin', t.searchName.op('gin_trgm_ops')),
    index('products_search_text_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/**
 * Every word (three characters or more) of each product's search name: a
 * small table whose trigram index finds the words near a mistyped term
 * without looking at every product (did you mean, and typo-tolerant search).
 */
export const searchWords = catalog.table(
  'search_words',
  {
    word: text('word').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.word, t.productId] }),
    index('search_words_product_idx').on(t.productId),
    index('search_words_word_trgm_idx').using('gist', t.word.op('gist_trgm_ops')),
  ],
);

export type ImageRendition = { objectKey: string; width: number; height: number; bytes: number };

export const productImages = catalog.table(
  'product_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    objectKey: text('object_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    altJa: text('alt_ja').notNull().default(''),
    altEn: text('alt_en').notNull().default(''),
    /** WebP copies at fixed widths (never wider than the original), narrowest first; empty for SVG. */
    renditions: jsonb('renditions').$type<ImageRendition[]>().notNull().default([]),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
);
