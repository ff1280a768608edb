import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { StockReadModel } from '../src/modules/catalog/ports.js';
import { listProducts } from '../src/modules/catalog/products/product-queries.js';
import { availabilityStatus, availableUnits } from '../src/modules/inventory/stock-levels.js';
import type { Database } from '../src/platform/db/database.js';

/**
 * The exact statements Kura runs for `GET /api/products?q=<term>`, recorded by
 * a Drizzle logger while Kura's own query function answers the same request
 * (as the route asks: limit 24, relevance order, sold-out products last). The bare baseline server
 * replays them, so both sides ask PostgreSQL the same thing.
 */
export type CapturedStatement = { text: string; params: unknown[] };

export type CapturedSearch = {
  term: string;
  /** Page size; the products statement asks for one more row to know if there is a next page. */
  limit: number;
  /** The one statement: the page's products with each one's first image. */
  products: CapturedStatement;
  /** How many products the page holds. */
  items: number;
};

/** What the route wires in (`app.ts`), so the SQL is the same. */
const stock: StockReadModel = { availableUnits, availabilityStatus };

export async function captureProductSearches(options: {
  databaseUrl: string;
  terms: string[];
  limit: number;
}): Promise<CapturedSearch[]> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  let recorded: CapturedStatement[] = [];
  const db = drizzle({
    client: pool,
    logger: { logQuery: (text, params) => recorded.push({ text, params }) },
  }) as unknown as Database;
  try {
    const searches: CapturedSearch[] = [];
    for (const term of options.terms) {
      recorded = [];
      const page = await listProducts(db, { stock, active: true, soldOutLast: true, q: term, limit: options.limit });
      const [products, ...extra] = recorded;
      if (!products || extra.length > 0) {
        throw new Error(
          `listProducts ran ${recorded.length} statements for "${term}"; the bare server replays exactly one`,
        );
      }
      searches.push({ term, limit: options.limit, products, items: page.items.length });
    }
    return searches;
  } finally {
    await pool.end();
  }
}
