import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { formatDateTime } from '@/lib/format/date-time';
import type { ServiceToken } from '../api/get-service-tokens';
import { useRevokeServiceToken } from '../api/revoke-service-token';

export function TokensTable({ tokens }: { tokens: ServiceToken[] }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeServiceToken();
  const [confirming, setConfirming] = useState<string | null>(null);

  const columns: Column<ServiceToken>[] = [
    { id: 'name', header: t('admin.tokens.name'), rowHeader: true, cell: (token) => token.name },
    {
      id: 'prefix',
      header: t('admin.tokens.prefix'),
      className: 'font-mono text-xs',
      cell: (token) => `${token.prefix}…`,
    },
    {
      id: 'scopes',
      header: t('admin.tokens.scopes'),
      className: 'font-mono text-xs',
      cell: (token) => token.scopes.join(', '),
    },
    {
      id: 'createdAt',
      header: t('admin.tokens.createdAt'),
      className: 'text-sumi-600',
      cell: (token) => formatDateTime(token.createdAt, i18n.language),
    },
    {
      id: 'lastUsedAt',
      header: t('admin.tokens.lastUsedAt'),
      className: 'text-sumi-600',
      cell: (token) => formatDateTime(token.lastUsedAt, i18n.language),
    },
    {
      id: 'status',
      header: t('admin.users.status'),
      cell: (token) =>
        token.revokedAt ? (
          <span className="text-sumi-600">
            {t('admin.tokens.revokedAt', { at: formatDateTime(token.revokedAt, i18n.language) })}
          </span>
        ) : confirming === token.id ? (
          <span className="flex flex-wrap items-center gap-2">
            <span>{t('admin.tokens.confirmRevoke')}</span>
            <button
              type="button"
              className="rounded bg-shu-600 px-3 py-1 text-white hover:bg-shu-700"
              onClick={() => {
                setConfirming(null);
                revoke.mutate(token.id);
              }}
            >
              {t('admin.tokens.revokeConfirm')}
            </button>
            <button type="button" className="btn-secondary px-3 py-1" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="btn-secondary px-3 py-1"
            aria-label={t('admin.tokens.revokeOf', { name: token.name })}
            onClick={() => setConfirming(token.id)}
          >
            {t('admin.tokens.revoke')}
          </button>
        ),
    },
  ];

  return (
    <DataTable
      caption={t('admin.tokens.title')}
      columns={columns}
      rows={tokens}
      rowKey={(token) => token.id}
      empty={t('admin.tokens.empty')}
    />
  );
}
