import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';

export type NotFoundProps = { title?: string; body?: string; linkTo?: string; linkLabel?: string };

/** The one "nothing here" page: an unknown path, or a thing a route names that does not exist (or is not yours). */
export function NotFound({ title, body, linkTo = '/', linkLabel }: NotFoundProps) {
  const { t } = useTranslation();
  const heading = title ?? t('errors.notFoundTitle');
  useDocumentTitle(heading);
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p aria-hidden="true" className="font-serif text-6xl text-ai-800">
        404
      </p>
      <h1 className="mt-4 font-serif text-2xl font-semibold">{heading}</h1>
      <p className="mt-3 text-sumi-700">{body ?? t('errors.notFoundBody')}</p>
      <Link to={linkTo} className="btn-primary mt-6">
        {linkLabel ?? t('errors.backHome')}
      </Link>
    </div>
  );
}
