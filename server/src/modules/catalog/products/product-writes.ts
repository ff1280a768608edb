import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import { categories, productImages, products, type TaxClass } from '../schema.js';
import { readingsOf } from './readings.js';
import { searchColumns } from './search-text.js';
import { replaceSearchWords } from './search-words.js';

export type NewCategory = { slug: string; nameJa: string; nameEn: string; position: number };

/** Creates categories that don't exist yet; returns the id of every given slug. */
export async function createCategories(
  db: DatabaseOrTransaction,
  input: readonly NewCategory[],
): Promise<Map<string, string>> {
  if (input.length > 0)
    await db
      .insert(categories)
      .values([...input])
      .onConflictDoNothing();
  const rows = await db
    .select({ id: categories.id, slug: categories.slug })
    .from(categories)
    .where(
      inArray(
        categories.slug,
        input.map((c) => c.slug),
      ),
    );
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export type NewProductImage = {
  objectKey: string;
  contentType: string;
  width: number;
  height: number;
  altJa: string;
  altEn: string;
};

export type NewProduct = {
  sku: string;
  slug: string;
  categoryId: string;
  nameJa: string;
  nameEn: string;
  /** Hiragana; made from the Japanese name when absent (the demo ships its readings: no analyser at start). */
  nameReading?: string | undefined;
  descriptionJa: string;
  descriptionEn: string;
  price: number;
  taxClass: TaxClass;
  createdAt?: Date;
  images: readonly NewProductImage[];
};

/** Creates products (skipping SKUs that exist) with their images; returns how many were new. */
export async function createProducts(db: DatabaseOrTransaction, input: readonly NewProduct[]): Promise<number> {
  if (input.length === 0) return 0;
  const categoryRows = await db
    .select({ id: categories.id, nameJa: categories.nameJa, nameEn: categories.nameEn })
    .from(categories)
    .where(inArray(categories.id, [...new Set(input.map((p) => p.categoryId))]));
  const categoryNames = new Map(categoryRows.map((c) => [c.id, c]));
  const missing = input.filter((p) => !p.nameReading);
  const made = await readingsOf(missing.map((p) => p.nameJa));
  const readings = new Map(missing.map((p, i) => [p.sku, made[i] ?? '']));

  const inserted = await db
    .insert(products)
    .values(
      input
        .map((p) => withReading(p, p.nameReading || (readings.get(p.sku) ?? '')))
        .map((p) => ({
          sku: p.sku,
          slug: p.slug,
          categoryId: p.categoryId,
          nameJa: p.nameJa,
          nameEn: p.nameEn,
          nameReading: p.nameReading,
          descriptionJa: p.descriptionJa,
          descriptionEn: p.descriptionEn,
          price: p.price,
          taxClass: p.taxClass,
          ...searchColumns({
            ...p,
            categoryNameJa: categoryNames.get(p.categoryId)?.nameJa ?? '',
            categoryNameEn: categoryNames.get(p.categoryId)?.nameEn ?? '',
          }),
          ...(p.createdAt ? { createdAt: p.createdAt, updatedAt: p.createdAt } : {}),
        })),
    )
    .onConflictDoNothing({ target: products.sku })
    .returning({ id: products.id, sku: products.sku, searchName: products.searchName });
  await replaceSearchWords(db, inserted);

  const idBySku = new Map(inserted.map((row) => [row.sku, row.id]));
  const images = input.flatMap((p) => {
    const productId = idBySku.get(p.sku);
    return productId ? p.images.map((image, position) => ({ ...image, productId, position })) : [];
  });
  if (images.length > 0) await db.insert(productImages).values(images);
  return inserted.length;
}

const withReading = (p: NewProduct, nameReading: string) => ({ ...p, nameReading });
