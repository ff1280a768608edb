import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { hasRole, type Role, useMe } from '@/features/account/api/get-me';
import { auth } from '@/lib/auth/auth';
import { useAuth } from '@/lib/auth/use-auth';

/** Pages for signed-in users: a visitor goes to sign in and comes back to the same address. */
export function RequireUser() {
  const { t } = useTranslation();
  const { status } = useAuth();
  const { pathname, search, hash } = useLocation();
  const returnTo = `${pathname}${search}${hash}`;

  useEffect(() => {
    if (status === 'signedOut') void auth.signIn(returnTo);
  }, [status, returnTo]);

  if (status === 'signedIn') return <Outlet />;
  if (status === 'unavailable') return <ErrorState error={null} />;
  return (
    <p role="status" className="text-sumi-700">
      {status === 'loading' ? t('common.loading') : t('auth.redirecting')}
    </p>
  );
}

/** Inside RequireUser: pages for some roles only; others are told, not redirected. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) {
    return (
      <p role="status" className="text-sumi-700">
        {t('common.loading')}
      </p>
    );
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />;
  if (!hasRole(me.data, roles)) {
    return (
      <div role="alert" className="mx-auto max-w-lg rounded-lg border border-shu-600/40 bg-white/70 p-6">
        <h1 className="font-serif text-xl font-semibold">{t('auth.forbiddenTitle')}</h1>
        <p className="mt-2 text-sm text-sumi-700">{t('auth.forbiddenBody')}</p>
      </div>
    );
  }
  return <Outlet />;
}
