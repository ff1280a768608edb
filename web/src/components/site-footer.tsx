import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const infoLinks = [
  { to: '/info/commerce', key: 'footer.commerce' },
  { to: '/info/privacy', key: 'footer.privacy' },
  { to: '/info/contact', key: 'footer.contact' },
] as const;

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-16 border-t border-washi-300 bg-washi-100">
      <div className="mx-auto max-w-6xl space-y-3 px-4 py-8 text-sm text-sumi-700">
        <nav aria-label={t('footer.label')}>
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {infoLinks.map((link) => (
              <li key={link.to}>
                <Link to={link.to} className="underline underline-offset-4 hover:text-sumi-900">
                  {t(link.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p>{t('shop.footer')}</p>
        <p>{t('footer.alcohol')}</p>
      </div>
    </footer>
  );
}
