import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/api-error';
import { ErrorState } from './error-state';
import { NotFound, type NotFoundProps } from './not-found';

/** What the shell reads of a TanStack query (a plain or an infinite one). */
type QueryLike<T> = {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  isFetching: boolean;
  refetch: () => unknown;
};

/** The one loading message: announced, and the same on every page. */
function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <p role="status">{label ?? t('common.loading')}</p>;
}

/**
 * The one shell for what a page loads: the loading message, then the page,
 * or the shared error (with retry and request id), or — for a page that
 * names one thing (`notFound` given) — the not-found page when the server
 * answers 404, or 400 for an id that cannot name anything: a mistyped id,
 * a missing one and another user's look the same.
 */
export function QueryState<T>({
  query,
  notFound,
  loading,
  keepDataOnError = false,
  children,
}: {
  query: QueryLike<T>;
  /** A list that grows by pages keeps what it has when a later page fails. */
  keepDataOnError?: boolean;
  notFound?: NotFoundProps;
  /** A placeholder shaped like the page (a skeleton), instead of the loading message. */
  loading?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isError && !(keepDataOnError && query.data !== undefined)) {
    const missing = query.error instanceof ApiError && (query.error.isNotFound || query.error.status === 400);
    if (notFound && missing) return <NotFound {...notFound} />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (query.data === undefined) return <>{loading ?? <Loading />}</>;
  return <>{children(query.data)}</>;
}
