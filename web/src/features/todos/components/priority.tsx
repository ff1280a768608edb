import { useTranslation } from 'react-i18next';

export const priorities = [1, 2, 3, 4] as const;

export function PrioritySelect(props: {
  id?: string;
  className?: string;
  value: number;
  onChange: (priority: number) => void;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  return (
    <select
      id={props.id}
      aria-label={props['aria-label']}
      className={`rounded border border-washi-300 bg-white px-2 py-1 ${props.className ?? ''}`}
      value={props.value}
      onChange={(event) => props.onChange(Number(event.target.value))}
    >
      {priorities.map((p) => (
        <option key={p} value={p}>
          {t(`todos.priority.${p}`)}
        </option>
      ))}
    </select>
  );
}

const badgeColours: Record<number, string> = {
  1: 'bg-shu-600 text-white',
  2: 'bg-shu-600/15 text-shu-700',
  3: 'bg-ai-700/10 text-ai-800',
};

/** Shown for priorities 1–3; 4 (the default, lowest) needs no badge. */
export function PriorityBadge({ priority }: { priority: number }) {
  const { t } = useTranslation();
  if (priority >= 4) return null;
  return (
    <span className={`priority rounded px-1.5 py-0.5 text-xs font-semibold ${badgeColours[priority] ?? ''}`}>
      {t(`todos.priority.${priority}`)}
    </span>
  );
}
