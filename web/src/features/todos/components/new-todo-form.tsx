import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewTodo } from '../api/create-todo';
import { PrioritySelect } from './priority';

/** TodoMVC's `.new-todo`, plus an optional due date and priority for the next todo. */
export function NewTodoForm({ onAdd, timeZone }: { onAdd: (todo: NewTodo) => void; timeZone: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [priority, setPriority] = useState(4);
  const dueId = useId();
  const priorityId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') return;
    onAdd({ title: trimmed, priority, ...(dueAt ? { dueAt } : {}) });
    setTitle('');
    setDueAt('');
    setPriority(4);
  }

  return (
    <form onSubmit={submit} className="header">
      <h1 className="pb-2 text-center font-serif text-5xl font-light tracking-widest text-shu-600/80">
        {t('todos.heading')}
      </h1>
      <input
        className="new-todo w-full border-b border-washi-300 bg-white px-4 py-4 pl-14 text-xl placeholder:italic placeholder:text-sumi-400 focus:outline-none focus-visible:shadow-[inset_0_0_0_2px_var(--color-ai-700)]"
        placeholder={t('todos.newPlaceholder')}
        aria-label={t('todos.newLabel')}
        // biome-ignore lint/a11y/noAutofocus: TodoMVC's spec: the new-todo field has focus when the page opens
        autoFocus
        maxLength={500}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2 border-b border-washi-300 bg-washi-50 px-4 py-2 text-sm">
        <div className="flex flex-col">
          <label htmlFor={dueId} className="text-xs text-sumi-600">
            {t('todos.due')} <span className="sr-only">({t('todos.timeZoneNote', { timeZone })})</span>
          </label>
          <input
            id={dueId}
            type="datetime-local"
            className="new-todo-due rounded border border-washi-300 bg-white px-2 py-1"
            value={dueAt}
            onChange={(event) => setDueAt(event.target.value)}
          />
        </div>
        <div className="flex flex-col">
          <label htmlFor={priorityId} className="text-xs text-sumi-600">
            {t('todos.priorityLabel')}
          </label>
          <PrioritySelect id={priorityId} className="new-todo-priority" value={priority} onChange={setPriority} />
        </div>
        <p className="ml-auto self-center text-xs text-sumi-500" aria-hidden="true">
          {t('todos.timeZoneNote', { timeZone })}
        </p>
        <button type="submit" className="sr-only">
          {t('todos.add')}
        </button>
      </div>
    </form>
  );
}
