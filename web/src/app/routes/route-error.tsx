import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ErrorState } from '@/components/error-state';

/** Last resort for a render error: keeps the page usable and offers a reload. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <main className="mx-auto max-w-lg p-8">
      <p className="mb-4 font-serif text-2xl">{t('shop.name')}</p>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}
