import { useTranslation } from 'react-i18next';
import { type Language, languages } from '@/lib/i18n/languages';

/** Two buttons, each labelled in its own language so either reader finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage;
  return (
    <fieldset className="flex rounded-full border border-washi-50/40 p-0.5 text-sm">
      <legend className="sr-only">{t('language.label')}</legend>
      {languages.map((language: Language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          onClick={() => void i18n.changeLanguage(language)}
          className="whitespace-nowrap rounded-full px-2 py-1 text-washi-50 max-sm:aria-pressed:hidden sm:px-3 aria-pressed:bg-washi-50 aria-pressed:font-semibold aria-pressed:text-ai-900"
        >
          {/* a phone shows only the other language, short (EN / JA); the name stays what is shown */}
          <span className="sm:hidden">{language.toUpperCase()}</span>
          <span className="max-sm:hidden">{t(`language.${language}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
