import { and, eq, inArray, like, ne, or, sql } from 'drizzle-orm';
import { constraintViolation } from '../../../platform/db/constraint-violation.js';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/errors.js';
import type { ExpectedVersions } from '../../../platform/http/etag.js';
import type { OpeningStock } from '../ports.js';
import { categories, products, type TaxClass } from '../schema.js';
import { readingOf } from './readings.js';
import { foldForSearch, searchColumns } from './search-text.js';
import { replaceSearchWords } from './search-words.js';
import { firstFreeSlug, slugify } from './slug.js';

/** The back office's single-product writes: create, change, archive and restore. */
export type ProductFields = {
  slug: string;
  nameJa: string;
  nameEn: string;
  /** How the Japanese name reads, in hiragana. */
  nameReading: string;
  descriptionJa: string;
  descriptionEn: string;
  categoryId: string;
  price: number;
  taxClass: TaxClass;
  active: boolean;
};

export type CreateProductParams = Omit<ProductFields, 'slug' | 'nameReading'> & {
  /** Omitted or empty: made from the Japanese name. */
  nameReading?: string | undefined;
  sku: string;
  /** Omitted: made from the English name (or the SKU), numbered when taken. */
  slug?: string | undefined;
  openingStock: number;
  /** Inventory's port: the new SKU's stock row, in the same transaction. */
  writeOpeningStock: OpeningStock;
};

/** How many times a generated slug is retried when a concurrent write named it explicitly first. */
const slugAttempts = 4;

/** Creates the product and its stock row in one transaction; returns its id. */
export async function createProduct(db: DatabaseOrTransaction, params: CreateProductParams): Promise<string> {
  // Before the transaction: the analyser may take seconds to load the first time.
  const nameReading = await readingFor(params.nameJa, params.nameReading);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const slug = params.slug ?? (await proposeSlug(tx, params.nameEn, params.sku));
        const category = await categoryNames(tx, params.categoryId);
        const [row] = await tx
          .insert(products)
          .values({ ...productValues({ ...params, slug, nameReading }, category, params.sku), sku: params.sku })
          .returning({ id: products.id, searchName: products.searchName });
        if (!row) throw new Error('insert returned no row');
        await replaceSearchWords(tx, [row]);
        await params.writeOpeningStock(tx, [{ sku: params.sku, onHand: params.openingStock }]);
        return row.id;
      });
    } catch (err) {
      const generatedSlugTaken =
        params.slug === undefined && constraintViolation(err)?.constraint === 'products_slug_unique';
      if (generatedSlugTaken && attempt < slugAttempts) continue;
      throw productConflict(err) ?? err;
    }
  }
}

/** An empty `nameReading` asks for one made from the name; a new name without a reading gets one made too. */
export type ProductChanges = Partial<ProductFields>;
export type EditOutcome = { kind: 'done' } | { kind: 'stale'; version: number } | { kind: 'missing' };

/**
 * Changes a product when its version is one the caller expects. The row is
 * locked first, so the version check, the merge (search columns are computed
 * from the whole row) and the write see one state: of two concurrent edits
 * with the same If-Match, exactly one wins and the other is told it is stale.
 */
export async function updateProduct(
  db: DatabaseOrTransaction,
  params: { id: string; expected: ExpectedVersions; changes: ProductChanges },
): Promise<EditOutcome> {
  // Before the row is locked: the analyser may take seconds to load when it has been idle.
  const prepared = await readingBeforeLock(db, params);
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(products).where(eq(products.id, params.id)).for('update');
      if (!current) return { kind: 'missing' } as const;
      if (params.expected !== 'any' && !params.expected.includes(current.version)) {
        return { kind: 'stale', version: current.version } as const;
      }
      const next: ProductFields = { ...current, ...definedOnly(params.changes) };
      const needed = readingNeeded(current.nameJa, params.changes);
      if (needed) {
        // Made again only if a concurrent rename changed what it is made from.
        next.nameReading =
          prepared?.nameJa === needed.nameJa && prepared.given === needed.given
            ? prepared.reading
            : await readingFor(needed.nameJa, needed.given);
      }
      const category = await categoryNames(tx, next.categoryId);
      const values = productValues(next, category, current.sku);
      await tx
        .update(products)
        .set({ ...values, version: sql`${products.version} + 1`, updatedAt: sql`now()` })
        .where(eq(products.id, params.id));
      if (values.searchName !== current.searchName) {
        await replaceSearchWords(tx, [{ id: params.id, searchName: values.searchName }]);
      }
      return { kind: 'done' } as const;
    });
  } catch (err) {
    throw productConflict(err) ?? err;
  }
}

/** Archives or restores products; each one that changed gets a new version. Returns how many changed. */
export async function setProductsActive(
  db: DatabaseOrTransaction,
  params: { ids: readonly string[]; active: boolean },
): Promise<number> {
  const changed = await db
    .update(products)
    .set({ active: params.active, version: sql`${products.version} + 1`, updatedAt: sql`now()` })
    .where(and(inArray(products.id, [...params.ids]), ne(products.active, params.active)))
    .returning({ id: products.id });
  return changed.length;
}

export type CategoryNames = { nameJa: string; nameEn: string };

async function categoryNames(db: DatabaseOrTransaction, categoryId: string): Promise<CategoryNames> {
  const [category] = await db
    .select({ nameJa: categories.nameJa, nameEn: categories.nameEn })
    .from(categories)
    .where(eq(categories.id, categoryId));
  // The foreign key is the real guard (a category deleted meanwhile); this gives the same answer earlier.
  if (!category) throw unknownCategory();
  return category;
}

/** A product's stored columns, search columns included, from its fields. */
export function productValues(fields: ProductFields, category: CategoryNames, sku: string) {
  return {
    slug: fields.slug,
    nameJa: fields.nameJa,
    nameEn: fields.nameEn,
    nameReading: fields.nameReading,
    descriptionJa: fields.descriptionJa,
    descriptionEn: fields.descriptionEn,
    categoryId: fields.categoryId,
    price: fields.price,
    taxClass: fields.taxClass,
    active: fields.active,
    ...searchColumns({ ...fields, sku, categoryNameJa: category.nameJa, categoryNameEn: category.nameEn }),
  };
}

type ReadingSource = { nameJa: string; given: string | undefined };

/** What the new reading is made from, when the changes need one: a new name without a reading, or a reading (empty: from the name). */
function readingNeeded(currentName: string, changes: ProductChanges): ReadingSource | undefined {
  const nameJa = changes.nameJa ?? currentName;
  if (changes.nameReading !== undefined) return { nameJa, given: changes.nameReading };
  return nameJa !== currentName ? { nameJa, given: undefined } : undefined;
}

async function readingBeforeLock(
  db: DatabaseOrTransaction,
  params: { id: string; changes: ProductChanges },
): Promise<(ReadingSource & { reading: string }) | undefined> {
  if (params.changes.nameJa === undefined && params.changes.nameReading === undefined) return undefined;
  const [row] = await db.select({ nameJa: products.nameJa }).from(products).where(eq(products.id, params.id));
  const needed = row && readingNeeded(row.nameJa, params.changes);
  return needed && { ...needed, reading: await readingFor(needed.nameJa, needed.given) };
}

/** The reading staff gave, folded to hiragana; when they gave none (or an empty one), the analyser's. */
export async function readingFor(nameJa: string, given: string | undefined): Promise<string> {
  const folded = given === undefined ? '' : foldForSearch(given);
  return folded === '' ? readingOf(nameJa) : folded;
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * A slug from the English name (or the SKU) that is free now. Called in the
 * creating transaction: a transaction-scoped advisory lock on the base makes
 * concurrent creations of one name take turns, so each sees the slugs the
 * others committed instead of all proposing the same number.
 */
async function proposeSlug(tx: DatabaseOrTransaction, nameEn: string, sku: string): Promise<string> {
  const base = slugify(nameEn) || slugify(sku) || 'product';
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`catalog.products.slug:${base}`}))`);
  const rows = await tx
    .select({ slug: products.slug })
    .from(products)
    .where(or(eq(products.slug, base), like(products.slug, `${base}-%`)));
  return firstFreeSlug(base, new Set(rows.map((row) => row.slug)));
}

/** A refused write of a product, as the API's answer; undefined when it was something else. */
export function productConflict(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const violation = constraintViolation(err);
  if (violation?.constraint === 'products_sku_unique') {
    return new AppError('SKU_TAKEN', 'Another product already has this SKU', [
      { path: 'sku', message: 'is taken by another product', code: 'SKU_TAKEN' },
    ]);
  }
  if (violation?.constraint === 'products_slug_unique') {
    return new AppError('SLUG_TAKEN', 'Another product already has this slug', [
      { path: 'slug', message: 'is taken by another product', code: 'SLUG_TAKEN' },
    ]);
  }
  if (violation?.constraint === 'products_category_id_categories_id_fk') return unknownCategory();
  return undefined;
}

function unknownCategory(): AppError {
  return new AppError('VALIDATION_FAILED', 'Invalid categoryId: no such category', [
    { path: 'categoryId', message: 'no such category', code: 'UNKNOWN_CATEGORY' },
  ]);
}
