import { describe, expect, it } from 'vitest';
import { estimateGuestCart, type ProductFacts } from './guest-cart-estimate';

const sake = '00000000-0000-4000-8000-00000000000a';
const miso = '00000000-0000-4000-8000-00000000000b';
const gone = '00000000-0000-4000-8000-00000000000c';
const soldOut = '00000000-0000-4000-8000-00000000000d';

function product(price: number, taxClass: 'standard' | 'reduced', available = 10): ProductFacts {
  return {
    sku: `SKU-${price}`,
    name: { ja: `商品${price}`, en: `Item ${price}` },
    price,
    taxClass,
    availability: { status: available > 0 ? 'in_stock' : 'sold_out', available },
  };
}

describe('estimateGuestCart', () => {
  it('sums tax-included amounts per rate and rounds the tax down once per rate', () => {
    // three ¥108 units at 10 % include ¥29 of tax (not 3 × ¥9); ¥1,080 at 8 % includes ¥80
    const cart = estimateGuestCart(
      [
        { productId: sake, quantity: 3 },
        { productId: miso, quantity: 1 },
      ],
      new Map([
        [sake, product(108, 'standard')],
        [miso, product(1080, 'reduced')],
      ]),
    );
    expect(cart.taxes).toEqual([
      { rate: 10, amount: 324, tax: 29 },
      { rate: 8, amount: 1080, tax: 80 },
    ]);
    expect(cart.subtotal).toBe(1404);
    expect(cart.total).toBe(1404);
    expect(cart.lines.map((line) => [line.unitPrice, line.amount, line.problem])).toEqual([
      [108, 324, null],
      [1080, 1080, null],
    ]);
  });

  it('marks products no longer sold or sold out and leaves them out of the totals', () => {
    const cart = estimateGuestCart(
      [
        { productId: sake, quantity: 1 },
        { productId: gone, quantity: 2 },
        { productId: soldOut, quantity: 1 },
      ],
      new Map([
        [sake, product(500, 'standard')],
        [gone, null],
        [soldOut, product(800, 'reduced', 0)],
      ]),
    );
    expect(cart.lines.map((line) => line.problem?.code ?? null)).toEqual([null, 'unavailable', 'sold_out']);
    expect(cart.total).toBe(500);
    expect(cart.taxes).toEqual([{ rate: 10, amount: 500, tax: 45 }]);
  });

  it('flags a line asking for more than is left, still counting it', () => {
    const cart = estimateGuestCart([{ productId: sake, quantity: 5 }], new Map([[sake, product(100, 'standard', 2)]]));
    expect(cart.lines[0]?.problem).toMatchObject({ code: 'insufficient_stock', available: 2 });
    expect(cart.total).toBe(500);
  });

  it('leaves out lines whose product has not loaded yet', () => {
    const cart = estimateGuestCart([{ productId: sake, quantity: 1 }], new Map());
    expect(cart).toEqual({ lines: [], subtotal: 0, taxes: [], total: 0 });
  });
});
