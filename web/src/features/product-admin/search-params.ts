import { type ProductQuery, productSorts, taxClasses } from './api/staff-products';

export type ProductFilterValues = Omit<ProductQuery, 'cursor'>;

/** The URL's query to filters and back; unknown values are dropped, so a hand-edited URL cannot break the page. */
export function parseProductFilters(params: URLSearchParams): ProductFilterValues {
  const pick = <T extends string>(value: string | null, allowed: readonly T[]) => allowed.find((a) => a === value);
  const q = params.get('q')?.trim();
  const category = params.get('category');
  const active = pick(params.get('active'), ['true', 'false'] as const);
  const taxClass = pick(params.get('taxClass'), taxClasses);
  const sort = pick(params.get('sort'), productSorts);
  return {
    ...(q ? { q } : {}),
    ...(category && /^[a-z0-9-]{1,100}$/.test(category) ? { category } : {}),
    ...(active ? { active } : {}),
    ...(taxClass ? { taxClass } : {}),
    ...(sort ? { sort } : {}),
  };
}

export function serializeProductFilters(filters: ProductFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (String(value ?? '').trim()) params.set(key, String(value).trim());
  return params;
}
