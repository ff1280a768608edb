import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/api-error';
import { type UserRole, userRoles } from '../api/get-users';
import { useInviteUser } from '../api/invite-user';

/** Creates an account through the directory; a local directory hands back a temporary password, shown once. */
export function InviteUserForm() {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<UserRole>('customer');
  const ids = { email: useId(), name: useId(), role: useId() };

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), role, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) },
      {
        onSuccess: () => {
          setEmail('');
          setDisplayName('');
          setRole('customer');
        },
      },
    );
  }

  const result = invite.data;
  return (
    <section aria-labelledby="invite-heading" className="rounded-lg border border-washi-300 bg-white p-4">
      <h2 id="invite-heading" className="font-serif text-lg font-semibold">
        {t('admin.users.inviteTitle')}
      </h2>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor={ids.email} className="text-sm font-medium">
            {t('admin.users.email')}
          </label>
          <input
            id={ids.email}
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="w-64 rounded border border-washi-300 px-2 py-1.5"
          />
        </div>
        <div className="flex flex-col">
          <label htmlFor={ids.name} className="text-sm font-medium">
            {t('admin.users.displayName')} <span className="text-sumi-500">({t('common.optional')})</span>
          </label>
          <input
            id={ids.name}
            maxLength={100}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            className="w-48 rounded border border-washi-300 px-2 py-1.5"
          />
        </div>
        <div className="flex flex-col">
          <label htmlFor={ids.role} className="text-sm font-medium">
            {t('admin.users.role')}
          </label>
          <select
            id={ids.role}
            value={role}
            onChange={(e) => setRole(e.target.value as UserRole)}
            className="rounded border border-washi-300 bg-white px-2 py-1.5"
          >
            {userRoles.map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary" disabled={invite.isPending}>
          {t('admin.users.invite')}
        </button>
      </form>
      {invite.isError && (
        <p role="alert" className="mt-3 text-sm text-shu-700">
          {invite.error instanceof ApiError && invite.error.code === 'CONFLICT'
            ? t('admin.users.inviteConflict')
            : invite.error instanceof ApiError && invite.error.code === 'VALIDATION_FAILED'
              ? t('admin.users.inviteInvalid')
              : t('admin.failed')}
        </p>
      )}
      {result && (
        <div role="status" className="invite-result mt-3 rounded-md border border-ai-700/30 bg-washi-50 p-3 text-sm">
          <p>{t('admin.users.invited', { email: result.user.email })}</p>
          {result.temporaryPassword ? (
            <p className="mt-1">
              {t('admin.users.temporaryPassword')}{' '}
              <code className="temporary-password rounded bg-white px-2 py-0.5 font-mono">
                {result.temporaryPassword}
              </code>
              <span className="ml-2 text-sumi-600">{t('admin.users.shownOnce')}</span>
            </p>
          ) : (
            <p className="mt-1 text-sumi-600">{t('admin.users.mailSent')}</p>
          )}
        </div>
      )}
    </section>
  );
}
