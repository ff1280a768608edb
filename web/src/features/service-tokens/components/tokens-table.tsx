import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceToken } from '../api/get-service-tokens';
import { useRevokeServiceToken } from '../api/revoke-service-token';

function formatDateTime(iso: string | null, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'ja-JP', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function TokensTable({ tokens }: { tokens: ServiceToken[] }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeServiceToken();
  const [confirming, setConfirming] = useState<string | null>(null);

  if (tokens.length === 0) return <p className="text-sm text-sumi-600">{t('admin.tokens.empty')}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-washi-300 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('admin.tokens.title')}</caption>
        <thead className="bg-washi-100 text-sumi-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('admin.tokens.name')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('admin.tokens.prefix')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('admin.tokens.scopes')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('admin.tokens.createdAt')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('admin.tokens.lastUsedAt')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('admin.users.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-t border-washi-200">
              <th scope="row" className="px-3 py-2 font-medium">
                {token.name}
              </th>
              <td className="px-3 py-2 font-mono text-xs">{token.prefix}…</td>
              <td className="px-3 py-2 font-mono text-xs">{token.scopes.join(', ')}</td>
              <td className="px-3 py-2 text-sumi-600">{formatDateTime(token.createdAt, i18n.language)}</td>
              <td className="px-3 py-2 text-sumi-600">{formatDateTime(token.lastUsedAt, i18n.language)}</td>
              <td className="px-3 py-2">
                {token.revokedAt ? (
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
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
