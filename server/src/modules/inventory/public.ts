/**
 * Inventory's public surface: all that flows, the composition root and entry
 * points may use of it (a dependency-cruiser rule refuses any other import
 * from outside the module). Stock levels, the ledger of movements and the
 * reservations orders hold.
 */

export type { InventoryDeps } from './deps.js';
/** Stock's answers to an order, for the flow that confirms or rejects it. */
export { type InventoryEvent, inventoryEvents } from './events.js';
/** The back office's stock routes. */
export { createInventoryRouter } from './inventory-router.js';
export type { ProductNames } from './ports.js';
/**
 * An order's reservations (ADR 0009), each idempotent by order id and run in
 * the caller's transaction: the flows reserve, hold, release and expire them
 * in answer to ordering's events; ordering commits them when an order ships,
 * through its `StockCommitment` port.
 */
export {
  commitOrder,
  holdUntilShipped,
  listExpiredHolds,
  type ReserveOutcome,
  releaseExpiredHold,
  releaseOrder,
  reserveOrder,
  type SettleOutcome,
  type Shortage,
} from './reservations.js';
/** Stock as SQL other modules' queries embed (wired as the catalog's `StockReadModel`), and new SKUs' opening rows. */
export { availabilityStatus, availableUnits, createOpeningStock } from './stock-levels.js';
/** How many SKUs are sold out or running low: the back office's home page counts. */
export { countStockAlerts } from './stock-queries.js';
