import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { qualified } from '../../platform/db/qualified.js';
import { recordMovements } from './movements.js';
import { stockItems } from './schema.js';

/**
 * Read side of the stock service that other modules may use: SQL expressions
 * correlated on a SKU, so a caller can filter and sort by availability in its
 * own query without reading inventory's tables itself. A SKU with no stock row
 * has nothing available.
 */
export function availableUnits(sku: AnyPgColumn): SQL<number> {
  return sql<number>`coalesce((select ${stockItems.onHand} - ${stockItems.reserved} from ${stockItems} where ${stockItems.sku} = ${qualified(sku)}), 0)`.mapWith(
    Number,
  );
}

export type AvailabilityStatus = 'in_stock' | 'low_stock' | 'sold_out';

export function availabilityStatus(sku: AnyPgColumn): SQL<AvailabilityStatus> {
  return sql<AvailabilityStatus>`coalesce((
    select case
      when ${stockItems.onHand} - ${stockItems.reserved} <= 0 then 'sold_out'
      when ${stockItems.onHand} - ${stockItems.reserved} <= ${stockItems.lowStockThreshold} then 'low_stock'
      else 'in_stock' end
    from ${stockItems} where ${stockItems.sku} = ${qualified(sku)}), 'sold_out')`;
}

export type StockLevel = { sku: string; onHand: number };

/**
 * Sets opening stock for SKUs that have none yet, each with its opening
 * movement; existing levels are left alone. Returns how many SKUs were new.
 */
export async function createOpeningStock(db: DatabaseOrTransaction, levels: readonly StockLevel[]): Promise<number> {
  if (levels.length === 0) return 0;
  const inserted = await db
    .insert(stockItems)
    .values(levels.map((level) => ({ sku: level.sku, onHand: level.onHand })))
    .onConflictDoNothing()
    .returning({ sku: stockItems.sku, onHand: stockItems.onHand, reserved: stockItems.reserved });
  await recordMovements(
    db,
    inserted
      .filter((row) => row.onHand !== 0)
      .map((row) => ({
        sku: row.sku,
        actorId: null,
        deltaOnHand: row.onHand,
        deltaReserved: 0,
        reason: 'opening_stock' as const,
        onHandAfter: row.onHand,
        reservedAfter: row.reserved,
      })),
  );
  return inserted.length;
}
