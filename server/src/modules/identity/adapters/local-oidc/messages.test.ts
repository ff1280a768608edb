import { describe, expect, it } from 'vitest';
import { chooseLanguage, messages } from './messages.js';

describe('the sign-in pages’ language', () => {
  it('follows an explicit choice, then ui_locales, then Accept-Language by quality, else Japanese', () => {
    expect(chooseLanguage({})).toBe('ja');
    expect(chooseLanguage({ acceptLanguage: 'fr-FR,fr;q=0.9' })).toBe('ja');
    expect(chooseLanguage({ acceptLanguage: 'en-US,en;q=0.9,ja;q=0.8' })).toBe('en');
    expect(chooseLanguage({ acceptLanguage: 'ja;q=0.5,en;q=0.8' })).toBe('en');
    expect(chooseLanguage({ acceptLanguage: 'en;q=0,ja' })).toBe('ja');
    expect(chooseLanguage({ uiLocales: 'en ja', acceptLanguage: 'ja' })).toBe('en');
    expect(chooseLanguage({ explicit: 'ja', uiLocales: 'en', acceptLanguage: 'en' })).toBe('ja');
    expect(chooseLanguage({ explicit: 'xx', acceptLanguage: 'en' })).toBe('en');
  });

  it('has every message in both languages', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.ja).sort());
    for (const value of [...Object.values(messages.ja), ...Object.values(messages.en)]) expect(value).not.toBe('');
  });

  it('says ログイン / ログアウト as the shop does, never サインイン / サインアウト', () => {
    const japanese = Object.values(messages.ja).join('\n');
    expect(japanese).toContain('ログイン');
    expect(japanese).not.toMatch(/サインイン|サインアウト/);
  });
});
