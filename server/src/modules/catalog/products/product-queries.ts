import { and, count, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import { escapeLike } from '../../../platform/db/escape-like.js';
import { type KeysetSpec, keyset } from '../../../platform/db/keyset.js';
import type { StockReadModel } from '../ports.js';
import { categories, type ImageRendition, productImages, products, type TaxClass } from '../schema.js';
import { searchTerms } from './search-text.js';

/** The storefront's sorts; the back office adds its own. */
export const productSorts = ['relevance', 'newest', 'price_asc', 'price_desc', 'name'] as const;
export const staffProductSorts = [...productSorts, 'updated', 'sku'] as const;
export type ProductSort = (typeof staffProductSorts)[number];

export type ListProductsParams = {
  stock: StockReadModel;
  /** The storefront lists active products only; the back office any, or archived ones. */
  active: boolean | 'any';
  q?: string | undefined;
  category?: string | undefined;
  taxClass?: TaxClass | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  inStock?: boolean | undefined;
  sort?: ProductSort | undefined;
  /** The storefront lists what can be bought first: sold-out products follow the rest, in the same sort. */
  soldOutLast?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
  /** Also count every product the filters match, across pages (the back office shows it; a second query). */
  countTotal?: boolean | undefined;
};

/** Trigram word similarity at or above this counts as a match (catches swapped letters). */
const similarityThreshold = 0.5;

export async function listProducts(db: DatabaseOrTransaction, params: ListProductsParams) {
  const { stock } = params;
  const terms = params.q ? searchTerms(params.q) : [];
  const sort: ProductSort = params.sort ?? (terms.length > 0 ? 'relevance' : 'newest');
  const score = relevanceScore(terms);
  const available = stock.availableUnits(products.sku);
  const spec = sortSpec(sort, score);
  // The sold-out flag leads the sort keys, so it is in the cursor too and paging stays exact across the boundary.
  const paging = keyset(
    params.soldOutLast
      ? {
          ...spec,
          keys: [
            { column: sql`(case when ${available} > 0 then 0 else 1 end)`, kind: 'integer', direction: 'asc' },
            ...spec.keys,
          ],
        }
      : spec,
    params.cursor,
  );

  const conditions: (SQL | undefined)[] = [
    params.active === 'any' ? undefined : eq(products.active, params.active),
    ...terms.map(termMatches),
    params.category ? eq(categories.slug, params.category) : undefined,
    params.taxClass ? eq(products.taxClass, params.taxClass) : undefined,
    params.minPrice !== undefined ? gte(products.price, params.minPrice) : undefined,
    params.maxPrice !== undefined ? lte(products.price, params.maxPrice) : undefined,
    params.inStock === true ? sql`${available} > 0` : undefined,
    params.inStock === false ? sql`${available} <= 0` : undefined,
  ];

  const rows = await db
    .select({
      ...summaryColumns(stock),
      ...paging.select,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(...conditions, paging.after))
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);

  const { items, nextCursor } = paging.page(rows, params.limit);
  const images = await firstImages(
    db,
    items.map((row) => row.id),
  );
  const total = params.countTotal
    ? ((
        await db
          .select({ n: count() })
          .from(products)
          .innerJoin(categories, eq(categories.id, products.categoryId))
          .where(and(...conditions))
      )[0]?.n ?? 0)
    : undefined;
  return { items: items.map((row) => ({ ...row, image: images.get(row.id) ?? null })), nextCursor, total };
}

export type ProductSummaryRow = Awaited<ReturnType<typeof listProducts>>['items'][number];

function summaryColumns(stock: StockReadModel) {
  return {
    id: products.id,
    slug: products.slug,
    sku: products.sku,
    nameJa: products.nameJa,
    nameEn: products.nameEn,
    price: products.price,
    taxClass: products.taxClass,
    active: products.active,
    version: products.version,
    updatedAt: products.updatedAt,
    categoryId: products.categoryId,
    categorySlug: categories.slug,
    categoryNameJa: categories.nameJa,
    categoryNameEn: categories.nameEn,
    available: stock.availableUnits(products.sku),
    availabilityStatus: stock.availabilityStatus(products.sku),
  };
}

/**
 * A term matches a product when it is a substring of its names, SKU or
 * description, or (for terms of four or more characters) when a word of its
 * names is within one edit (two for long terms) or trigram-similar: "macha"
 * finds Matcha, "konbu" finds Kombu, "sencah" finds Sencha.
 */
function termMatches(term: string): SQL {
  const like = `%${escapeLike(term)}%`;
  const typo = isTypoCandidate(term)
    ? sql` or word_similarity(${term}, ${products.searchName}) >= ${similarityThreshold} or ${closestWordDistance(term)} <= ${maxEdits(term)}`
    : sql``;
  return sql`(${products.searchName} like ${like} or ${products.searchText} like ${like}${typo})`;
}

const isTypoCandidate = (term: string) => [...term].length >= 4;
const maxEdits = (term: string) => ([...term].length >= 7 ? 2 : 1);

/** Edit distance from the term to the nearest word of the product's names. */
function closestWordDistance(term: string): SQL {
  return sql`coalesce((select min(levenshtein(word, ${term}))
    from regexp_split_to_table(${products.searchName}, '[^[:alnum:]]+') as word where length(word) >= 3), 99)`;
}

/**
 * Name matches outrank near misses (fewer edits first), which outrank
 * description matches; trigram similarity breaks ties.
 */
function relevanceScore(terms: string[]): SQL {
  if (terms.length === 0) return sql`0`;
  const parts = terms.map((term) => {
    const like = `%${escapeLike(term)}%`;
    const nearMiss = isTypoCandidate(term)
      ? sql`when ${closestWordDistance(term)} <= ${maxEdits(term)} then 0.8 - 0.2 * ${closestWordDistance(term)}`
      : sql``;
    return sql`(case when ${products.searchName} like ${like} then 1.0 ${nearMiss}
      when ${products.searchText} like ${like} then 0.4 else 0 end
      + word_similarity(${term}, ${products.searchName}) * 0.5)`;
  });
  return sql`round((${sql.join(parts, sql` + `)})::numeric, 6)`;
}

/** Every sort but the newest ones breaks ties by id in its own direction. */
function sortSpec(sort: ProductSort, score: SQL): KeysetSpec {
  const by = (
    column: SQL,
    kind: 'decimal' | 'instant' | 'integer' | 'text',
    direction: 'asc' | 'desc',
    idDirection = direction,
  ): KeysetSpec => ({
    sort,
    keys: [{ column, kind, direction }],
    id: { column: products.id, kind: 'uuid', direction: idDirection },
  });
  switch (sort) {
    case 'relevance':
      return by(score, 'decimal', 'desc', 'asc');
    case 'newest':
      return by(sql`${products.createdAt}`, 'instant', 'desc');
    case 'updated':
      return by(sql`${products.updatedAt}`, 'instant', 'desc');
    case 'price_asc':
      return by(sql`${products.price}`, 'integer', 'asc');
    case 'price_desc':
      return by(sql`${products.price}`, 'integer', 'desc');
    case 'name':
      return by(sql`lower(${products.nameEn})`, 'text', 'asc');
    case 'sku':
      return by(sql`${products.sku}`, 'text', 'asc');
  }
}

type ImageRow = {
  productId: string;
  objectKey: string;
  width: number;
  height: number;
  altJa: string;
  altEn: string;
  renditions: ImageRendition[];
};

async function firstImages(db: DatabaseOrTransaction, productIds: string[]): Promise<Map<string, ImageRow>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([productImages.productId], imageColumns)
    .from(productImages)
    .where(inArray(productImages.productId, productIds))
    .orderBy(productImages.productId, productImages.position);
  return new Map(rows.map((row) => [row.productId, row]));
}

const imageColumns = {
  productId: productImages.productId,
  objectKey: productImages.objectKey,
  width: productImages.width,
  height: productImages.height,
  altJa: productImages.altJa,
  altEn: productImages.altEn,
  renditions: productImages.renditions,
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A product by id or slug, with all its images; undefined when there is none.
 * Archived products exist only for the back office (`includeArchived`).
 */
export async function getProduct(
  db: DatabaseOrTransaction,
  params: { stock: StockReadModel; idOrSlug: string; includeArchived?: boolean },
) {
  const { stock, idOrSlug } = params;
  const match = uuidPattern.test(idOrSlug) ? eq(products.id, idOrSlug.toLowerCase()) : eq(products.slug, idOrSlug);
  const [row] = await db
    .select({
      ...summaryColumns(stock),
      descriptionJa: products.descriptionJa,
      descriptionEn: products.descriptionEn,
      createdAt: products.createdAt,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(match, params.includeArchived ? undefined : eq(products.active, true)));
  if (!row) return undefined;
  const images = await db
    .select(imageColumns)
    .from(productImages)
    .where(eq(productImages.productId, row.id))
    .orderBy(productImages.position);
  return { ...row, images };
}

export async function listCategories(db: DatabaseOrTransaction) {
  return db
    .select({
      id: categories.id,
      slug: categories.slug,
      nameJa: categories.nameJa,
      nameEn: categories.nameEn,
      position: categories.position,
      productCount: sql<number>`count(${products.id}) filter (where ${products.active})`.mapWith(Number),
      /** Archived products included: a category holding any cannot be deleted. */
      allProductCount: count(products.id),
    })
    .from(categories)
    .leftJoin(products, eq(products.categoryId, categories.id))
    .groupBy(categories.id)
    .orderBy(categories.position, categories.slug);
}
