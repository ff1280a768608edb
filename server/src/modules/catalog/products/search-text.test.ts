import { describe, expect, it } from 'vitest';
import { searchTerms } from './search-text.js';

describe('searchTerms', () => {
  it.each([
    ['kūki', 'くうき'],
    ['ginjō', 'ぎんじょう'],
    ['hōjicha', 'ほうじちゃ'],
    ['matcha', 'まっちゃ'],
    ['kombu', 'こんぶ'],
  ])('spells the romaji %s in kana too (%s)', (query, kana) => {
    expect(searchTerms(query)[0]?.variants).toContain(kana);
  });
});
