import type { Order } from './api-schemas.js';
import type { OrderLineRow, OrderRow } from './schema.js';

export function toOrder(row: OrderRow & { lines: OrderLineRow[] }): Order {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    stateReason: row.stateReason,
    lines: row.lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      nameJa: line.nameJa,
      nameEn: line.nameEn,
      unitPrice: line.unitPrice,
      taxRate: line.taxRate,
      quantity: line.quantity,
      amount: line.amount,
    })),
    subtotal: row.total,
    taxes: row.taxes,
    total: row.total,
    shippingAddress: row.shippingAddress,
    delivery: { date: row.deliveryDate, slot: row.deliverySlot },
    paymentMethod: row.paymentMethod,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
