import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { hasRole, useMe } from '@/features/account/api/get-me';
import { useStaffOverview } from '@/features/staff-overview/api/get-staff-overview';
import { OverviewCounts } from '@/features/staff-overview/components/overview-counts';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { backOfficeSections } from './back-office-sections';

/** The counts of what needs doing now, each opening the list behind it. */
function NowCounts() {
  const { t } = useTranslation();
  const overview = useStaffOverview();
  return (
    <section aria-labelledby="staff-home-now" className="mt-6">
      <h2 id="staff-home-now" className="font-serif text-lg font-semibold">
        {t('staffHome.now')}
      </h2>
      <div className="mt-3">
        <QueryState query={overview}>{(data) => <OverviewCounts overview={data} />}</QueryState>
      </div>
    </section>
  );
}

/** /admin: what needs doing now, then what the signed-in staff member or admin can manage. */
export function AdminHomeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('admin.title'));
  const sections = backOfficeSections.filter((section) => hasRole(me.data, section.roles));
  return (
    <div>
      <h1 className="font-serif text-2xl font-semibold">{t('admin.title')}</h1>
      {hasRole(me.data, ['staff', 'admin']) && <NowCounts />}
      {sections.length > 0 ? (
        <section aria-labelledby="staff-home-sections" className="mt-8">
          <h2 id="staff-home-sections" className="font-serif text-lg font-semibold">
            {t('staffHome.sections')}
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-3">
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
        </section>
      ) : (
        <p className="mt-4 text-sumi-700">{t('admin.staffNothingYet')}</p>
      )}
    </div>
  );
}
