import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateServiceToken } from '../api/create-service-token';
import { type TokenScope, tokenScopes } from '../api/get-service-tokens';

const scopeHelp = {
  'catalog:read': 'admin.tokens.scopeHelp.catalog_read',
  'stock:read': 'admin.tokens.scopeHelp.stock_read',
  'orders:read': 'admin.tokens.scopeHelp.orders_read',
  'otlp:write': 'admin.tokens.scopeHelp.otlp_write',
} as const satisfies Record<TokenScope, string>;

/** Creates a token; its secret is shown here once (Kura keeps only a hash). */
export function CreateTokenForm() {
  const { t } = useTranslation();
  const create = useCreateServiceToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>([]);
  const [copied, setCopied] = useState(false);
  const [scopeError, setScopeError] = useState(false);
  const nameId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (scopes.length === 0) {
      setScopeError(true);
      return;
    }
    setScopeError(false);
    setCopied(false);
    create.mutate(
      { name: name.trim(), scopes },
      {
        onSuccess: () => {
          setName('');
          setScopes([]);
        },
      },
    );
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  const created = create.data;
  return (
    <section aria-labelledby="create-token-heading" className="rounded-lg border border-washi-300 bg-white p-4">
      <h2 id="create-token-heading" className="font-serif text-lg font-semibold">
        {t('admin.tokens.createTitle')}
      </h2>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-4">
        <div className="flex flex-col">
          <label htmlFor={nameId} className="text-sm font-medium">
            {t('admin.tokens.name')}
          </label>
          <input
            id={nameId}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="w-64 rounded border border-washi-300 px-2 py-1.5"
          />
        </div>
        <fieldset aria-describedby={scopeError ? 'scope-error' : undefined}>
          <legend className="text-sm font-medium">{t('admin.tokens.scopes')}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {tokenScopes.map((scope) => (
              <label key={scope} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(e) =>
                    setScopes((current) =>
                      e.target.checked ? [...current, scope] : current.filter((s) => s !== scope),
                    )
                  }
                />
                <code className="font-mono">{scope}</code>
                <span className="text-sumi-600">{t(scopeHelp[scope])}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          {t('admin.tokens.create')}
        </button>
      </form>
      {scopeError && (
        <p id="scope-error" role="alert" className="mt-2 text-sm text-shu-700">
          {t('admin.tokens.scopeRequired')}
        </p>
      )}
      {create.isError && (
        <p role="alert" className="mt-2 text-sm text-shu-700">
          {t('admin.failed')}
        </p>
      )}
      {created && (
        <div role="status" className="token-secret mt-3 rounded-md border border-ai-700/30 bg-washi-50 p-3 text-sm">
          <p>{t('admin.tokens.created', { name: created.token.name })}</p>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <code className="secret break-all rounded bg-white px-2 py-1 font-mono">{created.secret}</code>
            <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => void copy(created.secret)}>
              {copied ? t('admin.tokens.copied') : t('admin.tokens.copy')}
            </button>
          </p>
          <p className="mt-1 text-sumi-600">{t('admin.tokens.shownOnce')}</p>
        </div>
      )}
    </section>
  );
}
