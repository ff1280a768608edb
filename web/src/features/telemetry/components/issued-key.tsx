import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A device key, shown this once (Kura keeps only its hash), with a copy button and how to use it. */
export function IssuedKey({ secret, message }: { secret: string; message: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div role="status" className="device-key rounded-md border border-ai-700/30 bg-washi-50 p-3 text-sm">
      <p>{message}</p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <code className="secret break-all rounded bg-white px-2 py-1 font-mono">{secret}</code>
        <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => void copy()}>
          {copied ? t('admin.tokens.copied') : t('admin.tokens.copy')}
        </button>
      </p>
      <p className="mt-1 text-sumi-600">{t('telemetry.keys.shownOnce')}</p>
      <p className="mt-1 text-sumi-600">
        {t('telemetry.keys.howToUse')} <code className="font-mono">Authorization: Bearer …</code> →{' '}
        <code className="font-mono">POST /ingest/v1/readings</code>
      </p>
    </div>
  );
}
