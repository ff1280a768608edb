import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import { productImages, products } from '../schema.js';

/** Image rows as the back office sees them: every column. Queries take a transaction or the database. */
export type StaffImageRow = typeof productImages.$inferSelect;

export type ProductRef = { productId: string };
export type ImageRef = { productId: string; imageId: string };

/** Any product, active or not: the back office edits drafts too. */
export async function productExists(db: DatabaseOrTransaction, { productId }: ProductRef): Promise<boolean> {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId));
  return row !== undefined;
}

/**
 * Locks the product row for the rest of the transaction, so image writes of
 * one product (add, reorder, delete) happen one after another and positions
 * stay dense. False when there is no such product.
 */
export async function lockProductForImages(db: DatabaseOrTransaction, { productId }: ProductRef): Promise<boolean> {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId)).for('update');
  return row !== undefined;
}

export async function listProductImages(
  db: DatabaseOrTransaction,
  { productId }: ProductRef,
): Promise<StaffImageRow[]> {
  return db
    .select()
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position));
}

async function getProductImage(db: DatabaseOrTransaction, ref: ImageRef): Promise<StaffImageRow | undefined> {
  const [row] = await db
    .select()
    .from(productImages)
    .where(and(eq(productImages.productId, ref.productId), eq(productImages.id, ref.imageId)));
  return row;
}

/** A new image: everything but its id and position (it goes last). */
export type AddProductImageParams = Omit<typeof productImages.$inferInsert, 'id' | 'position'>;

/** Appends an image after the product's last one. Call with the product locked. */
export async function addProductImage(
  db: DatabaseOrTransaction,
  params: AddProductImageParams,
): Promise<StaffImageRow> {
  const [last] = await db
    .select({ position: max(productImages.position) })
    .from(productImages)
    .where(eq(productImages.productId, params.productId));
  const position = last?.position === null || last?.position === undefined ? 0 : last.position + 1;
  const [row] = await db
    .insert(productImages)
    .values({ ...params, position })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export type UpdateProductImageParams = ImageRef & { altJa?: string | undefined; altEn?: string | undefined };

export async function updateProductImageAlt(
  db: DatabaseOrTransaction,
  params: UpdateProductImageParams,
): Promise<StaffImageRow | undefined> {
  const changes = {
    ...(params.altJa === undefined ? {} : { altJa: params.altJa }),
    ...(params.altEn === undefined ? {} : { altEn: params.altEn }),
  };
  if (Object.keys(changes).length === 0) return getProductImage(db, params);
  const [row] = await db
    .update(productImages)
    .set(changes)
    .where(and(eq(productImages.productId, params.productId), eq(productImages.id, params.imageId)))
    .returning();
  return row;
}

/**
 * Sets the order of a product's images: `imageIds` must name each of them
 * exactly once. Call with the product locked. False when the list differs.
 */
export async function reorderProductImages(
  db: DatabaseOrTransaction,
  params: ProductRef & { imageIds: readonly string[] },
): Promise<boolean> {
  const current = await listProductImages(db, params);
  const wanted = new Set(params.imageIds);
  if (wanted.size !== params.imageIds.length || wanted.size !== current.length) return false;
  if (!current.every((image) => wanted.has(image.id))) return false;
  for (const [position, imageId] of params.imageIds.entries()) {
    await db
      .update(productImages)
      .set({ position })
      .where(and(eq(productImages.productId, params.productId), eq(productImages.id, imageId)));
  }
  return true;
}

/** Removes one image and closes the gap it leaves. Call with the product locked. */
export async function deleteProductImage(db: DatabaseOrTransaction, ref: ImageRef): Promise<StaffImageRow | undefined> {
  const [row] = await db
    .delete(productImages)
    .where(and(eq(productImages.productId, ref.productId), eq(productImages.id, ref.imageId)))
    .returning();
  if (!row) return undefined;
  await db
    .update(productImages)
    .set({ position: sql`${productImages.position} - 1` })
    .where(and(eq(productImages.productId, ref.productId), gt(productImages.position, row.position)));
  return row;
}
