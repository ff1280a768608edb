import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { useServiceTokens } from '@/features/service-tokens/api/get-service-tokens';
import { CreateTokenForm } from '@/features/service-tokens/components/create-token-form';
import { TokensTable } from '@/features/service-tokens/components/tokens-table';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AdminServiceTokensRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.tokens.title'));
  const tokens = useServiceTokens();
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-semibold">{t('admin.tokens.title')}</h1>
      <p className="text-sm text-sumi-700">{t('admin.tokens.lead')}</p>
      <CreateTokenForm />
      <section aria-labelledby="tokens-list-heading" className="space-y-3">
        <h2 id="tokens-list-heading" className="font-serif text-lg font-semibold">
          {t('admin.tokens.listTitle')}
        </h2>
        <QueryState query={tokens}>{(data) => <TokensTable tokens={data.items} />}</QueryState>
      </section>
    </div>
  );
}
