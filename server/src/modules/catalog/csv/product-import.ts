import { z } from '@hono/zod-openapi';
import { getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import type { OpeningStock } from '../ports.js';
import { type CategoryNames, type ProductFields, productConflict, productValues } from '../products/product-edits.js';
import { readingsOf } from '../products/readings.js';
import { foldForSearch } from '../products/search-text.js';
import { replaceSearchWords } from '../products/search-words.js';
import { firstFreeSlug, slugify } from '../products/slug.js';
import { categories, products } from '../schema.js';
import type { CsvProduct, ParsedCsv, RowError } from './product-csv.js';
import { rowErrorSchema } from './product-csv.js';

/**
 * `all` (the default): one bad row and nothing is written. `valid-rows`:
 * the good rows are written and the bad ones reported, when the caller says so.
 */
export const importModes = ['all', 'valid-rows'] as const;
export type ImportMode = (typeof importModes)[number];

/** The report lists this many row errors at most; `failed` still counts every failed row. */
const maxReportedErrors = 1000;

export const importReportSchema = z
  .object({
    mode: z.enum(importModes),
    committed: z.boolean().openapi({ description: 'false: nothing was written (mode all and a row failed)' }),
    rows: z.int().min(0).openapi({ description: 'Data rows read (blank lines skipped)' }),
    created: z.int().min(0),
    updated: z.int().min(0),
    unchanged: z.int().min(0),
    failed: z.int().min(0).openapi({ description: 'Rows with at least one error' }),
    errors: z.array(rowErrorSchema).openapi({ description: `In row order; at most ${maxReportedErrors}` }),
    errorsTruncated: z.boolean(),
  })
  .openapi('ImportReport');
export type ImportReport = z.infer<typeof importReportSchema>;

type PlannedWrite = { sku: string; fields: ProductFields; category: CategoryNames; openingStock: number };

/**
 * Upserts products by SKU from a parsed CSV in one transaction. Rows that
 * would change nothing are not written (their version stays), so importing
 * an export is a no-op. Checks that need the database (category, slug taken)
 * are made for the report; the constraints still decide, and a write that a
 * concurrent change makes them refuse fails the whole import (409).
 */
export async function importProducts(
  db: DatabaseOrTransaction,
  params: { csv: ParsedCsv; mode: ImportMode; writeOpeningStock: OpeningStock },
): Promise<ImportReport> {
  const plan = await planImport(db, params.csv.rows);
  const errors = [...params.csv.errors, ...plan.errors].sort((a, b) => a.row - b.row);
  const failed = new Set(errors.map((error) => error.row)).size;
  const report = {
    mode: params.mode,
    rows: params.csv.rowCount,
    failed,
    errors: errors.slice(0, maxReportedErrors),
    errorsTruncated: errors.length > maxReportedErrors,
  };
  if (failed > 0 && params.mode === 'all') return { ...report, committed: false, created: 0, updated: 0, unchanged: 0 };
  const written = await writeProducts(db, params.writeOpeningStock, plan.writes);
  return {
    ...report,
    committed: true,
    ...written,
    unchanged: plan.unchanged + plan.writes.length - written.created - written.updated,
  };
}

async function planImport(db: DatabaseOrTransaction, rows: readonly CsvProduct[]) {
  const categoryBySlug = new Map((await db.select().from(categories)).map((c) => [c.slug, c]));
  const existingBySku = new Map<string, typeof products.$inferSelect>();
  const skus = [...new Set(rows.map((row) => row.sku))];
  for (let start = 0; start < skus.length; start += 1000) {
    const found = await db
      .select()
      .from(products)
      .where(inArray(products.sku, skus.slice(start, start + 1000)));
    for (const product of found) existingBySku.set(product.sku, product);
  }
  const slugOwner = new Map(
    (await db.select({ slug: products.slug, sku: products.sku }).from(products)).map((p) => [p.slug, p.sku]),
  );
  // Slugs named in the file are reserved before any is generated, so a generated one never takes them.
  const taken = new Set([...slugOwner.keys(), ...rows.flatMap((row) => (row.slug ? [row.slug] : []))]);

  // Readings the file leaves out: kept while the name stays, made (in one batch) for new and renamed products.
  const needReading = rows.filter((row) => {
    const existing = existingBySku.get(row.sku);
    return !row.nameReading && !(existing && existing.nameJa === row.nameJa && existing.nameReading);
  });
  const made = await readingsOf(needReading.map((row) => row.nameJa));
  const madeReading = new Map(needReading.map((row, i) => [row, made[i] ?? '']));

  const errors: RowError[] = [];
  const writes: PlannedWrite[] = [];
  const rowOfSku = new Map<string, number>();
  const rowOfSlug = new Map<string, number>();
  let unchanged = 0;
  for (const row of rows) {
    const rowErrors: RowError[] = [];
    const fail = (column: RowError['column'], code: string, message: string) =>
      rowErrors.push({ row: row.row, column, code, message });
    const existing = existingBySku.get(row.sku);
    const category = categoryBySlug.get(row.categorySlug);

    const sameSkuRow = rowOfSku.get(row.sku);
    if (sameSkuRow !== undefined) fail('sku', 'DUPLICATE_IN_FILE', `also on row ${sameSkuRow}`);
    else rowOfSku.set(row.sku, row.row);
    if (!category) fail('category', 'UNKNOWN_CATEGORY', `no category with slug "${row.categorySlug}"`);
    if (row.slug) {
      const owner = slugOwner.get(row.slug);
      const sameSlugRow = rowOfSlug.get(row.slug);
      if (owner !== undefined && owner !== row.sku) fail('slug', 'SLUG_TAKEN', `is taken by product ${owner}`);
      else if (sameSlugRow !== undefined) fail('slug', 'DUPLICATE_IN_FILE', `also on row ${sameSlugRow}`);
      else rowOfSlug.set(row.slug, row.row);
    }
    if (rowErrors.length > 0 || !category) {
      errors.push(...rowErrors);
      continue;
    }

    const slug =
      row.slug ?? existing?.slug ?? firstFreeSlug(slugify(row.nameEn) || slugify(row.sku) || 'product', taken);
    taken.add(slug);
    const fields: ProductFields = {
      slug,
      nameJa: row.nameJa,
      nameEn: row.nameEn,
      nameReading: row.nameReading
        ? foldForSearch(row.nameReading)
        : (madeReading.get(row) ?? existing?.nameReading ?? ''),
      descriptionJa: row.descriptionJa ?? existing?.descriptionJa ?? '',
      descriptionEn: row.descriptionEn ?? existing?.descriptionEn ?? '',
      categoryId: category.id,
      price: row.price,
      taxClass: row.taxClass,
      active: row.active ?? existing?.active ?? true,
    };
    if (existing && sameFields(existing, fields)) {
      unchanged++;
      continue;
    }
    writes.push({ sku: row.sku, fields, category, openingStock: row.openingStock ?? 0 });
  }
  return { errors, writes, unchanged };
}

const fieldNames = [
  'slug',
  'nameJa',
  'nameEn',
  'nameReading',
  'descriptionJa',
  'descriptionEn',
  'categoryId',
  'price',
  'taxClass',
  'active',
] as const;

function sameFields(existing: ProductFields, next: ProductFields): boolean {
  return fieldNames.every((name) => existing[name] === next[name]);
}

const upsertedColumns = [...fieldNames, 'searchName', 'searchText'] as const;

async function writeProducts(db: DatabaseOrTransaction, openingStock: OpeningStock, writes: readonly PlannedWrite[]) {
  if (writes.length === 0) return { created: 0, updated: 0 };
  const columns = getTableColumns(products);
  const excluded = (name: (typeof upsertedColumns)[number]) => sql.raw(`excluded."${columns[name].name}"`);
  const set: Record<string, SQL> = Object.fromEntries(upsertedColumns.map((name) => [name, excluded(name)]));
  const changed = sql`(${sql.join(
    fieldNames.map((name) => columns[name]),
    sql`, `,
  )}) is distinct from (${sql.join(
    fieldNames.map((name) => excluded(name)),
    sql`, `,
  )})`;
  try {
    return await db.transaction(async (tx) => {
      let created = 0;
      let updated = 0;
      const createdSkus = new Set<string>();
      for (let start = 0; start < writes.length; start += 500) {
        const chunk = writes.slice(start, start + 500);
        const result = await tx
          .insert(products)
          .values(chunk.map((w) => ({ ...productValues(w.fields, w.category, w.sku), sku: w.sku })))
          .onConflictDoUpdate({
            target: products.sku,
            set: { ...set, version: sql`${products.version} + 1`, updatedAt: sql`now()` },
            setWhere: changed,
          })
          .returning({
            id: products.id,
            sku: products.sku,
            searchName: products.searchName,
            inserted: sql<boolean>`(xmax = 0)`,
          });
        await replaceSearchWords(tx, result);
        for (const row of result) {
          if (row.inserted) {
            created++;
            createdSkus.add(row.sku);
          } else updated++;
        }
      }
      const levels = writes.filter((w) => createdSkus.has(w.sku)).map((w) => ({ sku: w.sku, onHand: w.openingStock }));
      await openingStock(tx, levels);
      return { created, updated };
    });
  } catch (err) {
    throw productConflict(err) ?? err;
  }
}
