import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { ProductFacts, ProductLookup } from './ports.js';

/** A product that can be put in a cart now: it exists and is sold. Stock is checked at checkout. */
export async function requireSellableProduct(
  db: DatabaseOrTransaction,
  params: { products: ProductLookup; productId: string },
): Promise<ProductFacts> {
  const product = (await params.products(db, [params.productId])).get(params.productId);
  if (!product?.active) {
    throw new AppError('PRODUCT_UNAVAILABLE', 'That product is not sold', [
      { path: 'productId', message: product ? 'no longer sold' : 'no such product', code: 'PRODUCT_UNAVAILABLE' },
    ]);
  }
  return product;
}
