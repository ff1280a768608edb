/** A URL slug: lower-case ASCII letters and digits in hyphen-separated runs. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugMaxLength = 120;

/** A product id is a UUID, and products are fetched by id or slug: a slug must not look like one. */
export const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A slug from an English name: accents dropped (Café → cafe), anything else
 * that is not a letter or digit becomes one hyphen. Empty when nothing usable
 * is left (a name in kanji only); the caller then falls back to the SKU.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, slugMaxLength - 6)
    .replace(/-+$/, '');
}

/**
 * The first free slug of `base`, `base-2`, `base-3`, … given the slugs taken
 * now. Only a proposal: the unique constraint decides, and the caller tries
 * again when a concurrent write took it first.
 */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !uuidLike.test(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
