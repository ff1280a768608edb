import { and, asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { ProductFacts } from './ports.js';
import { cartLines, maxLineQuantity } from './schema.js';

export type CartOwner = { userId: string };

export async function listCartLines(db: DatabaseOrTransaction, params: CartOwner) {
  return db
    .select()
    .from(cartLines)
    .where(eq(cartLines.userId, params.userId))
    .orderBy(asc(cartLines.addedAt), asc(cartLines.productId));
}

/**
 * Adds units of a product, merging with the line already there. Touching a
 * line records the price and name the customer now sees, so a "price changed"
 * problem is acknowledged by changing the line. `cap` clamps the merged
 * quantity at 99 (a guest cart merge) instead of refusing it.
 */
export async function addCartLine(
  db: DatabaseOrTransaction,
  params: CartOwner & { product: ProductFacts; quantity: number; cap?: boolean },
) {
  const { product } = params;
  const merged = sql`${cartLines.quantity} + excluded.quantity`;
  const [row] = await db
    .insert(cartLines)
    .values({
      userId: params.userId,
      productId: product.id,
      quantity: params.quantity,
      seenUnitPrice: product.price,
      seenNameJa: product.nameJa,
      seenNameEn: product.nameEn,
    })
    .onConflictDoUpdate({
      target: [cartLines.userId, cartLines.productId],
      set: {
        quantity: params.cap ? sql`least(${merged}, ${maxLineQuantity})` : merged,
        seenUnitPrice: sql`excluded.seen_unit_price`,
        seenNameJa: sql`excluded.seen_name_ja`,
        seenNameEn: sql`excluded.seen_name_en`,
        updatedAt: sql`now()`,
      },
      // Without a cap, a merge past 99 changes nothing and is refused below.
      ...(params.cap ? {} : { setWhere: sql`${merged} <= ${maxLineQuantity}` }),
    })
    .returning();
  if (!row) {
    throw new AppError('VALIDATION_FAILED', `A cart line holds at most ${maxLineQuantity} units`, [
      { path: 'quantity', message: `the line would exceed ${maxLineQuantity}`, code: 'too_big' },
    ]);
  }
  return row;
}

/** Sets a line's quantity; undefined when the product is not in the cart. */
export async function setCartLineQuantity(
  db: DatabaseOrTransaction,
  params: CartOwner & { product: ProductFacts; quantity: number },
) {
  const [row] = await db
    .update(cartLines)
    .set({
      quantity: params.quantity,
      seenUnitPrice: params.product.price,
      seenNameJa: params.product.nameJa,
      seenNameEn: params.product.nameEn,
      updatedAt: sql`now()`,
    })
    .where(and(eq(cartLines.userId, params.userId), eq(cartLines.productId, params.product.id)))
    .returning();
  return row;
}

/** Removes a line; false when the product was not in the cart. */
export async function removeCartLine(db: DatabaseOrTransaction, params: CartOwner & { productId: string }) {
  const deleted = await db
    .delete(cartLines)
    .where(and(eq(cartLines.userId, params.userId), eq(cartLines.productId, params.productId)))
    .returning({ productId: cartLines.productId });
  return deleted.length > 0;
}

/**
 * Empties the cart and returns what it held, in the order the lines were
 * added: the checkout's read and delete in one statement, in its
 * transaction. Two checkouts of one cart (two tabs, two keys) both try to
 * delete the same rows; the second waits on the first's row locks and, once
 * that commits, finds them gone — so exactly one order gets the lines, the
 * other sees an empty cart. A line added meanwhile is not deleted unseen.
 */
export async function takeCartLines(tx: Transaction, params: CartOwner) {
  const taken = await tx.delete(cartLines).where(eq(cartLines.userId, params.userId)).returning();
  return taken.sort(
    (a, b) =>
      a.addedAt.getTime() - b.addedAt.getTime() || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0),
  );
}

export async function clearCart(db: DatabaseOrTransaction, params: CartOwner) {
  await db.delete(cartLines).where(eq(cartLines.userId, params.userId));
}
