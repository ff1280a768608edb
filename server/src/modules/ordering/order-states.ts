import { AppError } from '../../platform/http/errors.js';
import type { OrderState } from './schema.js';

/**
 * The one place an order's life is written down. Stock confirms or rejects a
 * pending order; the shop ships and delivers; the customer (or the shop) can
 * cancel until it ships.
 */
export const orderTransitions: Record<OrderState, readonly OrderState[]> = {
  pending: ['confirmed', 'rejected', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  rejected: [],
  cancelled: [],
};

export function canTransition(from: OrderState, to: OrderState): boolean {
  return orderTransitions[from].includes(to);
}

export function assertTransition(from: OrderState, to: OrderState): void {
  if (!canTransition(from, to)) {
    throw new AppError('ILLEGAL_ORDER_TRANSITION', `A ${from} order cannot become ${to}`, [
      { path: 'state', message: `${from} → ${to} is not allowed`, code: 'ILLEGAL_ORDER_TRANSITION' },
    ]);
  }
}
