import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from '@hono/zod-openapi';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../../platform/http/errors.js';
import { findNulCharacter, nulCharacterMessage } from '../../../platform/http/nul-character.js';
import {
  categorySlugField,
  descriptionField,
  openingStockField,
  priceField,
  productNameField,
  readingField,
  skuField,
  slugField,
  taxClassField,
} from '../api-schemas.js';

/**
 * The product CSV: one header row naming these columns in any order, one
 * product per row. The same columns come out of the export, so a file
 * exported, edited in Excel and imported again changes only what was edited.
 */
export const csvColumns = [
  'sku',
  'slug',
  'name_ja',
  'name_en',
  'name_reading',
  'description_ja',
  'description_en',
  'category',
  'price',
  'tax_class',
  'active',
  'opening_stock',
] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** Without these a row cannot describe a product; the others may be left out. */
export const requiredCsvColumns: readonly CsvColumn[] = ['sku', 'name_ja', 'name_en', 'category', 'price', 'tax_class'];

/** At most this many data rows per file: one transaction, validated in memory. */
export const maxCsvRows = 20_000;

export const rowErrorSchema = z
  .object({
    row: z.int().min(1).openapi({ description: 'As Excel numbers it: the header is row 1' }),
    column: z.enum(csvColumns).nullable().openapi({ description: 'null when the whole row is at fault' }),
    code: z.string().openapi({
      description:
        "zod's issue code for a malformed value (too_small, too_big, invalid_format, invalid_value), " +
        'or UNKNOWN_CATEGORY, SLUG_TAKEN, DUPLICATE_IN_FILE, WRONG_COLUMN_COUNT',
    }),
    message: z.string(),
  })
  .openapi('CsvRowError');
export type RowError = z.infer<typeof rowErrorSchema>;

/** A cell that may be left empty: empty means "not given". */
const optionalCell = <Out>(schema: z.ZodType<Out, string>) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
    .pipe(schema.optional());

const wholeNumber = <Out>(schema: z.ZodType<Out, number>) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, 'must be a whole number, digits only')
    .transform(Number)
    .pipe(schema);

// Excel writes TRUE/FALSE when it saves a sheet; people write 1/0.
const booleanCell = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }))
  .transform((value) => value === 'true' || value === '1');

const rowSchema = z.object({
  sku: skuField,
  slug: optionalCell(slugField),
  name_ja: productNameField,
  name_en: productNameField,
  name_reading: optionalCell(readingField),
  description_ja: descriptionField.optional(),
  description_en: descriptionField.optional(),
  category: categorySlugField.min(1, 'must not be empty'),
  price: wholeNumber(priceField),
  tax_class: z.string().trim().pipe(taxClassField),
  active: optionalCell(booleanCell),
  opening_stock: optionalCell(wholeNumber(openingStockField)),
});

/** One valid row. Undefined fields were not given: the column is absent or (where allowed) the cell empty. */
export type CsvProduct = {
  row: number;
  sku: string;
  slug: string | undefined;
  nameJa: string;
  nameEn: string;
  /** Undefined (column absent or cell empty): made from the name when the name is new or changed. */
  nameReading: string | undefined;
  descriptionJa: string | undefined;
  descriptionEn: string | undefined;
  categorySlug: string;
  price: number;
  taxClass: z.infer<typeof taxClassField>;
  active: boolean | undefined;
  openingStock: number | undefined;
};

export type ParsedCsv = { rows: CsvProduct[]; errors: RowError[]; rowCount: number };

/**
 * Reads a product CSV as it streams in: UTF-8 (with or without the BOM
 * Excel writes), checked record by record. A file that is not UTF-8 or not
 * CSV at all is refused (400), one with more than `maxCsvRows` rows too (413,
 * IMPORT_TOO_MANY_ROWS); a row that is wrong is reported and reading goes on,
 * so one upload shows every problem.
 */
export async function readProductsCsv(body: ReadableStream<Uint8Array>): Promise<ParsedCsv> {
  const rows: CsvProduct[] = [];
  const errors: RowError[] = [];
  let header: CsvColumn[] | undefined;
  let rowNumber = 0;
  let refusal: unknown;
  const text = body.pipeThrough(new TextDecoderStream('utf-8', { fatal: true }));
  try {
    await pipeline(
      Readable.fromWeb(text as WebReadableStream<string>),
      // relax_quotes: a quote inside an unquoted cell (純米酒 "蔵") is text, as people type it.
      parse({ bom: true, relax_column_count: true, relax_quotes: true, max_record_size: 256 * 1024 }),
      async (records: AsyncIterable<string[]>) => {
        try {
          for await (const record of records) {
            rowNumber++;
            if (record.every((cell) => cell.trim() === '')) continue;
            if (!header) {
              header = readHeader(record);
              continue;
            }
            if (rowNumber - 1 > maxCsvRows) {
              throw new AppError('IMPORT_TOO_MANY_ROWS', `The file has more than ${maxCsvRows} rows; split it`, [
                { path: 'file', message: `at most ${maxCsvRows} rows`, code: 'TOO_MANY_ROWS' },
              ]);
            }
            const outcome = readRow(header, record, rowNumber);
            if ('errors' in outcome) errors.push(...outcome.errors);
            else rows.push(outcome.product);
          }
        } catch (err) {
          refusal = err;
          throw err;
        }
      },
    );
  } catch (err) {
    // Refusing the file mid-stream destroys the parser while data is still coming, and pipeline may
    // reject with that AbortError rather than with the refusal: the refusal is the answer.
    throw unreadable(refusal ?? err, rowNumber);
  }
  if (!header) {
    throw new AppError('VALIDATION_FAILED', 'Invalid file: it is empty; the first row must name the columns', [
      { path: 'file', message: 'no header row', code: 'EMPTY_FILE' },
    ]);
  }
  return { rows, errors, rowCount: rows.length + new Set(errors.map((e) => e.row)).size };
}

function readHeader(record: string[]): CsvColumn[] {
  const names = record.map((cell) => cell.trim().toLowerCase());
  const problems: { path: string; message: string; code: string }[] = [];
  names.forEach((name, i) => {
    if (!(csvColumns as readonly string[]).includes(name)) {
      problems.push({ path: `header.${i + 1}`, message: `unknown column "${name}"`, code: 'UNKNOWN_COLUMN' });
    } else if (names.indexOf(name) !== i) {
      problems.push({ path: `header.${i + 1}`, message: `column "${name}" appears twice`, code: 'DUPLICATE_COLUMN' });
    }
  });
  for (const column of requiredCsvColumns) {
    if (!names.includes(column))
      problems.push({ path: 'header', message: `missing column "${column}"`, code: 'MISSING_COLUMN' });
  }
  const first = problems[0];
  if (first) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Invalid header row: ${first.message}; the columns are ${csvColumns.join(', ')}`,
      problems,
    );
  }
  return names as CsvColumn[];
}

function readRow(
  header: readonly CsvColumn[],
  record: string[],
  row: number,
): { product: CsvProduct } | { errors: RowError[] } {
  if (record.length !== header.length) {
    return {
      errors: [
        {
          row,
          column: null,
          code: 'WRONG_COLUMN_COUNT',
          message: `has ${record.length} cells; the header has ${header.length}`,
        },
      ],
    };
  }
  const cells = Object.fromEntries(header.map((column, i) => [column, record[i] ?? '']));
  const nulIn = findNulCharacter(cells)?.[0];
  if (nulIn !== undefined) {
    const column = csvColumns.find((c) => c === nulIn) ?? null;
    return { errors: [{ row, column, code: 'nul_character', message: nulCharacterMessage }] };
  }
  const result = rowSchema.safeParse(cells);
  if (!result.success) {
    return {
      errors: result.error.issues.map((issue) => {
        const column = csvColumns.find((c) => c === issue.path[0]) ?? null;
        return { row, column, code: issue.code, message: issue.message };
      }),
    };
  }
  const v = result.data;
  return {
    product: {
      row,
      sku: v.sku,
      slug: v.slug,
      nameJa: v.name_ja,
      nameEn: v.name_en,
      nameReading: v.name_reading,
      descriptionJa: v.description_ja,
      descriptionEn: v.description_en,
      categorySlug: v.category,
      price: v.price,
      taxClass: v.tax_class,
      active: v.active,
      openingStock: v.opening_stock,
    },
  };
}

function unreadable(err: unknown, rowNumber: number): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof CsvError) {
    return new AppError(
      'VALIDATION_FAILED',
      `Invalid file: not readable as CSV near row ${rowNumber + 1}: ${err.message}`,
      [{ path: 'file', message: err.message, code: err.code }],
    );
  }
  if (err instanceof TypeError && /encod|decod/i.test(err.message)) {
    return new AppError(
      'VALIDATION_FAILED',
      'Invalid file: it is not UTF-8 text; in Excel, save it as "CSV UTF-8 (comma delimited)"',
      [{ path: 'file', message: 'not UTF-8', code: 'NOT_UTF8' }],
    );
  }
  return err;
}
