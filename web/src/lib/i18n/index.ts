import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageStorageKey, resolveLanguage } from './languages';
import en from './locales/en.json';
import ja from './locales/ja.json';

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(languageStorageKey);
  } catch {
    return null; // storage can be disabled (private mode, policies)
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // the choice then lasts only for this page load
  }
}

export function setupI18n(): typeof i18n {
  const lng = resolveLanguage(readStoredLanguage());
  void i18n.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng,
    fallbackLng: 'ja',
    supportedLngs: ['ja', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  document.documentElement.lang = lng;
  i18n.on('languageChanged', applyLanguage);
  return i18n;
}
