import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '@/components/query-state';
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
  return <QueryState query={me}>{(data) => <TodoApp filter={filter} timeZone={data.timeZone} />}</QueryState>;
}
