import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from './language-switch';
import { SearchBox } from './search-box';

const navLinkClass =
  'whitespace-nowrap rounded px-1 py-1 text-sm underline-offset-4 hover:underline aria-[current=page]:underline';

/**
 * `account` is the sign-in corner and `cart` the cart link, given by the layout
 * (features are composed in routes); `signedIn` adds the pages that need an account.
 * On a phone it is two rows (links, then search) so products start above the fold.
 */
export function SiteHeader({
  account,
  cart,
  signedIn = false,
}: {
  account?: ReactNode;
  cart?: ReactNode;
  signedIn?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <header className="bg-ai-900 text-washi-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-3 py-2 sm:gap-x-6 sm:gap-y-3 sm:px-4 sm:py-3">
        <Link
          to="/"
          className="flex items-baseline gap-2 rounded font-serif text-xl font-semibold tracking-wide sm:text-2xl"
        >
          <span aria-hidden="true">蔵</span>
          <span className="max-sm:sr-only">Kura</span>
          <span className="sr-only">{t('nav.home')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="flex gap-2 sm:gap-3">
          <NavLink to="/products" className={navLinkClass}>
            {t('nav.products')}
          </NavLink>
          {signedIn && (
            <NavLink to="/todos" className={navLinkClass}>
              {t('nav.todos')}
            </NavLink>
          )}
        </nav>
        <div className="w-full max-sm:order-last sm:w-auto sm:flex-1">
          <SearchBox />
        </div>
        <div className="ml-auto flex items-center gap-2 sm:ml-0 sm:gap-3">
          {cart}
          <LanguageSwitch />
          {account}
        </div>
      </div>
    </header>
  );
}
