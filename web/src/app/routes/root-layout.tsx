import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { UserMenu } from '@/features/account/components/user-menu';
import { CartLink } from '@/features/cart/components/cart-link';
import { useAuth } from '@/lib/auth/use-auth';

/**
 * After a client-side navigation, focus moves to the new page's content, as it
 * would on a full page load; filter changes (search params only) keep focus.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return; // first render: the browser placed focus already
    previous.current = pathname;
    // a page that placed focus itself (an autofocused field) or a control that stayed keeps it
    const active = document.activeElement;
    if (active && active !== mainRef.current && mainRef.current?.contains(active)) return;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);
  return mainRef;
}

export function RootLayout() {
  const { t } = useTranslation();
  const mainRef = useFocusMainOnNavigation();
  const { status } = useAuth();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-4 py-2 text-sumi-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        {t('nav.skipToContent')}
      </a>
      <SiteHeader account={<UserMenu />} cart={<CartLink />} signedIn={status === 'signedIn'} />
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:py-8"
      >
        <Outlet />
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}
