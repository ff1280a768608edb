import { type SQLWrapper, sql } from 'drizzle-orm';
import { products } from '../modules/catalog/schema.js';
import type { ProductNames } from '../modules/inventory/product-names.js';

/** The catalog's product names for inventory's stock screens, joined by SKU in the stock service's own queries. */
export const stockProductNames: ProductNames = {
  nameJa: (sku: SQLWrapper) =>
    sql<string | null>`(select ${products.nameJa} from ${products} where ${products.sku} = ${sku})`,
  nameEn: (sku: SQLWrapper) =>
    sql<string | null>`(select ${products.nameEn} from ${products} where ${products.sku} = ${sku})`,
};
