import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { formatDateTime } from '@/lib/format/date-time';
import type { DeadLetter } from '../api/dead-letters';

type Props = {
  letters: DeadLetter[];
  /** Called once the operator confirmed the redrive of one letter. */
  onRedrive: (letter: DeadLetter) => void;
  busy: boolean;
};

/** Dead letters with why they failed and what they carried; each can be redriven after a confirmation. */
export function DeadLettersTable({ letters, onRedrive, busy }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);

  const columns: Column<DeadLetter>[] = [
    {
      id: 'type',
      header: t('deadLetters.type'),
      rowHeader: true,
      cell: (letter) => (
        <span className="flex flex-col">
          <span className="font-medium">{letter.type}</span>
          <code className="font-mono text-xs text-sumi-600">{letter.key}</code>
        </span>
      ),
    },
    { id: 'reason', header: t('deadLetters.reason'), cell: (letter) => letter.reason ?? t('deadLetters.noReason') },
    {
      id: 'receiveCount',
      header: t('deadLetters.receiveCount'),
      className: 'text-right tabular-nums',
      cell: (letter) => letter.receiveCount,
    },
    {
      id: 'deadAt',
      header: t('deadLetters.deadAt'),
      className: 'text-sumi-600',
      cell: (letter) => formatDateTime(letter.deadAt, i18n.language),
    },
    {
      id: 'payload',
      header: t('deadLetters.payload'),
      cell: (letter) => (
        <details>
          <summary className="cursor-pointer text-ai-700">{t('deadLetters.showPayload')}</summary>
          <pre className="mt-1 max-w-md overflow-x-auto rounded bg-washi-50 p-2 font-mono text-xs">
            {JSON.stringify(letter.payload, null, 2)}
          </pre>
        </details>
      ),
    },
    {
      id: 'actions',
      header: <span className="sr-only">{t('deadLetters.actions')}</span>,
      cell: (letter) =>
        confirming === letter.id ? (
          <span className="flex flex-wrap items-center gap-2">
            <span>{t('deadLetters.confirmOne')}</span>
            <button
              type="button"
              className="btn-primary whitespace-nowrap px-3 py-1"
              disabled={busy}
              onClick={() => {
                setConfirming(null);
                onRedrive(letter);
              }}
            >
              {t('deadLetters.redriveConfirm')}
            </button>
            <button type="button" className="btn-secondary px-3 py-1" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="btn-secondary whitespace-nowrap px-3 py-1"
            aria-label={t('deadLetters.redriveOf', { type: letter.type, key: letter.key })}
            disabled={busy}
            onClick={() => setConfirming(letter.id)}
          >
            {t('deadLetters.redrive')}
          </button>
        ),
    },
  ];

  return (
    <DataTable
      caption={t('deadLetters.title')}
      columns={columns}
      rows={letters}
      rowKey={(letter) => letter.id}
      empty={t('deadLetters.empty')}
      rowClassName="dead-letter-row"
    />
  );
}
