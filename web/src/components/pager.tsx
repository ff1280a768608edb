import { useTranslation } from 'react-i18next';
import type { CursorPages } from '@/hooks/use-cursor-pages';

/** Previous / page n / Next under a keyset-paged list. */
export function Pager({
  pages,
  nextCursor,
  loading,
}: {
  pages: CursorPages;
  nextCursor: string | null | undefined;
  /** The next page is being fetched: Next waits for it. */
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex items-center justify-between">
      <button type="button" className="btn-secondary" disabled={pages.page === 1} onClick={pages.previous}>
        {t('admin.previous')}
      </button>
      <span className="text-sm text-sumi-600">{t('admin.page', { n: pages.page })}</span>
      <button
        type="button"
        className="btn-secondary"
        disabled={!nextCursor || loading}
        onClick={() => {
          if (nextCursor) pages.next(nextCursor);
        }}
      >
        {t('admin.next')}
      </button>
    </div>
  );
}
