import { useTranslation } from 'react-i18next';
import { ImportForm } from '@/features/product-admin/components/import-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AdminImportRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.import.title'));
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-semibold">{t('admin.import.title')}</h1>
      <ImportForm />
    </div>
  );
}
