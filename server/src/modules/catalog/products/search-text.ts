import { toHiragana } from 'wanakana';

/**
 * Search compares folded text: NFKC folds full-width ASCII and half-width
 * katakana into their usual forms (ＳＡＫＥ → sake, ｶﾂｵ → カツオ), then lower
 * case, then katakana to hiragana (マッチャ → まっちゃ), so a query in either
 * script finds a name or reading in the other.
 */
export function foldForSearch(text: string): string {
  return katakanaToHiragana(text.normalize('NFKC').toLowerCase()).replace(/\s+/g, ' ').trim();
}

/** ァ…ヶ sit 0x60 above ぁ…ゖ; the long-vowel mark ー stays, so こーひー and コーヒー fold alike. */
function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * A reading with long vowels dropped (しょうゆ → しょゆ, こーひー → こひ):
 * romaji is often typed without them (shoyu, hojicha, kohi).
 */
function shortVowels(kana: string): string {
  return kana.replace(/([おこそとのほもよろごぞどぼぽょょ])[うお]/g, '$1').replace(/ー/g, '');
}

/**
 * A romaji term as hiragana (matcha → まっちゃ, ginjō → ぎんじょう), or
 * undefined when it is not romaji through and through (English "tea" stays
 * English: てあ would find nothing anyway, and a half-typed "matc" no kana).
 */
function romajiAsKana(term: string): string | undefined {
  if (!/^[a-zāēīōū'-]+$/.test(term)) return undefined;
  const hepburn = term
    .replace(/tch/g, 'cch')
    .replace(/m(?=[bmp])/g, 'n')
    .replace(/[āēīōū]/g, (c) => ({ ā: 'aa', ē: 'ee', ī: 'ii', ō: 'ou', ū: 'uu' })[c] ?? c);
  const kana = toHiragana(hepburn);
  return /^[\p{Script=Hiragana}ー]+$/u.test(kana) ? kana : undefined;
}

/** One query term and the other spellings it may be written in: each is tried as a substring. */
export type SearchTerm = { term: string; variants: string[] };

/** Up to five distinct terms of a query, folded, each with its kana spellings. */
export function searchTerms(query: string): SearchTerm[] {
  const terms = [...new Set(foldForSearch(query).split(' ').filter(Boolean))].slice(0, 5);
  return terms.map((term) => {
    const kana = romajiAsKana(term);
    const variants = new Set([term]);
    if (kana) variants.add(kana);
    for (const variant of [...variants]) if (/\p{Script=Hiragana}/u.test(variant)) variants.add(shortVowels(variant));
    return { term, variants: [...variants] };
  });
}

export type SearchableProduct = {
  sku: string;
  nameJa: string;
  nameEn: string;
  /** Hiragana, as stored (readings.ts). */
  nameReading: string;
  descriptionJa: string;
  descriptionEn: string;
  /** The category's names, so "sake" finds every product filed under it. */
  categoryNameJa: string;
  categoryNameEn: string;
};

/** The two search columns of a product, from the text they index; every write recomputes them here. */
export function searchColumns(p: SearchableProduct): { searchName: string; searchText: string } {
  const reading = foldForSearch(p.nameReading);
  const short = shortVowels(reading);
  return {
    searchName: foldForSearch(`${p.nameJa} ${p.nameEn} ${p.sku} ${reading}${short === reading ? '' : ` ${short}`}`),
    searchText: foldForSearch(`${p.descriptionJa} ${p.descriptionEn} ${p.categoryNameJa} ${p.categoryNameEn}`),
  };
}

/** Every word of the search name, for the typo index (did you mean). */
export function searchWords(searchName: string): string[] {
  return [...new Set(searchName.split(/[^\p{L}\p{N}]+/u).filter((word) => [...word].length >= 3))];
}
