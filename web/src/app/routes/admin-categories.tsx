import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { useStaffCategories } from '@/features/category-admin/api/staff-categories';
import { CategoryManager } from '@/features/category-admin/components/category-manager';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AdminCategoriesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.categories.title'));
  const categories = useStaffCategories();
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-semibold">{t('admin.categories.title')}</h1>
      <QueryState query={categories}>{(data) => <CategoryManager categories={data} />}</QueryState>
    </div>
  );
}
