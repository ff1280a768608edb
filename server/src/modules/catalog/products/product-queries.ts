import { and, count, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { type DatabaseOrTransaction, sqlRows } from '../../../platform/db/database.js';
import { escapeLike } from '../../../platform/db/escape-like.js';
import { type KeysetSpec, keyset } from '../../../platform/db/keyset.js';
import type { StockReadModel } from '../ports.js';
import { categories, type ImageRendition, productImages, products, searchWords, type TaxClass } from '../schema.js';
import { type SearchTerm, searchTerms } from './search-text.js';

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

  // One statement: the page's first images come along, so a search is one round trip.
  const rows = await db
    .select({
      ...summaryColumns(stock),
      image: firstImage,
      termsFound: termsFound(terms),
      ...paging.select,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(...conditions, paging.after))
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);

  const { items, nextCursor } = paging.page(rows, params.limit);
  const total = params.countTotal
    ? ((
        await db
          .select({ n: count() })
          .from(products)
          .innerJoin(categories, eq(categories.id, products.categoryId))
          .where(and(...conditions))
      )[0]?.n ?? 0)
    : undefined;
  return { items, nextCursor, total, terms };
}

/** Some term was found on this page only as a near miss (or nothing was found): worth a "did you mean". */
export function foundOnlyNear(page: { items: { termsFound: boolean[] }[]; terms: SearchTerm[] }): boolean {
  return page.terms.some((_, i) => !page.items.some((item) => item.termsFound[i]));
}

/** Per term, whether the product has it as typed (in any spelling), not only as a near miss. */
function termsFound(terms: SearchTerm[]): SQL<boolean[]> {
  if (terms.length === 0) return sql<boolean[]>`'{}'::boolean[]`;
  return sql<boolean[]>`array[${sql.join(
    terms.map((term) => sql`(${foundAsTyped(term)})`),
    sql`, `,
  )}]`;
}

export type ProductSummaryRow = Omit<Awaited<ReturnType<typeof listProducts>>['items'][number], 'termsFound'>;

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

/** The product's first image as JSON (null without one), for the list's cards. */
const firstImage = sql<ImageRow | null>`(select json_build_object(
    'productId', i.product_id, 'objectKey', i.object_key, 'width', i.width, 'height', i.height,
    'altJa', i.alt_ja, 'altEn', i.alt_en, 'renditions', i.renditions)
  from ${productImages} i where i.product_id = ${products.id} order by i.position limit 1)`;

/**
 * A term matches a product when one of its spellings (as typed, in kana for
 * romaji, long vowels dropped) is a substring of its names, reading, SKU or
 * description, or (for terms of four or more characters) when a word of its
 * names is within one edit (two for long terms) or trigram-similar: "macha"
 * finds Matcha, "konbu" finds Kombu, "sencah" finds Sencha.
 */
function termMatches(term: SearchTerm): SQL {
  const typo = isTypoCandidate(term.term) ? sql` or ${nearMiss(term.term)}` : sql``;
  return sql`(${foundAsTyped(term)}${typo})`;
}

/** One of the term's spellings is a substring of the product's names, reading, SKU or description. */
function foundAsTyped(term: SearchTerm): SQL {
  const likes = term.variants.map((variant) => `%${escapeLike(variant)}%`);
  const inName = sql.join(
    likes.map((like) => sql`${products.searchName} like ${like}`),
    sql` or `,
  );
  const inText = sql.join(
    likes.map((like) => sql`${products.searchText} like ${like}`),
    sql` or `,
  );
  return sql`${inName} or ${inText}`;
}

const isTypoCandidate = (term: string) => [...term].length >= 4;
const maxEdits = (term: string) => ([...term].length >= 7 ? 2 : 1);

/**
 * The product has a word near the term: the word table's trigram index finds
 * the similar words (pg_trgm's %), the edit distance keeps the close ones; no
 * product row is looked at for it.
 */
function nearMiss(term: string): SQL {
  return sql`${products.id} in (select w.product_id from ${searchWords} w
    where w.word % ${term} and (levenshtein_less_equal(w.word, ${term}, ${maxEdits(term)}) <= ${maxEdits(term)}
      or word_similarity(${term}, w.word) >= ${similarityThreshold}))`;
}

/** Trigram word similarity at or above this counts as near too: it catches swapped letters (sencah). */
const similarityThreshold = 0.5;

/**
 * Name matches outrank near misses, which outrank description matches;
 * trigram similarity breaks ties.
 */
function relevanceScore(terms: SearchTerm[]): SQL {
  if (terms.length === 0) return sql`0`;
  const parts = terms.map((term) => {
    const inName = sql.join(
      term.variants.map((variant) => sql`${products.searchName} like ${`%${escapeLike(variant)}%`}`),
      sql` or `,
    );
    const nearMissScore = isTypoCandidate(term.term) ? sql`when ${nearMiss(term.term)} then 0.7` : sql``;
    return sql`(case when ${inName} then 1.0 ${nearMissScore}
      when ${products.searchText} like ${`%${escapeLike(term.term)}%`} then 0.4 else 0 end
      + word_similarity(${term.term}, ${products.searchName}) * 0.5)`;
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
      nameReading: products.nameReading,
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

/**
 * "Did you mean": each term of a query that found nothing, replaced by the
 * nearest word of an active product's name (the word table's trigram index
 * orders by distance, so no product row is read for it); undefined when no
 * term has a near word.
 */
export async function suggestQuery(db: DatabaseOrTransaction, query: string): Promise<string | undefined> {
  const terms = searchTerms(query).map((term) => term.term);
  if (terms.length === 0) return undefined;
  const nearest = sql.join(
    terms.map(
      (term, i) => sql`(select ${i} as i, w.word from ${searchWords} w
        join ${products} p on p.id = w.product_id and p.active
        where w.word % ${term} order by w.word <-> ${term} limit 1)`,
    ),
    sql` union all `,
  );
  const rows = await sqlRows<{ i: number; word: string }>(db, nearest);
  const words = terms.map((term, i) => rows.find((row) => Number(row.i) === i)?.word ?? term);
  return words.some((word, i) => word !== terms[i]) ? words.join(' ') : undefined;
}
