import { eq, sql } from 'drizzle-orm';
import { constraintViolation } from '../../../platform/db/constraint-violation.js';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/errors.js';
import { searchColumns } from '../products/search-text.js';
import { categories, products } from '../schema.js';

/** The back office's category writes. Each returns false (or undefined) for a category that does not exist. */
export async function createCategory(
  db: DatabaseOrTransaction,
  params: { slug: string; nameJa: string; nameEn: string },
): Promise<string> {
  try {
    const [row] = await db
      .insert(categories)
      .values({
        ...params,
        // Last in the order; two concurrent creations may share a position, which reordering resolves.
        position: sql`(select coalesce(max(${categories.position}) + 1, 0) from ${categories})`,
      })
      .returning({ id: categories.id });
    if (!row) throw new Error('insert returned no row');
    return row.id;
  } catch (err) {
    throw categoryConflict(err) ?? err;
  }
}

/**
 * Renames a category (slug and names). Its products' search text includes the
 * category's names, so it is recomputed for each in the same transaction.
 */
export async function updateCategory(
  db: DatabaseOrTransaction,
  params: { id: string; slug?: string | undefined; nameJa?: string | undefined; nameEn?: string | undefined },
): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(categories)
        .set({
          ...(params.slug !== undefined ? { slug: params.slug } : {}),
          ...(params.nameJa !== undefined ? { nameJa: params.nameJa } : {}),
          ...(params.nameEn !== undefined ? { nameEn: params.nameEn } : {}),
        })
        .where(eq(categories.id, params.id))
        .returning({ nameJa: categories.nameJa, nameEn: categories.nameEn });
      if (!row) return false;
      if (params.nameJa !== undefined || params.nameEn !== undefined) await refreshSearchText(tx, params.id, row);
      return true;
    });
  } catch (err) {
    throw categoryConflict(err) ?? err;
  }
}

async function refreshSearchText(
  tx: DatabaseOrTransaction,
  categoryId: string,
  names: { nameJa: string; nameEn: string },
): Promise<void> {
  const rows = await tx.select().from(products).where(eq(products.categoryId, categoryId)).for('update');
  const changed = rows
    .map((p) => ({
      id: p.id,
      searchText: searchColumns({ ...p, categoryNameJa: names.nameJa, categoryNameEn: names.nameEn }).searchText,
    }))
    .filter((p, i) => p.searchText !== rows[i]?.searchText);
  for (let start = 0; start < changed.length; start += 500) {
    const chunk = changed.slice(start, start + 500);
    const values = sql.join(
      chunk.map((p) => sql`(${p.id}::uuid, ${p.searchText})`),
      sql`, `,
    );
    await tx.execute(
      sql`update ${products} set search_text = v.search_text from (values ${values}) as v(id, search_text) where ${products.id} = v.id`,
    );
  }
}

/**
 * Puts the categories in the given order. The list must name every category
 * exactly once: a partial list against a category created meanwhile would
 * leave the order ambiguous, so it is refused (409) and the client reloads.
 */
export async function reorderCategories(db: DatabaseOrTransaction, ids: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await tx.select({ id: categories.id }).from(categories).for('update');
    const known = new Set(current.map((row) => row.id));
    if (current.length !== ids.length || !ids.every((id) => known.has(id))) {
      throw new AppError('CONFLICT', 'The categories changed meanwhile; reload and order them again', [
        { path: 'ids', message: 'must list every category exactly once', code: 'CATEGORIES_CHANGED' },
      ]);
    }
    if (ids.length === 0) return;
    const positions = sql.join(
      ids.map((id, position) => sql`(${id}::uuid, ${position}::int)`),
      sql`, `,
    );
    await tx.execute(
      sql`update ${categories} set position = v.position from (values ${positions}) as v(id, position) where ${categories.id} = v.id`,
    );
  });
}

/**
 * Deletes an empty category. Whether it is empty is the foreign key's call,
 * archived products included (they stay for orders): a product filed under it
 * by a concurrent request makes the delete fail, never leaves it dangling.
 */
export async function deleteCategory(db: DatabaseOrTransaction, id: string): Promise<boolean> {
  try {
    const removed = await db.delete(categories).where(eq(categories.id, id)).returning({ id: categories.id });
    return removed.length > 0;
  } catch (err) {
    if (constraintViolation(err)?.constraint === 'products_category_id_categories_id_fk') {
      throw new AppError(
        'CATEGORY_NOT_EMPTY',
        'The category still holds products (archived ones too); move them first',
      );
    }
    throw err;
  }
}

function categoryConflict(err: unknown): AppError | undefined {
  if (constraintViolation(err)?.constraint === 'categories_slug_unique') {
    return new AppError('SLUG_TAKEN', 'Another category already has this slug', [
      { path: 'slug', message: 'is taken by another category', code: 'SLUG_TAKEN' },
    ]);
  }
  return undefined;
}
