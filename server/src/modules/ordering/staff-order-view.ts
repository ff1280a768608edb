import type { StaffOrder } from './api-schemas.js';
import type { getStaffOrder } from './order-queries.js';
import { toOrder } from './order-view.js';

export function toStaffOrder(row: NonNullable<Awaited<ReturnType<typeof getStaffOrder>>>): StaffOrder {
  return {
    ...toOrder(row),
    customer: { id: row.userId, email: row.customerEmail },
    history: row.history.map((event) => ({ ...event, at: event.at.toISOString() })),
    version: row.version,
  };
}
