import { describe, expect, it } from 'vitest';
import { canCancel, isFinal, orderRefetchInterval, staffActionsFor } from './order-states';

describe('order states on the customer pages', () => {
  it('polls every second while pending, slowly while it can still change, and stops when final', () => {
    expect(orderRefetchInterval('pending')).toBe(1_000);
    expect(orderRefetchInterval('confirmed')).toBe(15_000);
    expect(orderRefetchInterval('shipped')).toBe(15_000);
    for (const state of ['rejected', 'delivered', 'cancelled'] as const) {
      expect(orderRefetchInterval(state)).toBe(false);
      expect(isFinal(state)).toBe(true);
    }
    expect(orderRefetchInterval(undefined)).toBe(false);
  });

  it('offers cancelling only before the order ships', () => {
    expect(canCancel('pending')).toBe(true);
    expect(canCancel('confirmed')).toBe(true);
    for (const state of ['shipped', 'delivered', 'rejected', 'cancelled'] as const)
      expect(canCancel(state)).toBe(false);
  });

  it('offers staff ship only when confirmed, deliver only when shipped, cancel only before shipping', () => {
    expect(staffActionsFor('pending')).toEqual(['cancel']);
    expect(staffActionsFor('confirmed')).toEqual(['ship', 'cancel']);
    expect(staffActionsFor('shipped')).toEqual(['deliver']);
    for (const state of ['delivered', 'rejected', 'cancelled'] as const) expect(staffActionsFor(state)).toEqual([]);
  });
});
