import type { StockItem, StockMovement } from './api-schemas.js';
import type { MovementRow } from './movements.js';
import type { StockRow } from './stock-adjustments.js';

type StockRowWithNames = StockRow & { available: number; nameJa: string | null; nameEn: string | null };

export function toStockItem(row: StockRowWithNames): StockItem {
  return {
    sku: row.sku,
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    onHand: row.onHand,
    reserved: row.reserved,
    available: row.available,
    lowStockThreshold: row.lowStockThreshold,
    // The storefront's words (stock-levels.ts availabilityStatus), seen from the back office.
    status: row.available <= 0 ? 'sold_out' : row.available <= row.lowStockThreshold ? 'low_stock' : 'in_stock',
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toStockMovement(row: MovementRow): StockMovement {
  return {
    id: row.id,
    sku: row.sku,
    at: row.at.toISOString(),
    actorId: row.actorId,
    deltaOnHand: row.deltaOnHand,
    deltaReserved: row.deltaReserved,
    reason: row.reason,
    note: row.note,
    onHandAfter: row.onHandAfter,
    reservedAfter: row.reservedAfter,
    orderId: row.orderId,
  };
}
