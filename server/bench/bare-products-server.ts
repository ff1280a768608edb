import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import pg from 'pg';
import { z } from 'zod';

/**
 * The baseline for `GET /api/products?q=<term>`: node:http and a pg Pool of
 * Kura's default size, replaying the statements Kura runs for that request
 * (captured beforehand, see `capture-product-sql.ts`) and answering JSON of
 * the same shape. Only the captured terms are served. Listens on
 * 127.0.0.1:$PORT, reads $DATABASE_URL and the captures from $BENCH_SEARCHES_FILE.
 */

const statementSchema = z.object({ text: z.string(), params: z.array(z.unknown()) });
const searchesSchema = z.array(
  z.object({
    term: z.string(),
    limit: z.number().int().positive(),
    products: statementSchema,
  }),
);
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//),
  BENCH_SEARCHES_FILE: z.string().min(1),
});

const env = envSchema.parse(process.env);
const searches = new Map(
  searchesSchema
    .parse(JSON.parse(readFileSync(env.BENCH_SEARCHES_FILE, 'utf8')))
    .map((search) => [search.term, search]),
);
type Search = NonNullable<ReturnType<typeof searches.get>>;

const pool = new pg.Pool({
  connectionString: env.DATABASE_URL,
  max: 10,
  connectionTimeoutMillis: 10_000,
  idleTimeoutMillis: 30_000,
});
pool.on('error', () => {});

// Column order of the captured statement (Kura's summary columns, the first image, the terms found as typed, then the keyset keys).
type ProductRow = [
  id: string,
  slug: string,
  sku: string,
  nameJa: string,
  nameEn: string,
  price: number,
  taxClass: string,
  active: boolean,
  version: number,
  updatedAt: string,
  categoryId: string,
  categorySlug: string,
  categoryNameJa: string,
  categoryNameEn: string,
  available: number,
  availabilityStatus: string,
  image: ImageRow | null,
  termsFound: boolean[],
  keyset: string[],
];
type Rendition = { objectKey: string; width: number; height: number };
type ImageRow = {
  productId: string;
  objectKey: string;
  width: number;
  height: number;
  altJa: string;
  altEn: string;
  renditions: Rendition[];
};

/** As the storefront shows an image: the widest rendition as `url`, every rendition for `srcset`. */
function imageOf(image: ImageRow) {
  const renditions = image.renditions.map((r) => ({ url: `/media/${r.objectKey}`, width: r.width, height: r.height }));
  const widest = renditions.at(-1);
  return {
    url: widest?.url ?? `/media/${image.objectKey}`,
    alt: { ja: image.altJa, en: image.altEn },
    width: widest?.width ?? image.width,
    height: widest?.height ?? image.height,
    renditions,
  };
}

async function searchProducts(search: Search) {
  const { rows } = await pool.query<ProductRow>({
    text: search.products.text,
    values: search.products.params,
    rowMode: 'array',
  });
  const page = rows.slice(0, search.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const image = row[16];
      return {
        id: row[0],
        slug: row[1],
        sku: row[2],
        name: { ja: row[3], en: row[4] },
        price: row[5],
        taxClass: row[6],
        category: { slug: row[11], name: { ja: row[12], en: row[13] } },
        image: image ? imageOf(image) : null,
        availability: { status: row[15], available: Math.max(0, row[14]) },
      };
    }),
    // A search is ordered by relevance, so that is the cursor's sort.
    nextCursor:
      rows.length > search.limit && last
        ? Buffer.from(JSON.stringify({ s: 'relevance', k: last[18].slice(0, -1), id: last[18].at(-1) })).toString(
            'base64url',
          )
        : null,
    // Captured searches find products: Kura asks for no suggestion then.
    suggestion: null,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const search =
    req.method === 'GET' && url.pathname === '/api/products'
      ? searches.get(url.searchParams.get('q')?.trim() ?? '')
      : undefined;
  if (url.pathname === '/health') return send(res, 200, { status: 'ok' });
  if (!search) return send(res, 404, { error: 'only the captured searches are served' });
  searchProducts(search).then(
    (body) => send(res, 200, body),
    (err: unknown) => send(res, 500, { error: String(err) }),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, '127.0.0.1');
