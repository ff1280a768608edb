/**
 * Search compares normalised text: NFKC folds full-width ASCII and half-width
 * katakana into their usual forms (ＳＡＫＥ → sake, ｶﾂｵ → カツオ), then lower case.
 */
function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Up to five distinct terms of a query, normalised. */
export function searchTerms(query: string): string[] {
  const terms = normalizeForSearch(query).split(' ').filter(Boolean);
  return [...new Set(terms)].slice(0, 5);
}

export type SearchableProduct = {
  sku: string;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
  /** The category's names, so "sake" finds every product filed under it. */
  categoryNameJa: string;
  categoryNameEn: string;
};

/** The two search columns of a product, from the text they index; every write recomputes them here. */
export function searchColumns(p: SearchableProduct): { searchName: string; searchText: string } {
  return {
    searchName: normalizeForSearch(`${p.nameJa} ${p.nameEn} ${p.sku}`),
    searchText: normalizeForSearch(`${p.descriptionJa} ${p.descriptionEn} ${p.categoryNameJa} ${p.categoryNameEn}`),
  };
}
