import type { Schemas } from '@/lib/api/client';

export type OrderState = Schemas['Order']['state'];

/** States an order never leaves. */
const finalStates: ReadonlySet<OrderState> = new Set(['rejected', 'delivered', 'cancelled']);

export function isFinal(state: OrderState): boolean {
  return finalStates.has(state);
}

/** The customer may cancel until the order ships (the server's rule; it answers 409 otherwise). */
export function canCancel(state: OrderState): boolean {
  return state === 'pending' || state === 'confirmed';
}

/**
 * How often an open order page asks for the order again: every second while
 * stock is being reserved (it takes a second or two), every 15 s while staff
 * may still ship or deliver it, never once it is final.
 */
export function orderRefetchInterval(state: OrderState | undefined): number | false {
  if (state === undefined) return false;
  if (state === 'pending') return 1_000;
  return isFinal(state) ? false : 15_000;
}

/** What staff may do next with an order in this state (the server's transition table; it answers 409 otherwise). */
export function staffActionsFor(state: OrderState): readonly ('ship' | 'deliver' | 'cancel')[] {
  switch (state) {
    case 'pending':
      return ['cancel'];
    case 'confirmed':
      return ['ship', 'cancel'];
    case 'shipped':
      return ['deliver'];
    default:
      return [];
  }
}
