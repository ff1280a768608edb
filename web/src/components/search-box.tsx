import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/** The header search: a new search starts from a clean list (other filters reset). */
export function SearchBox() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const urlQuery = location.pathname === '/products' ? (searchParams.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);

  useEffect(() => setValue(urlQuery), [urlQuery]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = value.trim();
    void navigate(q ? `/products?${new URLSearchParams({ q })}` : '/products');
  }

  return (
    <search className="block w-full min-w-0">
      <form onSubmit={onSubmit} className="flex w-full min-w-0 items-stretch">
        <label htmlFor={id} className="sr-only">
          {t('search.label')}
        </label>
        <input
          id={id}
          type="search"
          name="q"
          value={value}
          maxLength={100}
          onChange={(event) => setValue(event.target.value)}
          placeholder={t('search.placeholder')}
          enterKeyHint="search"
          className="min-w-0 flex-1 rounded-l-md border border-washi-50/30 bg-washi-50 px-3 py-2 text-sumi-900 placeholder:text-sumi-500"
        />
        <button type="submit" className="rounded-r-md bg-shu-600 px-4 font-medium text-white hover:bg-shu-700">
          {t('search.submit')}
        </button>
      </form>
    </search>
  );
}
