import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '@/features/account/api/get-me';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { backOfficeSections } from './back-office-sections';

/** /admin: what the signed-in staff member or admin can manage. */
export function AdminHomeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('admin.title'));
  const sections = backOfficeSections.filter((section) => hasRole(me.data, section.roles));
  return (
    <div>
      <h1 className="font-serif text-2xl font-semibold">{t('admin.title')}</h1>
      {sections.length > 0 ? (
        <ul className="mt-6 grid gap-4 sm:grid-cols-3">
          {sections.map((section) => (
            <li key={section.to}>
              <Link
                to={section.to}
                className="block h-full rounded-lg border border-washi-300 bg-white p-4 hover:border-ai-700"
              >
                <span className="font-semibold text-ai-900">{t(section.titleKey)}</span>
                <span className="mt-1 block text-sm text-sumi-600">{t(section.leadKey)}</span>
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
