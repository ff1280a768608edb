import type { paths } from '@/lib/api/schema';

/** The query the API accepts for the product list (generated from its schema). */
export type ProductListApiQuery = NonNullable<paths['/api/products']['get']['parameters']['query']>;
export type ProductSort = NonNullable<ProductListApiQuery['sort']>;

export const productSorts = [
  'relevance',
  'newest',
  'price_asc',
  'price_desc',
  'name',
] as const satisfies readonly ProductSort[];

/** Product list filters as they live in the page URL (cursor excluded: it belongs to "load more"). */
export type ProductFilters = {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: ProductSort;
};

const maxQueryLength = 100;
const maxPrice = 100_000_000;

function parseYen(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return undefined;
  const yen = Number(value.trim());
  return yen <= maxPrice ? yen : undefined;
}

function isSort(value: string | null): value is ProductSort {
  return value !== null && (productSorts as readonly string[]).includes(value);
}

/** The server's default: relevance when searching, newest otherwise. */
export function defaultSort(filters: Pick<ProductFilters, 'q'>): ProductSort {
  return filters.q ? 'relevance' : 'newest';
}

/** Sorts offered in the UI: relevance only makes sense with a search term. */
export function availableSorts(filters: Pick<ProductFilters, 'q'>): ProductSort[] {
  return filters.q ? [...productSorts] : productSorts.filter((s) => s !== 'relevance');
}

/**
 * Reads filters from URL search params, dropping values the API would reject,
 * so a hand-edited or stale link still shows a page instead of an error.
 */
export function parseProductFilters(params: URLSearchParams): ProductFilters {
  const filters: ProductFilters = {};
  const q = params.get('q')?.trim().slice(0, maxQueryLength);
  if (q) filters.q = q;
  const category = params.get('category')?.trim();
  if (category && /^[a-z0-9-]{1,100}$/.test(category)) filters.category = category;
  const min = parseYen(params.get('minPrice'));
  if (min !== undefined) filters.minPrice = min;
  const max = parseYen(params.get('maxPrice'));
  if (max !== undefined) filters.maxPrice = max;
  if (params.get('inStock') === 'true') filters.inStock = true;
  const sort = params.get('sort');
  if (isSort(sort) && (sort !== 'relevance' || filters.q)) filters.sort = sort;
  return filters;
}

/** Writes filters back to search params in a stable order, omitting defaults. */
export function serializeProductFilters(filters: ProductFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q?.trim();
  if (q) params.set('q', q.slice(0, maxQueryLength));
  if (filters.category) params.set('category', filters.category);
  if (filters.minPrice !== undefined) params.set('minPrice', String(filters.minPrice));
  if (filters.maxPrice !== undefined) params.set('maxPrice', String(filters.maxPrice));
  if (filters.inStock) params.set('inStock', 'true');
  if (filters.sort && filters.sort !== defaultSort({ q })) {
    if (filters.sort !== 'relevance' || q) params.set('sort', filters.sort);
  }
  return params;
}

/** The API query for one page of the list. */
export function toProductListQuery(
  filters: ProductFilters,
  page: { cursor?: string | null; limit?: number } = {},
): ProductListApiQuery {
  const query: ProductListApiQuery = {};
  if (filters.q) query.q = filters.q;
  if (filters.category) query.category = filters.category;
  if (filters.minPrice !== undefined) query.minPrice = filters.minPrice;
  if (filters.maxPrice !== undefined) query.maxPrice = filters.maxPrice;
  if (filters.inStock) query.inStock = 'true';
  query.sort = filters.sort ?? defaultSort(filters);
  if (page.cursor) query.cursor = page.cursor;
  if (page.limit !== undefined) query.limit = page.limit;
  return query;
}

/** True when the price range cannot match anything (min above max). */
export function isInvalidPriceRange(filters: Pick<ProductFilters, 'minPrice' | 'maxPrice'>): boolean {
  return filters.minPrice !== undefined && filters.maxPrice !== undefined && filters.minPrice > filters.maxPrice;
}
