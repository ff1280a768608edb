import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import type { TaxClassName } from './pricing.js';

/**
 * What ordering needs from outside itself, wired by the composition root
 * (app.ts): ordering never reads another module's tables. Reserving and
 * releasing stock are not here: the flows do them in answer to ordering's
 * events (flows/reserve-stock-for-orders.ts).
 */

/** What ordering needs to know about a product now: the catalog's data and the stock available. */
export type ProductFacts = {
  id: string;
  sku: string;
  nameJa: string;
  nameEn: string;
  /** Integer yen, tax included. */
  price: number;
  taxClass: TaxClassName;
  active: boolean;
  /** Units on hand minus reserved. */
  available: number;
};

/** Products by id (unknown ids are simply absent from the map). The catalog provides it, with inventory's stock. */
export type ProductLookup = (
  db: DatabaseOrTransaction,
  productIds: readonly string[],
) => Promise<Map<string, ProductFacts>>;

/**
 * Inventory's side of shipping: the order's reserved units leave the shelf,
 * in the caller's transaction; idempotent by order id. `committed` is the
 * only kind that lets the order ship.
 */
export type StockCommitment = (db: DatabaseOrTransaction, params: { orderId: string }) => Promise<{ kind: string }>;

/**
 * Users' emails as SQL correlated on a user-id column, so staff lists show and
 * search them in one query. Identity provides it.
 */
export type CustomerEmails = { email(userId: AnyPgColumn): SQL<string | null> };
