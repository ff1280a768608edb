import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { auth } from '@/lib/auth/auth';
import { useAuth } from '@/lib/auth/use-auth';
import { hasRole, useMe } from '../api/get-me';

const itemClass =
  'block w-full rounded px-3 py-2 text-left text-sm text-sumi-900 hover:bg-washi-100 focus-visible:bg-washi-100';

/** The header's account corner: a sign-in button, or the user's email opening a small menu. */
export function UserMenu() {
  const { t } = useTranslation();
  const { status, user } = useAuth();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  // close on navigation, on Escape and on a click elsewhere
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  if (status === 'unavailable') return null;
  if (status === 'loading') return <span className="text-sm text-washi-50/70">{t('common.loading')}</span>;
  if (!user) {
    return (
      <button
        type="button"
        onClick={() => void auth.signIn()}
        className="whitespace-nowrap rounded-full border border-washi-50/40 px-3 py-1 text-sm font-semibold sm:px-4 text-washi-50 hover:bg-washi-50 hover:text-ai-900"
      >
        {t('auth.signIn')}
      </button>
    );
  }

  const email = user.profile.email ?? me.data?.email ?? t('auth.account');
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="flex max-w-56 items-center gap-1 rounded-full border border-washi-50/40 px-2 py-1 text-sm text-washi-50 hover:bg-washi-50/10 sm:px-3"
      >
        <span className="sr-only">{t('auth.accountMenu')}: </span>
        {/* a phone shows a person glyph for the address, which the button's name still carries */}
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 sm:hidden" fill="currentColor">
          <circle cx="8" cy="5" r="3" />
          <path d="M2 15c0-3.3 2.7-6 6-6s6 2.7 6 6z" />
        </svg>
        <span className="truncate max-sm:sr-only" data-testid="user-email">
          {email}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <nav
          id={menuId}
          aria-label={t('auth.accountMenu')}
          className="absolute right-0 z-40 mt-2 w-52 rounded-lg border border-washi-200 bg-white p-1 shadow-lg"
        >
          <ul>
            <li>
              <Link to="/orders" className={itemClass}>
                {t('nav.orders')}
              </Link>
            </li>
            <li>
              <Link to="/todos" className={itemClass}>
                {t('nav.todos')}
              </Link>
            </li>
            {hasRole(me.data, ['staff', 'admin']) && (
              <li>
                <Link to="/admin" className={itemClass}>
                  {t('nav.admin')}
                </Link>
              </li>
            )}
            <li className="mt-1 border-t border-washi-200 pt-1">
              <button type="button" onClick={() => void auth.signOut()} className={itemClass}>
                {t('auth.signOut')}
              </button>
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
