import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import type { Cart, CartLine, CartLineProblem } from './api-schemas.js';
import { listCartLines } from './cart-store.js';
import type { ProductFacts, ProductLookup } from './ports.js';
import { computeTotals, taxRates } from './pricing.js';
import type { CartLineRow } from './schema.js';

/**
 * The cart as the customer sees it: each line with the product as it is now
 * and what stands in the way of ordering it. Totals are at today's prices, over
 * the lines that can still be bought (not archived, not sold out).
 */
export async function readCart(
  db: DatabaseOrTransaction,
  params: { userId: string; products: ProductLookup },
): Promise<Cart> {
  const rows = await listCartLines(db, { userId: params.userId });
  const facts = await params.products(
    db,
    rows.map((row) => row.productId),
  );
  const lines = rows.map((row) => toCartLine(row, facts.get(row.productId)));
  const orderable = lines.filter((line) => line.problem?.code !== 'unavailable' && line.problem?.code !== 'sold_out');
  const totals = computeTotals(
    orderable.map((line) => ({ unitPrice: line.unitPrice, quantity: line.quantity, taxRate: line.taxRate })),
  );
  return { lines, ...totals };
}

function toCartLine(row: CartLineRow, product: ProductFacts | undefined): CartLine {
  const unitPrice = product?.price ?? row.seenUnitPrice;
  const taxRate = product ? taxRates[product.taxClass] : taxRates.standard;
  return {
    productId: row.productId,
    sku: product?.sku ?? null,
    nameJa: product?.nameJa ?? row.seenNameJa,
    nameEn: product?.nameEn ?? row.seenNameEn,
    quantity: row.quantity,
    unitPrice,
    taxRate,
    amount: unitPrice * row.quantity,
    problem: problemOf(row, product),
  };
}

/** The most serious thing wrong with a line, or null when it can be ordered as it is. */
export function problemOf(
  line: { quantity: number; seenUnitPrice: number },
  product: ProductFacts | undefined,
): CartLineProblem | null {
  if (!product?.active) {
    return { code: 'unavailable', message: 'This product is no longer sold' };
  }
  if (product.available <= 0) return { code: 'sold_out', message: 'Sold out', available: 0 };
  if (product.available < line.quantity) {
    return {
      code: 'insufficient_stock',
      message: `Only ${product.available} left`,
      available: product.available,
    };
  }
  if (product.price !== line.seenUnitPrice) {
    return {
      code: 'price_changed',
      message: `The price changed from ¥${line.seenUnitPrice} to ¥${product.price}`,
      oldPrice: line.seenUnitPrice,
      newPrice: product.price,
    };
  }
  return null;
}
