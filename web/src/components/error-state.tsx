import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/api-error';

type ErrorStateProps = {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
};

export function ErrorState({ error, onRetry, retrying = false }: ErrorStateProps) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div role="alert" className="rounded-lg border border-shu-600/40 bg-white/70 p-6 text-sumi-900">
      <h2 className="font-serif text-lg font-semibold">{t('errors.title')}</h2>
      <p className="mt-2 text-sm text-sumi-700">{t('errors.body')}</p>
      {requestId && <p className="mt-1 text-xs text-sumi-600">{t('errors.requestId', { id: requestId })}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry} disabled={retrying} className="btn-primary mt-4">
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
