export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'ja';
export const languageStorageKey = 'kura.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The stored choice wins; otherwise Japanese, the shop's first language. */
export function resolveLanguage(stored: string | null | undefined): Language {
  return isLanguage(stored) ? stored : defaultLanguage;
}

/** Picks the text for the current language from an API `{ ja, en }` field. */
export function pickText(text: Record<Language, string>, language: string): string {
  const value = isLanguage(language) ? text[language] : text[defaultLanguage];
  // Fall back to Japanese if the catalogue left the English text empty.
  return value || text[defaultLanguage];
}
