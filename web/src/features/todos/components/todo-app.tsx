import { useIsMutating } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { useClearCompletedTodos } from '../api/clear-completed-todos';
import { useCreateTodo } from '../api/create-todo';
import { useDeleteTodo } from '../api/delete-todo';
import { useTodos } from '../api/get-todos';
import { renderKeyOf, type TodoProblem } from '../api/todo-cache';
import { useToggleAllTodos } from '../api/toggle-all-todos';
import { useUpdateTodo } from '../api/update-todo';
import { applyTodoFilter, countTodos, type TodoFilter } from '../todo-filter';
import { NewTodoForm } from './new-todo-form';
import { TodoFooter } from './todo-footer';
import { TodoItem } from './todo-item';

/** The clock that decides "overdue", ticking so a todo turns overdue without a reload. */
function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** TodoMVC (its markup and behaviour) over the user's todos in the API. */
export function TodoApp({ filter, timeZone }: { filter: TodoFilter; timeZone: string }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<TodoProblem | null>(null);
  const onProblem = setProblem;
  const todos = useTodos();
  const create = useCreateTodo({ timeZone, onProblem });
  const update = useUpdateTodo({ timeZone, onProblem });
  const remove = useDeleteTodo({ onProblem });
  const toggleAll = useToggleAllTodos({ onProblem });
  const clearCompleted = useClearCompletedTodos({ onProblem });
  const now = useNow();
  const saving = useIsMutating() > 0;

  const all = todos.data ?? [];
  const counts = countTodos(all);
  const shown = applyTodoFilter(all, filter);
  const allDone = all.length > 0 && counts.active === 0;

  return (
    <section className="todoapp mx-auto max-w-2xl" aria-labelledby="todos-heading" aria-busy={saving}>
      <h2 id="todos-heading" className="sr-only">
        {t('todos.title')}
      </h2>
      <div className="overflow-hidden rounded-lg border border-washi-300 bg-white shadow-sm">
        <NewTodoForm timeZone={timeZone} onAdd={(todo) => create.add(todo)} />
        <div className={todos.isError && all.length === 0 ? 'p-4' : undefined}>
          <QueryState
            query={todos}
            keepDataOnError
            loading={
              <p role="status" className="px-4 py-6 text-center text-sumi-600">
                {t('common.loading')}
              </p>
            }
          >
            {() =>
              all.length > 0 && (
                <>
                  <section className="main relative">
                    <div className="flex items-center gap-3 border-b border-washi-200 px-3 py-2">
                      <input
                        id="toggle-all"
                        className="toggle-all size-5 accent-ai-800"
                        type="checkbox"
                        checked={allDone}
                        onChange={(event) => toggleAll(event.target.checked)}
                      />
                      <label htmlFor="toggle-all" className="text-sm text-sumi-600">
                        {t('todos.toggleAll')}
                      </label>
                    </div>
                    <ul className="todo-list" aria-label={t('todos.listLabel')}>
                      {shown.map((todo) => (
                        <TodoItem
                          key={renderKeyOf(todo.id)}
                          todo={todo}
                          timeZone={timeZone}
                          now={now}
                          onChange={update}
                          onDelete={remove}
                        />
                      ))}
                    </ul>
                  </section>
                  <TodoFooter
                    active={counts.active}
                    completed={counts.completed}
                    filter={filter}
                    onClearCompleted={clearCompleted}
                  />
                </>
              )
            }
          </QueryState>
        </div>
      </div>
      <div aria-live="assertive" className="mt-3 min-h-10">
        {problem && (
          <p
            role="alert"
            className="todo-problem flex items-start justify-between gap-3 rounded-md border border-shu-600/40 bg-white px-4 py-2 text-sm text-shu-700"
          >
            <span>{t(`todos.problem.${problem}`)}</span>
            <button type="button" className="text-sumi-600 underline" onClick={() => setProblem(null)}>
              {t('common.dismiss')}
            </button>
          </p>
        )}
      </div>
      <p className="mt-2 text-center text-xs text-sumi-500">{t('todos.hint')}</p>
    </section>
  );
}
