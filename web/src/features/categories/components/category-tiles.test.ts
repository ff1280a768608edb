import { describe, expect, it } from 'vitest';
import { pickGlyphs } from './category-tiles';

describe('pickGlyphs', () => {
  it('uses the first character of each name', () => {
    expect(pickGlyphs(['味噌・醤油', '乾物', '器'])).toEqual(['味', '乾', '器']);
  });
  it('avoids repeating a glyph by taking the head noun of the name', () => {
    expect(pickGlyphs(['日本酒', '焼酎・梅酒', '日本茶'])).toEqual(['日', '焼', '茶']);
  });
});
