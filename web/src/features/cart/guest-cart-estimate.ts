import type { Schemas } from '@/lib/api/client';
import type { GuestCartLine } from './guest-cart';

export type Cart = Schemas['Cart'];
export type CartLine = Schemas['CartLine'];

/** What the estimate needs to know about a product (the public product API's fields). */
export type ProductFacts = Pick<Schemas['Product'], 'sku' | 'name' | 'price' | 'taxClass' | 'availability'>;

const taxRates = { standard: 10, reduced: 8 } as const;

/**
 * A guest's cart priced in the browser, shaped like the server's cart so the
 * same page shows both. Only a preview (the page labels it an estimate): the
 * server prices the cart again once the guest signs in, and the order at
 * checkout. It follows the server's rule — tax included in the price,
 * rounded down once per rate over the whole cart (適格請求書) — and, like the
 * server, leaves out lines that cannot be bought. `products` maps each id to
 * the product, null when the shop no longer sells it; ids not yet loaded are
 * absent, and their lines are left out until they are.
 */
export function estimateGuestCart(
  lines: readonly GuestCartLine[],
  products: ReadonlyMap<string, ProductFacts | null>,
): Cart {
  const cartLines: CartLine[] = [];
  for (const line of lines) {
    const product = products.get(line.productId);
    if (product === undefined) continue;
    cartLines.push(toLine(line, product));
  }
  const byRate = new Map<number, number>();
  for (const line of cartLines) {
    if (line.problem?.code === 'unavailable' || line.problem?.code === 'sold_out') continue;
    byRate.set(line.taxRate, (byRate.get(line.taxRate) ?? 0) + line.amount);
  }
  const taxes = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, amount]) => ({ rate, amount, tax: Math.floor((amount * rate) / (100 + rate)) }));
  const subtotal = taxes.reduce((sum, entry) => sum + entry.amount, 0);
  return { lines: cartLines, subtotal, taxes, total: subtotal };
}

function toLine(line: GuestCartLine, product: ProductFacts | null): CartLine {
  if (!product) {
    return {
      productId: line.productId,
      sku: null,
      nameJa: '',
      nameEn: '',
      quantity: line.quantity,
      unitPrice: 0,
      taxRate: taxRates.standard,
      amount: 0,
      problem: { code: 'unavailable', message: 'This product is no longer sold' },
    };
  }
  const available = product.availability.available;
  return {
    productId: line.productId,
    sku: product.sku,
    nameJa: product.name.ja,
    nameEn: product.name.en,
    quantity: line.quantity,
    unitPrice: product.price,
    taxRate: taxRates[product.taxClass],
    amount: product.price * line.quantity,
    problem:
      available <= 0
        ? { code: 'sold_out', message: 'Sold out', available: 0 }
        : available < line.quantity
          ? { code: 'insufficient_stock', message: `Only ${available} left`, available }
          : null,
  };
}
