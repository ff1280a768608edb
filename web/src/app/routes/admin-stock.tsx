import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Pager } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { useStockList } from '@/features/stock/api/get-stock-list';
import { StockSearch } from '@/features/stock/components/stock-search';
import { StockTable } from '@/features/stock/components/stock-table';
import { useCursorPages } from '@/hooks/use-cursor-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /admin/stock (every SKU) and /admin/stock/low (at or below the threshold, sold out first). */
function StockListPage({ lowOnly }: { lowOnly: boolean }) {
  const { t } = useTranslation();
  const title = lowOnly ? t('stock.lowTitle') : t('stock.title');
  useDocumentTitle(title);
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q')?.trim().slice(0, 200) ?? '';
  const filterKey = `${lowOnly}:${q}`;
  const pages = useCursorPages(filterKey);
  const { cursor } = pages;
  const stock = useStockList({ ...(q ? { q } : {}), lowOnly, ...(cursor ? { cursor } : {}) });

  return (
    <div className="space-y-4">
      <h1 className="font-serif text-2xl font-semibold">{title}</h1>
      <p className="text-sm text-sumi-700">{lowOnly ? t('stock.lowLead') : t('stock.lead')}</p>
      <nav aria-label={t('stock.views')} className="flex gap-4 text-sm">
        <Link
          to="/admin/stock"
          aria-current={lowOnly ? undefined : 'page'}
          className="underline aria-[current=page]:font-semibold aria-[current=page]:no-underline"
        >
          {t('stock.allLink')}
        </Link>
        <Link
          to="/admin/stock/low"
          aria-current={lowOnly ? 'page' : undefined}
          className="underline aria-[current=page]:font-semibold aria-[current=page]:no-underline"
        >
          {t('stock.lowLink')}
        </Link>
      </nav>
      <StockSearch
        key={filterKey}
        q={q}
        onSearch={(next) => setSearchParams(next ? { q: next } : {}, { flushSync: true })}
      />
      <QueryState query={stock}>
        {(data) => (
          <div className={stock.isPlaceholderData ? 'opacity-60' : undefined}>
            <StockTable items={data.items} caption={title} />
          </div>
        )}
      </QueryState>
      <Pager pages={pages} nextCursor={stock.data?.nextCursor} loading={stock.isPlaceholderData} />
    </div>
  );
}

export function AdminStockRoute() {
  return <StockListPage lowOnly={false} />;
}

export function AdminLowStockRoute() {
  return <StockListPage lowOnly={true} />;
}
