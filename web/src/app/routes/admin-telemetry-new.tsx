import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegisterDeviceForm } from '@/features/telemetry/components/register-device-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /admin/telemetry/new — register a sensor and take its key (shown once). */
export function AdminTelemetryNewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('telemetry.register.title'));
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link to="/admin/telemetry" className="underline">
          ← {t('telemetry.title')}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-semibold">{t('telemetry.register.title')}</h1>
      <p className="text-sm text-sumi-700">{t('telemetry.register.lead')}</p>
      <RegisterDeviceForm />
    </div>
  );
}
