import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/api-error';
import { type AdminUser, type UserRole, userRoles } from '../api/get-users';
import { type UserChanges, useUpdateUser } from '../api/update-user';

function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'ja-JP', { dateStyle: 'medium' }).format(new Date(iso));
}

export function UsersTable({ users }: { users: AdminUser[] }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateUser();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

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
        onError: (error) =>
          setMessage({
            kind: 'error',
            text:
              error instanceof ApiError && error.code === 'CONFLICT' ? t('admin.users.selfChange') : t('admin.failed'),
          }),
      },
    );
  }

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
      <div className="overflow-x-auto rounded-lg border border-washi-300 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('admin.users.title')}</caption>
          <thead className="bg-washi-100 text-sumi-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('admin.users.email')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('admin.users.displayName')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('admin.users.role')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('admin.users.status')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('admin.users.createdAt')}
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-t border-washi-200">
                <th scope="row" className="px-3 py-2 font-medium">
                  {user.email}
                </th>
                <td className="px-3 py-2">{user.displayName}</td>
                <td className="px-3 py-2">
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
                </td>
                <td className="px-3 py-2">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-semibold ${user.status === 'active' ? 'bg-ai-700/10 text-ai-800' : 'bg-sumi-100 text-sumi-700'}`}
                  >
                    {t(`admin.statuses.${user.status}`)}
                  </span>
                </td>
                <td className="px-3 py-2 text-sumi-600">{formatDate(user.createdAt, i18n.language)}</td>
                <td className="px-3 py-2 text-right">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
