import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useMe } from '@/features/account/api/get-me';
import { TodoApp } from '@/features/todos/components/todo-app';
import { parseTodoFilter } from '@/features/todos/todo-filter';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { NotFoundRoute } from './not-found';

export function TodosRoute() {
  const { t } = useTranslation();
  const { filter: segment } = useParams();
  const filter = parseTodoFilter(segment);
  const me = useMe();
  useDocumentTitle(t('todos.title'));

  if (filter === null) return <NotFoundRoute />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />;
  if (!me.data) {
    return (
      <p role="status" className="text-sumi-700">
        {t('common.loading')}
      </p>
    );
  }
  return <TodoApp filter={filter} timeZone={me.data.timeZone} />;
}
