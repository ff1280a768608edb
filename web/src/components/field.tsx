import { type ComponentProps, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/** What a field hands its control: the id its label points at, and the links to its hint and error. */
export type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

type FieldProps = {
  label: string;
  /** Shown under the control, and read with it. */
  hint?: string | undefined;
  /** The message for this field (from `fieldErrors`); marks the control invalid and is read with it. */
  error?: string | undefined;
  optional?: boolean;
  children: (control: ControlProps) => ReactNode;
};

/**
 * The one labelled form field: a label, the control (any input, select or
 * textarea, given the props to spread), its hint and its error, wired with
 * `aria-describedby` / `aria-invalid` so a screen reader reads them together.
 */
export function Field({ label, hint, error, optional = false, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        {optional && <span className="ml-1 text-sumi-500">({t('common.optional')})</span>}
      </label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <p id={hintId} className="text-xs text-sumi-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-shu-700">
          {error}
        </p>
      )}
    </div>
  );
}

const controlClass = 'rounded border border-washi-300 bg-white px-2 py-1.5';
// a select always matches :read-only, so only text controls take the read-only look
const textClass = `${controlClass} read-only:bg-washi-100`;

type InputAttributes = Omit<ComponentProps<'input'>, 'id' | 'value' | 'onChange' | 'children'>;

type TextFieldProps = Omit<FieldProps, 'children'> &
  InputAttributes & {
    value: string;
    onChange: (value: string) => void;
    /** A textarea of this many rows instead of a one-line input. */
    rows?: number;
  };

/**
 * A Field with a text input (or a textarea when `rows` is given); other
 * input attributes (`inputMode`, `maxLength`, `autoComplete`, a width in
 * `className`) pass through.
 */
export function TextField({
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  rows,
  className,
  ...input
}: TextFieldProps) {
  const classes = `${textClass} ${className ?? ''}`;
  return (
    <Field label={label} hint={hint} error={error} optional={optional}>
      {(control) =>
        rows ? (
          <textarea
            {...control}
            name={input.name}
            readOnly={input.readOnly}
            rows={rows}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            className={classes}
          />
        ) : (
          <input {...input} {...control} value={value} onChange={(e) => onChange(e.target.value)} className={classes} />
        )
      }
    </Field>
  );
}

type SelectFieldProps<V extends string> = Omit<FieldProps, 'children'> & {
  value: V | '';
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  /** A first, empty choice ("choose…"), for a value not chosen yet. */
  placeholder?: string;
  name?: string;
  autoComplete?: string;
  className?: string;
};

/** A Field with a select whose value comes back typed as one of `options`. */
export function SelectField<V extends string>({
  value,
  options,
  onChange,
  placeholder,
  name,
  autoComplete,
  className,
  ...field
}: SelectFieldProps<V>) {
  const choose = (raw: string) => {
    const option = options.find((o) => o.value === raw);
    if (option) onChange(option.value);
  };
  return (
    <Field {...field}>
      {(control) => (
        <select
          {...control}
          name={name}
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => choose(e.target.value)}
          className={`${controlClass} ${className ?? ''}`}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
