import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Todo } from '../api/todo-cache';
import type { TodoChanges } from '../api/update-todo';
import { formatDue, isOverdue, toLocalInputValue } from '../due-date';
import { PriorityBadge, PrioritySelect } from './priority';

type TodoItemProps = {
  todo: Todo;
  timeZone: string;
  now: Date;
  onChange: (id: string, changes: TodoChanges) => void;
  onDelete: (id: string) => void;
};

const iconButton =
  'rounded px-2 py-1 text-sumi-500 hover:bg-washi-100 hover:text-sumi-900 focus-visible:opacity-100 sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100';

export function TodoItem({ todo, timeZone, now, onChange, onDelete }: TodoItemProps) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'view' | 'editing' | 'details'>('view');
  const editButton = useRef<HTMLButtonElement>(null);
  const overdue = isOverdue(todo, now);
  const classes = [todo.completed && 'completed', mode === 'editing' && 'editing', overdue && 'overdue']
    .filter(Boolean)
    .join(' ');

  function finishEditing(title: string | null, byKeyboard: boolean) {
    setMode('view');
    // back to the item for keyboard users; a blur means focus already went elsewhere
    if (byKeyboard) setTimeout(() => editButton.current?.focus({ preventScroll: true }));
    if (title === null) return; // cancelled
    const trimmed = title.trim();
    if (trimmed === '') onDelete(todo.id);
    else if (trimmed !== todo.title) onChange(todo.id, { title: trimmed });
  }

  return (
    <li
      className={`${classes} group border-b border-washi-200 last:border-b-0 ${overdue ? 'bg-shu-600/5' : ''}`}
      data-priority={todo.priority}
    >
      {mode === 'editing' ? (
        <EditTitle title={todo.title} onDone={finishEditing} />
      ) : (
        <div className="view flex items-center gap-3 px-3 py-3">
          <input
            className="toggle size-6 shrink-0 accent-ai-800"
            type="checkbox"
            checked={todo.completed}
            aria-label={t(todo.completed ? 'todos.markActive' : 'todos.markCompleted', { title: todo.title })}
            onChange={(event) => onChange(todo.id, { completed: event.target.checked })}
          />
          <div className="min-w-0 flex-1">
            {/* biome-ignore lint/a11y/noLabelWithoutControl: TodoMVC's markup; keyboard users have the edit button */}
            <label
              className={`block break-words text-lg ${todo.completed ? 'text-sumi-400 line-through' : 'text-sumi-900'}`}
              onDoubleClick={() => setMode('editing')}
            >
              {todo.title}
            </label>
            {(todo.dueAt || todo.priority < 4) && (
              <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs">
                <PriorityBadge priority={todo.priority} />
                {todo.dueAt && (
                  <span className={`due ${overdue ? 'font-semibold text-shu-700' : 'text-sumi-600'}`}>
                    {overdue && <span className="mr-1">{t('todos.overdue')}</span>}
                    <span className="sr-only">{t('todos.due')}: </span>
                    <time dateTime={todo.dueAt}>{formatDue(todo.dueAt, timeZone, i18n.language, now)}</time>
                  </span>
                )}
              </p>
            )}
            {todo.link && (
              <Link
                to={todo.link}
                className="todo-link text-xs text-ai-700 underline underline-offset-2"
                aria-label={t('todos.openLinkOf', { title: todo.title })}
              >
                {t('todos.openLink')}
              </Link>
            )}
          </div>
          <button
            ref={editButton}
            type="button"
            className={`edit-button ${iconButton}`}
            aria-label={t('todos.edit', { title: todo.title })}
            onClick={() => setMode('editing')}
          >
            <span aria-hidden="true">✎</span>
          </button>
          <button
            type="button"
            className={`details-button ${iconButton}`}
            aria-expanded={mode === 'details'}
            aria-label={t('todos.details', { title: todo.title })}
            onClick={() => setMode(mode === 'details' ? 'view' : 'details')}
          >
            <span aria-hidden="true">⋯</span>
          </button>
          <button
            type="button"
            className={`destroy text-xl ${iconButton} hover:text-shu-700`}
            aria-label={t('todos.delete', { title: todo.title })}
            onClick={() => onDelete(todo.id)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      {mode === 'details' && (
        <DetailsForm
          todo={todo}
          timeZone={timeZone}
          onSave={(changes) => {
            setMode('view');
            if (Object.keys(changes).length > 0) onChange(todo.id, changes);
          }}
          onCancel={() => setMode('view')}
        />
      )}
    </li>
  );
}

/** TodoMVC's `.edit`: Enter or leaving the field saves, Escape cancels. */
function EditTitle({ title, onDone }: { title: string; onDone: (title: string | null, byKeyboard: boolean) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(title);
  const done = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  function finish(result: string | null, byKeyboard: boolean) {
    if (done.current) return;
    done.current = true;
    onDone(result, byKeyboard);
  }

  return (
    <input
      ref={input}
      className="edit block w-full border border-ai-700 px-4 py-3 text-lg shadow-inner focus:outline-none"
      aria-label={t('todos.editLabel')}
      maxLength={500}
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => finish(value, false)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== 'Escape') return;
        // no default action: the Enter would otherwise press the button that gets focus next
        event.preventDefault();
        finish(event.key === 'Enter' ? value : null, true);
      }}
    />
  );
}

function DetailsForm(props: {
  todo: Todo;
  timeZone: string;
  onSave: (changes: TodoChanges) => void;
  onCancel: () => void;
}) {
  const { todo, timeZone } = props;
  const { t } = useTranslation();
  const initialDue = toLocalInputValue(todo.dueAt, timeZone);
  const [dueAt, setDueAt] = useState(initialDue);
  const [priority, setPriority] = useState(todo.priority);
  const dueId = useId();
  const priorityId = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const changes: TodoChanges = {};
    if (dueAt !== initialDue) changes.dueAt = dueAt === '' ? null : dueAt;
    if (priority !== todo.priority) changes.priority = priority;
    props.onSave(changes);
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
      className="todo-details flex flex-wrap items-end gap-3 bg-washi-50 px-12 pb-3 pt-1 text-sm"
      aria-label={t('todos.details', { title: todo.title })}
    >
      <div className="flex flex-col">
        <label htmlFor={dueId} className="text-xs text-sumi-600">
          {t('todos.due')} ({timeZone})
        </label>
        <input
          ref={first}
          id={dueId}
          type="datetime-local"
          className="rounded border border-washi-300 bg-white px-2 py-1"
          value={dueAt}
          onChange={(event) => setDueAt(event.target.value)}
        />
      </div>
      <div className="flex flex-col">
        <label htmlFor={priorityId} className="text-xs text-sumi-600">
          {t('todos.priorityLabel')}
        </label>
        <PrioritySelect id={priorityId} value={priority} onChange={setPriority} />
      </div>
      {dueAt !== '' && (
        <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => setDueAt('')}>
          {t('todos.clearDue')}
        </button>
      )}
      <button type="submit" className="btn-primary px-3 py-1 text-sm">
        {t('common.save')}
      </button>
      <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
