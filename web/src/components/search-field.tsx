import { useId } from 'react';

/** The back-office list search: a labelled search box with its submit button beside it (inside the caller's form). */
export function SearchField({
  label,
  placeholder,
  submitLabel,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  submitLabel: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="search"
          value={value}
          maxLength={200}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          className="w-64 rounded border border-washi-300 bg-white px-2 py-1.5"
        />
        <button type="submit" className="btn-secondary">
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
