import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-16 border-t border-washi-300 bg-washi-100">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-sumi-700">
        <p>{t('shop.footer')}</p>
      </div>
    </footer>
  );
}
