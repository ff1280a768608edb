import { describe, expect, it } from 'vitest';
import { pickText, resolveLanguage } from './languages';

describe('resolveLanguage', () => {
  it('defaults to Japanese', () => {
    expect(resolveLanguage(null)).toBe('ja');
    expect(resolveLanguage(undefined)).toBe('ja');
  });
  it('keeps a stored supported language and ignores anything else', () => {
    expect(resolveLanguage('en')).toBe('en');
    expect(resolveLanguage('fr')).toBe('ja');
    expect(resolveLanguage('EN')).toBe('ja');
  });
});

describe('pickText', () => {
  const text = { ja: '抹茶', en: 'Matcha' };
  it('returns the text of the current language', () => {
    expect(pickText(text, 'ja')).toBe('抹茶');
    expect(pickText(text, 'en')).toBe('Matcha');
  });
  it('falls back to Japanese for unknown languages and empty translations', () => {
    expect(pickText(text, 'de')).toBe('抹茶');
    expect(pickText({ ja: '味噌', en: '' }, 'en')).toBe('味噌');
  });
});
