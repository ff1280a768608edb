import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TodoFilter, todoFilterPath, todoFilters } from '../todo-filter';

export function TodoFooter(props: {
  active: number;
  completed: number;
  filter: TodoFilter;
  onClearCompleted: () => void;
}) {
  const { t } = useTranslation();
  return (
    <footer className="footer flex flex-wrap items-center justify-between gap-2 border-t border-washi-200 px-4 py-3 text-sm text-sumi-600">
      <span className="todo-count" role="status">
        <strong className="text-sumi-900">{props.active}</strong> {t('todos.itemsLeft', { count: props.active })}
      </span>
      <ul className="filters flex gap-1" aria-label={t('todos.filtersLabel')}>
        {todoFilters.map((filter) => (
          <li key={filter}>
            <Link
              to={todoFilterPath(filter)}
              className={`rounded border px-2 py-0.5 ${filter === props.filter ? 'selected border-shu-600/40' : 'border-transparent hover:border-shu-600/20'}`}
              aria-current={filter === props.filter ? 'page' : undefined}
            >
              {t(`todos.filter.${filter}`)}
            </Link>
          </li>
        ))}
      </ul>
      <span className="min-w-28 text-right">
        {props.completed > 0 && (
          <button type="button" className="clear-completed hover:underline" onClick={props.onClearCompleted}>
            {t('todos.clearCompleted')}
          </button>
        )}
      </span>
    </footer>
  );
}
