import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { hasRole, useMe } from '@/features/account/api/get-me';
import { backOfficeSections } from './back-office-sections';

/** The back office, for staff and admins: its menu (the sections the caller may open) above each page. */
export function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const sections = backOfficeSections.filter((section) => hasRole(me.data, section.roles));
  return (
    <div>
      <p className="text-sm font-semibold tracking-wide text-shu-700">{t('admin.title')}</p>
      <nav aria-label={t('admin.navLabel')} className="mt-2 mb-6 border-b border-washi-300">
        <ul className="flex flex-wrap gap-1">
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink
                to={section.to}
                className="-mb-px block border-b-2 border-transparent px-3 py-2 text-sm text-sumi-700 hover:text-sumi-900 aria-[current=page]:border-ai-800 aria-[current=page]:font-semibold aria-[current=page]:text-ai-900"
              >
                {t(section.titleKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
