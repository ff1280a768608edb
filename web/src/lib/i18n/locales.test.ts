import { describe, expect, it } from 'vitest';
import { translationKeys } from './keys';
import en from './locales/en.json';
import ja from './locales/ja.json';

describe('translation files', () => {
  it('have the same keys in Japanese and English', () => {
    expect(translationKeys(en)).toEqual(translationKeys(ja));
  });

  it('have no empty strings', () => {
    const empty = (resource: unknown, path: string): string[] =>
      typeof resource === 'string'
        ? resource.trim() === ''
          ? [path]
          : []
        : Object.entries(resource as object).flatMap(([k, v]) => empty(v, `${path}.${k}`));
    expect([...empty(ja, 'ja'), ...empty(en, 'en')]).toEqual([]);
  });

  it('fold plural forms so that a missing base key is still detected', () => {
    expect(translationKeys({ a: { n_one: 'x', n_other: 'y' }, b: 'z' })).toEqual(['a.n', 'b']);
    expect(translationKeys({ a: { n_other: 'y' } })).not.toEqual(translationKeys({ a: {}, b: 'z' }));
  });

  it('gives every English plural key both the one and the other form', () => {
    const flat = (resource: unknown, prefix = ''): string[] =>
      typeof resource === 'object' && resource !== null
        ? Object.entries(resource).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    const keys = flat(en);
    const ones = keys.filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -4));
    const others = keys.filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -6));
    expect(ones.sort()).toEqual(others.sort());
  });
});
