import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { personOrServiceToken } from '../../../../platform/auth/service-scopes.js';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import type { CatalogStaffDeps } from '../../deps.js';
import { importProductsPath } from '../../large-bodies.js';
import { csvColumns, maxCsvRows, readProductsCsv, requiredCsvColumns } from '../product-csv.js';
import { exportProductsCsv } from '../product-export.js';
import { importModes, importProducts, importReportSchema } from '../product-import.js';

const security = [{ bearer: [] }];

export const staffExportProductsRoute = createRoute({
  operationId: 'staffExportProducts',
  method: 'get',
  path: '/staff/products/export.csv',
  tags: ['Back office'],
  summary: 'Every product as CSV: UTF-8 with BOM, for Excel; imports back unchanged (staff)',
  security: personOrServiceToken('catalog:read'),
  responses: {
    200: { description: 'The CSV, streamed', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(401, 403),
  },
});

export const staffImportProductsRoute = createRoute({
  operationId: 'staffImportProducts',
  method: 'post',
  path: importProductsPath,
  tags: ['Back office'],
  summary: 'Create and update products from a CSV, upserting by SKU (staff)',
  description: [
    `The body is the CSV itself (Content-Type text/csv), UTF-8 with or without BOM, at most ${maxCsvRows} rows.`,
    `The first row names the columns, in any order: ${csvColumns.join(', ')}.`,
    `Required: ${requiredCsvColumns.join(', ')}. An empty slug keeps the product's slug (new products get one`,
    'from name_en); an empty active keeps it (new: true); opening_stock applies to new SKUs only.',
    'With mode=all (the default) a single bad row means nothing is written; mode=valid-rows writes the good rows.',
    'Either way the answer is a report listing each bad cell by row (as Excel numbers it), column and code.',
  ].join(' '),
  security,
  request: {
    query: z.object({
      mode: z
        .enum(importModes, { error: `must be one of ${importModes.join(', ')}` })
        .default('all')
        .openapi({ description: 'all: nothing is written when any row fails; valid-rows: the good rows are' }),
    }),
    body: { required: true, content: { 'text/csv': { schema: z.string() } } },
  },
  responses: {
    200: {
      description: 'What was (or, with committed false, would not be) written, and every bad row',
      content: { 'application/json': { schema: importReportSchema } },
    },
    ...errorResponses(400, 401, 403, 409, 413, 415, 429),
  },
});

export type ImportReportResponse = z.infer<typeof importReportSchema>;

export function registerStaffProductCsv(app: OpenAPIHono<AppEnv>, deps: CatalogStaffDeps): void {
  app.openapi(staffExportProductsRoute, async (c) => {
    const day = new Date().toISOString().slice(0, 10);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="kura-products-${day}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(Readable.toWeb(exportProductsCsv(deps.db)) as ReadableStream, 200);
  });

  app.openapi(staffImportProductsRoute, async (c) => {
    const { mode } = c.req.valid('query');
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'text/csv') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the CSV itself as the body, with Content-Type text/csv');
    }
    const body = c.req.raw.body;
    if (!body)
      throw new AppError('VALIDATION_FAILED', 'Invalid file: the body is empty', [
        { path: 'file', message: 'empty', code: 'EMPTY_FILE' },
      ]);
    const csv = await readProductsCsv(body);
    const report: ImportReportResponse = await importProducts(deps.db, {
      csv,
      mode,
      writeOpeningStock: deps.openingStock,
    });
    return c.json(report, 200);
  });
}
