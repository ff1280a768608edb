import type { Transaction } from '../../platform/db/database.js';
import { enqueueEvent } from '../../platform/events/outbox.js';
import { AppError, type ErrorDetail } from '../../platform/http/errors.js';
import type { PlaceOrderBody } from './api-schemas.js';
import { takeCartLines } from './cart-store.js';
import { problemOf } from './cart-view.js';
import { type OrderPlaced, orderingEvents } from './events.js';
import { recordOrderEvent } from './order-state-changes.js';
import type { ProductLookup } from './ports.js';
import { computeTotals, taxRates } from './pricing.js';
import { orderLines, orders } from './schema.js';

export type PlaceOrderParams = {
  userId: string;
  input: PlaceOrderBody;
  products: ProductLookup;
};

/**
 * Checkout, in the caller's transaction: the order is written as `pending`
 * with its lines priced as they are now (tax per rate per invoice), the cart
 * is taken (emptied as it is read, so one cart makes at most one order when
 * two tabs check it out at once; a refusal rolls that back), and `OrderPlaced` goes to the
 * outbox; stock is reserved later by its consumer. Any line that cannot be
 * ordered as it is (gone, sold out, short, repriced since the customer saw it)
 * refuses the whole checkout, naming each line.
 *
 * Payment is cash on delivery, settled by the carrier: nothing to do here. A
 * payment step (authorise a card) would go between pricing and writing.
 */
export async function placeOrder(tx: Transaction, params: PlaceOrderParams) {
  const fromCart = params.input.lines === undefined;
  const wanted = fromCart
    ? (await takeCartLines(tx, { userId: params.userId })).map((line) => ({
        productId: line.productId,
        quantity: line.quantity,
        seenUnitPrice: line.seenUnitPrice as number | undefined,
      }))
    : mergeLines(params.input.lines ?? []);
  if (wanted.length === 0) {
    throw new AppError('ORDER_NOT_PLACEABLE', 'Your cart is empty', [{ path: 'lines', message: 'nothing to order' }]);
  }
  const facts = await params.products(
    tx,
    wanted.map((line) => line.productId),
  );
  const problems: ErrorDetail[] = [];
  const priced = wanted.flatMap((line, i) => {
    const product = facts.get(line.productId);
    const problem = problemOf(
      { quantity: line.quantity, seenUnitPrice: line.seenUnitPrice ?? product?.price ?? 0 },
      product,
    );
    if (problem || !product) {
      problems.push({
        path: `lines.${i}.productId`,
        message: problem?.message ?? 'not sold',
        code: problem?.code ?? 'unavailable',
      });
      return [];
    }
    return [
      {
        productId: product.id,
        sku: product.sku,
        nameJa: product.nameJa,
        nameEn: product.nameEn,
        unitPrice: product.price,
        taxRate: taxRates[product.taxClass],
        quantity: line.quantity,
        amount: product.price * line.quantity,
      },
    ];
  });
  if (problems.length > 0) {
    throw new AppError('ORDER_NOT_PLACEABLE', 'Some lines cannot be ordered as they are', problems);
  }
  const totals = computeTotals(priced);
  const { shippingAddress, delivery, paymentMethod } = params.input;
  const [order] = await tx
    .insert(orders)
    .values({
      userId: params.userId,
      total: totals.total,
      taxes: totals.taxes,
      shippingAddress,
      deliveryDate: delivery.date,
      deliverySlot: delivery.slot,
      paymentMethod,
    })
    .returning();
  if (!order) throw new Error('insert returned no order');
  const lines = await tx
    .insert(orderLines)
    .values(priced.map((line, i) => ({ ...line, orderId: order.id, lineNo: i + 1 })))
    .returning();
  await recordOrderEvent(tx, { orderId: order.id, from: null, to: 'pending', actorId: params.userId });
  const payload: OrderPlaced = {
    orderId: order.id,
    userId: params.userId,
    lines: priced.map((line) => ({ productId: line.productId, sku: line.sku, quantity: line.quantity })),
    total: order.total,
  };
  await enqueueEvent(tx, { event: orderingEvents.OrderPlaced, key: order.id, payload });
  // What was just written, as `getOrder` would read it back (without the round trip).
  return { ...order, lines: lines.sort((a, b) => a.lineNo - b.lineNo) };
}

/** "Buy now" lines may name a product twice: one line each, quantities added. */
function mergeLines(lines: readonly { productId: string; quantity: number }[]) {
  const byProduct = new Map<string, number>();
  for (const line of lines) byProduct.set(line.productId, (byProduct.get(line.productId) ?? 0) + line.quantity);
  return [...byProduct].map(([productId, quantity]) => ({ productId, quantity, seenUnitPrice: undefined }));
}
