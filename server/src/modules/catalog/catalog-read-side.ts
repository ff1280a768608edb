import { inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { qualified } from '../../platform/db/qualified.js';
import type { StockReadModel } from './ports.js';
import { products } from './schema.js';

/**
 * What other modules may read of the catalog, through ports the composition
 * root wires: nobody else reads the catalog's tables.
 */

/** Products by id with what buying them needs now: price, tax class, whether on sale, units available. */
export async function findProductFacts(
  db: DatabaseOrTransaction,
  params: { ids: readonly string[]; stock: StockReadModel },
) {
  const rows = await db
    .select({
      id: products.id,
      sku: products.sku,
      nameJa: products.nameJa,
      nameEn: products.nameEn,
      price: products.price,
      taxClass: products.taxClass,
      active: products.active,
      available: params.stock.availableUnits(products.sku),
    })
    .from(products)
    // Drizzle turns an empty list into `false`: no ids, no rows.
    .where(inArray(products.id, [...params.ids]));
  return new Map(rows.map((row) => [row.id, row]));
}

function nameOfSku(name: AnyPgColumn, sku: AnyPgColumn): SQL<string | null> {
  return sql<string | null>`(select ${name} from ${products} where ${products.sku} = ${qualified(sku)})`;
}

/** A product's names as SQL correlated on a SKU column of the caller's query (null when no product has it). */
export const productNamesBySku = {
  nameJa: (sku: AnyPgColumn) => nameOfSku(products.nameJa, sku),
  nameEn: (sku: AnyPgColumn) => nameOfSku(products.nameEn, sku),
};
