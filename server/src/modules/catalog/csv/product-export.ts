import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { asc, eq, gt } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import { categories, products } from '../schema.js';
import { type CsvColumn, csvColumns } from './product-csv.js';

/** Rows are read in pages of this many, so an export of any size holds one page in memory. */
const pageSize = 500;

/** Every product, archived ones too, by SKU, in the import's columns. */
async function* exportRecords(db: DatabaseOrTransaction): AsyncGenerator<Record<CsvColumn, string>> {
  let after: string | undefined;
  for (;;) {
    const page = await db
      .select({
        sku: products.sku,
        slug: products.slug,
        nameJa: products.nameJa,
        nameEn: products.nameEn,
        nameReading: products.nameReading,
        descriptionJa: products.descriptionJa,
        descriptionEn: products.descriptionEn,
        category: categories.slug,
        price: products.price,
        taxClass: products.taxClass,
        active: products.active,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(after === undefined ? undefined : gt(products.sku, after))
      .orderBy(asc(products.sku))
      .limit(pageSize);
    for (const p of page) {
      yield {
        sku: p.sku,
        slug: p.slug,
        name_ja: p.nameJa,
        name_en: p.nameEn,
        name_reading: p.nameReading,
        description_ja: p.descriptionJa,
        description_en: p.descriptionEn,
        category: p.category,
        price: String(p.price),
        tax_class: p.taxClass,
        active: String(p.active),
        // Opening stock applies to new SKUs only; every exported SKU exists already.
        opening_stock: '',
      };
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.sku;
  }
}

/**
 * The catalog as CSV, streamed: UTF-8 with a BOM and CRLF line ends, so
 * Excel in Japan opens it with the Japanese intact, and the import reads it
 * back unchanged.
 */
export function exportProductsCsv(db: DatabaseOrTransaction): Readable {
  const csv = stringify({
    header: true,
    columns: [...csvColumns],
    bom: true,
    record_delimiter: 'windows',
    // A line break inside a cell must be quoted, or Excel starts a new row there
    // (csv-stringify quotes only the record delimiter itself, \r\n, by default).
    quoted_match: /[\r\n]/,
  });
  const records = Readable.from(exportRecords(db));
  records.on('error', (err) => csv.destroy(err));
  return records.pipe(csv);
}
