import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { hasCode } from '@/lib/api/api-error';
import { errorMessage } from '@/lib/api/error-messages';
import { formatDateTime } from '@/lib/format/date-time';
import { useDeleteUser } from '../api/delete-user';
import { type AdminUser, type UserRole, userRoles } from '../api/get-users';
import { type UserChanges, useUpdateUser } from '../api/update-user';

type Message = { kind: 'ok' | 'error'; text: string };

/**
 * Every account with its role, status and actions. The signed-in admin's own
 * row offers none of them (the API refuses them too, 409 CONFLICT): an admin
 * cannot lock themselves out, another admin must.
 */
export function UsersTable({ users, meId }: { users: AdminUser[]; meId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const [message, setMessage] = useState<Message | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);

  const failure = (error: Error, selfMessage: string): Message => ({
    kind: 'error',
    text: hasCode(error, 'CONFLICT') ? selfMessage : errorMessage(error, t),
  });

  function change(user: AdminUser, changes: UserChanges) {
    setMessage(null);
    update.mutate(
      { id: user.id, changes },
      {
        onSuccess: (saved) =>
          setMessage({
            kind: 'ok',
            text: changes.role
              ? t('admin.users.roleChanged', { email: saved.email, role: t(`admin.roles.${saved.role}`) })
              : t(saved.status === 'active' ? 'admin.users.enabled' : 'admin.users.disabled', { email: saved.email }),
          }),
        onError: (error) => setMessage(failure(error, t('admin.users.selfChange'))),
      },
    );
  }

  function deleteAccount(user: AdminUser) {
    setMessage(null);
    setConfirmingDelete(null);
    remove.mutate(user.id, {
      onSuccess: () => setMessage({ kind: 'ok', text: t('admin.users.deleted', { email: user.email }) }),
      onError: (error) => setMessage(failure(error, t('admin.users.selfDelete'))),
    });
  }

  const columns: Column<AdminUser>[] = [
    { id: 'email', header: t('admin.users.email'), rowHeader: true, cell: (user) => user.email },
    { id: 'displayName', header: t('admin.users.displayName'), cell: (user) => user.displayName },
    {
      id: 'role',
      header: t('admin.users.role'),
      cell: (user) =>
        user.id === meId ? (
          <span>
            {t(`admin.roles.${user.role}`)} <span className="text-xs text-sumi-600">{t('admin.users.you')}</span>
          </span>
        ) : (
          <select
            aria-label={t('admin.users.roleOf', { email: user.email })}
            value={user.role}
            onChange={(e) => change(user, { role: e.target.value as UserRole })}
            className="rounded border border-washi-300 bg-white px-2 py-1"
          >
            {userRoles.map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}`)}
              </option>
            ))}
          </select>
        ),
    },
    {
      id: 'status',
      header: t('admin.users.status'),
      cell: (user) => (
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${user.status === 'active' ? 'bg-ai-700/10 text-ai-800' : 'bg-sumi-100 text-sumi-700'}`}
        >
          {t(`admin.statuses.${user.status}`)}
        </span>
      ),
    },
    {
      id: 'createdAt',
      header: t('admin.users.createdAt'),
      className: 'text-sumi-600',
      cell: (user) => formatDateTime(user.createdAt, i18n.language, 'date'),
    },
    {
      id: 'actions',
      header: <span className="sr-only">{t('admin.actions')}</span>,
      className: 'text-right',
      cell: (user) =>
        user.id === meId ? (
          <span className="text-xs text-sumi-600" data-testid="own-account">
            {t('admin.users.ownAccount')}
          </span>
        ) : confirmingDelete === user.id ? (
          <span className="flex flex-wrap items-center justify-end gap-2">
            <span>{t('admin.users.confirmDelete', { email: user.email })}</span>
            <button
              type="button"
              className="rounded bg-shu-600 px-3 py-1 text-sm text-white hover:bg-shu-700"
              onClick={() => deleteAccount(user)}
            >
              {t('admin.users.deleteConfirm')}
            </button>
            <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => setConfirmingDelete(null)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <span className="flex flex-wrap justify-end gap-2">
            <button
              type="button"
              className="btn-secondary px-3 py-1 text-sm"
              aria-label={t(user.status === 'active' ? 'admin.users.disableOf' : 'admin.users.enableOf', {
                email: user.email,
              })}
              onClick={() => change(user, { status: user.status === 'active' ? 'disabled' : 'active' })}
            >
              {t(user.status === 'active' ? 'admin.users.disable' : 'admin.users.enable')}
            </button>
            <button
              type="button"
              className="btn-secondary px-3 py-1 text-sm text-shu-700"
              aria-label={t('admin.users.deleteOf', { email: user.email })}
              onClick={() => setConfirmingDelete(user.id)}
            >
              {t('admin.users.delete')}
            </button>
          </span>
        ),
    },
  ];

  return (
    <div>
      <div aria-live="polite" className="min-h-8">
        {message && (
          <p
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={`text-sm ${message.kind === 'error' ? 'text-shu-700' : 'text-ai-800'}`}
          >
            {message.text}
          </p>
        )}
      </div>
      <DataTable
        caption={t('admin.users.title')}
        columns={columns}
        rows={users}
        rowKey={(user) => user.id}
        empty={t('admin.users.empty')}
      />
    </div>
  );
}
