import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { auth } from '@/lib/auth/auth';
import { useAuth } from '@/lib/auth/use-auth';

/** The provider sends the browser back here with a code; trade it for tokens and resume. */
export function AuthCallbackRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { status } = useAuth();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (status === 'loading' || status === 'unavailable') return;
    let active = true;
    auth
      .completeSignIn()
      .then((returnTo) => {
        if (active) void navigate(returnTo, { replace: true });
      })
      .catch((error: unknown) => {
        console.error('Sign-in failed:', error);
        if (active) setFailed(true);
      });
    return () => {
      active = false;
    };
  }, [navigate, status]);

  if (failed) {
    return (
      <div role="alert" className="mx-auto max-w-md rounded-lg border border-shu-600/40 bg-white/70 p-6">
        <h1 className="font-serif text-xl font-semibold">{t('auth.callbackFailedTitle')}</h1>
        <p className="mt-2 text-sm text-sumi-700">{t('auth.callbackFailedBody')}</p>
        <button type="button" className="btn-primary mt-4" onClick={() => void auth.signIn('/')}>
          {t('auth.signIn')}
        </button>
      </div>
    );
  }
  return (
    <p role="status" className="text-sumi-700">
      {t('auth.completing')}
    </p>
  );
}
