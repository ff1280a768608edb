import { useId } from 'react';

/**
 * A labelled select for a list filter: "any" (undefined) or one of `options`.
 * The value comes back typed, as one of the options' values.
 */
export function FilterSelect<V extends string>({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  /** The first entry, meaning no filter (or the default order). */
  anyLabel: string;
  value: V | undefined;
  options: readonly { value: V; label: string }[];
  onChange: (value: V | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(options.find((option) => option.value === e.target.value)?.value)}
        className="rounded border border-washi-300 bg-white px-2 py-1.5"
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
