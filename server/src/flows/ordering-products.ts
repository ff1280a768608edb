import { inArray, sql } from 'drizzle-orm';
import { products } from '../modules/catalog/schema.js';
import { availableUnits } from '../modules/inventory/stock-levels.js';
import type { ProductFacts, ProductLookup } from '../modules/ordering/product-lookup.js';

/** Ordering's view of products: the catalog's row and inventory's available units, in one query. */
export const orderingProducts: ProductLookup = async (db, productIds) => {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: products.id,
      sku: products.sku,
      nameJa: products.nameJa,
      nameEn: products.nameEn,
      price: products.price,
      taxClass: products.taxClass,
      active: products.active,
      // Qualified: in a one-table select drizzle prints bare names, which the subquery would capture.
      available: availableUnits(sql`${products}.${sql.identifier(products.sku.name)}`),
    })
    .from(products)
    .where(inArray(products.id, [...productIds]));
  return new Map(rows.map((row): [string, ProductFacts] => [row.id, row]));
};
