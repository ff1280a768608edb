import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/field';
import { errorMessage } from '@/lib/api/error-messages';
import { type UserRole, userRoles } from '../api/get-users';
import { useInviteUser } from '../api/invite-user';

/** Creates an account through the directory; a local directory hands back a temporary password, shown once. */
export function InviteUserForm() {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<UserRole>('customer');

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
        <TextField
          label={t('admin.users.email')}
          type="email"
          required
          maxLength={254}
          value={email}
          onChange={setEmail}
          className="w-64"
        />
        <TextField
          label={t('admin.users.displayName')}
          optional
          maxLength={100}
          value={displayName}
          onChange={setDisplayName}
          className="w-48"
        />
        <SelectField
          label={t('admin.users.role')}
          value={role}
          options={userRoles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
          onChange={setRole}
        />
        <button type="submit" className="btn-primary" disabled={invite.isPending}>
          {t('admin.users.invite')}
        </button>
      </form>
      {invite.isError && (
        <p role="alert" className="mt-3 text-sm text-shu-700">
          {errorMessage(invite.error, t, {
            CONFLICT: 'admin.users.inviteConflict',
            VALIDATION_FAILED: 'admin.users.inviteInvalid',
          })}
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
