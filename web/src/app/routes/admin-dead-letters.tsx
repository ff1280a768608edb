import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import {
  useDeadLetterDrill,
  useDeadLetters,
  useLocalProfile,
  useRedriveDeadLetters,
} from '@/features/dead-letters/api/dead-letters';
import { DeadLettersTable } from '@/features/dead-letters/components/dead-letters-table';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AdminDeadLettersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('deadLetters.title'));
  const letters = useDeadLetters();
  const redrive = useRedriveDeadLetters();
  const drill = useDeadLetterDrill();
  const local = useLocalProfile();
  const [confirmingAll, setConfirmingAll] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const items = letters.data?.items ?? [];

  function send(target: { ids: string[] } | { all: true }) {
    setStatus(null);
    redrive.mutate(target, { onSuccess: ({ moved }) => setStatus(t('deadLetters.redriven', { count: moved })) });
  }

  return (
    <div className="space-y-4">
      <h1 className="font-serif text-2xl font-semibold">{t('deadLetters.title')}</h1>
      <p className="text-sm text-sumi-700">{t('deadLetters.lead')}</p>
      <div className="flex flex-wrap items-center gap-3">
        {confirmingAll ? (
          <span className="flex flex-wrap items-center gap-2 text-sm">
            <span>{t('deadLetters.confirmAll', { count: items.length })}</span>
            <button
              type="button"
              className="btn-primary px-3 py-1"
              disabled={redrive.isPending}
              onClick={() => {
                setConfirmingAll(false);
                send({ all: true });
              }}
            >
              {t('deadLetters.redriveConfirm')}
            </button>
            <button type="button" className="btn-secondary px-3 py-1" onClick={() => setConfirmingAll(false)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="btn-primary"
            disabled={items.length === 0 || redrive.isPending}
            onClick={() => setConfirmingAll(true)}
          >
            {t('deadLetters.redriveAll')}
          </button>
        )}
        <button type="button" className="btn-secondary" onClick={() => void letters.refetch()}>
          {t('deadLetters.refresh')}
        </button>
        {local && (
          <button
            type="button"
            className="btn-secondary"
            disabled={drill.isPending}
            onClick={() => drill.mutate(undefined, { onSuccess: () => setStatus(t('deadLetters.drillSent')) })}
          >
            {t('deadLetters.drill')}
          </button>
        )}
      </div>
      {status && (
        <p role="status" className="rounded-md border border-ai-700/30 bg-washi-50 p-3 text-sm">
          {status}
        </p>
      )}
      {(redrive.isError || drill.isError) && (
        <p role="alert" className="text-sm text-shu-700">
          {t('admin.failed')}
        </p>
      )}
      <QueryState query={letters} keepDataOnError>
        {() => (
          <DeadLettersTable
            letters={items}
            busy={redrive.isPending}
            onRedrive={(letter) => send({ ids: [letter.id] })}
          />
        )}
      </QueryState>
    </div>
  );
}
