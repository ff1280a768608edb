import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '@/components/query-state';
import { type StockDetail, useOlderMovements, useStockItem } from '@/features/stock/api/get-stock-item';
import { AdjustmentForm } from '@/features/stock/components/adjustment-form';
import { MovementsTable } from '@/features/stock/components/movements-table';
import { StockStatus } from '@/features/stock/components/stock-status';
import { ThresholdForm } from '@/features/stock/components/threshold-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /admin/stock/:sku — figures, the adjustment form, the threshold and the movement history. */
export function AdminStockItemRoute() {
  const { t } = useTranslation();
  const sku = useParams().sku ?? '';
  useDocumentTitle(t('stock.itemTitle', { sku }));
  const item = useStockItem(sku);
  return <QueryState query={item}>{(data) => <StockItemPage sku={sku} item={data} />}</QueryState>;
}

function StockItemPage({ sku, item }: { sku: string; item: StockDetail }) {
  const { t, i18n } = useTranslation();
  const { stock, movements, movementsCursor } = item;
  const older = useOlderMovements(sku, movementsCursor);
  const name = (i18n.language.startsWith('ja') ? stock.nameJa : stock.nameEn) ?? stock.nameJa;
  const olderMovements = older.data?.pages.flatMap((page) => page.items) ?? [];
  const hasOlder = older.data ? older.hasNextPage : Boolean(movementsCursor);

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/admin/stock" className="underline">
          ← {t('stock.title')}
        </Link>
      </p>
      <div>
        <h1 className="font-serif text-2xl font-semibold">
          <span className="font-mono">{stock.sku}</span>
          {name && <span className="ml-3 text-lg text-sumi-700">{name}</span>}
        </h1>
      </div>
      <dl className="stock-figures grid max-w-xl grid-cols-2 gap-3 sm:grid-cols-4">
        {(
          [
            ['onHand', stock.onHand],
            ['reserved', stock.reserved],
            ['available', stock.available],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="rounded-lg border border-washi-300 bg-white p-3">
            <dt className="text-xs text-sumi-600">{t(`stock.${key}`)}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-figure={key}>
              {value}
            </dd>
          </div>
        ))}
        <div className="rounded-lg border border-washi-300 bg-white p-3">
          <dt className="text-xs text-sumi-600">{t('stock.statusHeader')}</dt>
          <dd className="mt-1">
            <StockStatus status={stock.status} />
          </dd>
        </div>
      </dl>
      <AdjustmentForm sku={stock.sku} available={stock.available} />
      <section aria-labelledby="threshold-heading" className="space-y-2">
        <h2 id="threshold-heading" className="font-serif text-lg font-semibold">
          {t('stock.threshold')}
        </h2>
        <ThresholdForm key={stock.lowStockThreshold} sku={stock.sku} threshold={stock.lowStockThreshold} />
      </section>
      <section aria-labelledby="movements-heading" className="space-y-3">
        <h2 id="movements-heading" className="font-serif text-lg font-semibold">
          {t('stock.movements.title')}
        </h2>
        <MovementsTable movements={[...movements, ...olderMovements]} />
        {hasOlder && (
          <div className="flex justify-center">
            <button
              type="button"
              className="btn-secondary"
              disabled={older.isFetching}
              onClick={() => void (older.data ? older.fetchNextPage() : older.refetch())}
            >
              {older.isFetching ? t('common.loading') : t('stock.movements.older')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
