import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '@/components/data-table';
import { StatusPill, type StatusTone } from '@/components/status-pill';
import { formatYen } from '@/lib/format/price';
import type { StaffProductSummary } from '../api/staff-products';

type Status = 'archived' | 'soldOut' | 'low' | 'onSale';

/** Severity as the stock pages draw it: sold out is calm grey, running low amber, on sale green. */
const statusTone: Record<Status, StatusTone> = {
  archived: 'outline',
  soldOut: 'calm',
  low: 'attention',
  onSale: 'good',
};

/** What a customer meets: an active product with nothing left to sell is not "on sale". */
function statusOf(p: StaffProductSummary): Status {
  if (!p.active) return 'archived';
  if (p.availability.status === 'sold_out') return 'soldOut';
  if (p.availability.status === 'low_stock') return 'low';
  return 'onSale';
}

/** Products with a checkbox each, for archiving or restoring several at once. */
export function ProductTable({
  products,
  selected,
  onSelect,
}: {
  products: readonly StaffProductSummary[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], checked: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const allChecked = products.length > 0 && products.every((p) => selected.has(p.id));
  const columns: Column<StaffProductSummary>[] = [
    {
      id: 'select',
      header: (
        <input
          type="checkbox"
          aria-label={t('admin.products.selectAll')}
          checked={allChecked}
          onChange={(e) =>
            onSelect(
              products.map((p) => p.id),
              e.target.checked,
            )
          }
        />
      ),
      cell: (p) => (
        <input
          type="checkbox"
          aria-label={t('admin.products.selectOne', { name: p.name[lang] })}
          checked={selected.has(p.id)}
          onChange={(e) => onSelect([p.id], e.target.checked)}
        />
      ),
    },
    {
      id: 'image',
      header: <span className="sr-only">{t('admin.products.image')}</span>,
      cell: (p) =>
        p.image ? (
          <img
            src={p.image.renditions[0]?.url ?? p.image.url}
            alt=""
            width={40}
            height={40}
            loading="lazy"
            className="size-10 rounded bg-washi-200 object-cover"
          />
        ) : (
          <span className="block size-10 rounded bg-washi-200" title={t('admin.products.noImage')} />
        ),
    },
    {
      id: 'name',
      header: t('admin.products.name'),
      rowHeader: true,
      cell: (p) => (
        <Link to={`/admin/products/${p.id}`} className="text-ai-800 underline-offset-2 hover:underline">
          {p.name[lang]}
        </Link>
      ),
    },
    { id: 'sku', header: t('admin.products.sku'), cell: (p) => <code>{p.sku}</code> },
    { id: 'category', header: t('admin.products.category'), cell: (p) => p.category.name[lang] },
    { id: 'price', header: t('admin.products.price'), cell: (p) => formatYen(p.price), className: 'tabular-nums' },
    { id: 'tax', header: t('admin.products.taxClass'), cell: (p) => t(`admin.products.taxClasses.${p.taxClass}`) },
    {
      id: 'stock',
      header: t('admin.products.available'),
      cell: (p) => p.availability.available,
      className: 'tabular-nums',
    },
    {
      id: 'state',
      header: t('admin.products.state'),
      cell: (p) => {
        const status = statusOf(p);
        return (
          <StatusPill tone={statusTone[status]} data-status={status}>
            {t(`admin.products.status.${status}`)}
          </StatusPill>
        );
      },
    },
  ];
  return (
    <DataTable
      caption={t('admin.products.listTitle')}
      columns={columns}
      rows={products}
      rowKey={(p) => p.id}
      empty={t('admin.products.empty')}
    />
  );
}
