import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '@/features/account/api/get-me';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /admin: what the signed-in staff member or admin can manage. */
export function AdminHomeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('admin.title'));
  const admin = hasRole(me.data, ['admin']);
  const links = [
    { to: '/admin/users', title: t('admin.users.title'), text: t('admin.users.lead') },
    { to: '/admin/service-tokens', title: t('admin.tokens.title'), text: t('admin.tokens.lead') },
    { to: '/admin/audit-log', title: t('admin.audit.title'), text: t('admin.audit.lead') },
  ];
  return (
    <div>
      <h1 className="font-serif text-2xl font-semibold">{t('admin.title')}</h1>
      {admin ? (
        <ul className="mt-6 grid gap-4 sm:grid-cols-3">
          {links.map((link) => (
            <li key={link.to}>
              <Link
                to={link.to}
                className="block h-full rounded-lg border border-washi-300 bg-white p-4 hover:border-ai-700"
              >
                <span className="font-semibold text-ai-900">{link.title}</span>
                <span className="mt-1 block text-sm text-sumi-600">{link.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-sumi-700">{t('admin.staffNothingYet')}</p>
      )}
    </div>
  );
}
