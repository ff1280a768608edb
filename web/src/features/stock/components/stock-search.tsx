import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function StockSearch({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(q);
  const id = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim());
  }
  return (
    <form aria-label={t('stock.searchForm')} onSubmit={submit} className="flex items-end gap-2">
      <div className="flex flex-col">
        <label htmlFor={id} className="text-sm font-medium">
          {t('stock.search')}
        </label>
        <input
          id={id}
          type="search"
          value={value}
          maxLength={200}
          placeholder={t('stock.searchPlaceholder')}
          onChange={(e) => setValue(e.target.value)}
          className="w-64 rounded border border-washi-300 bg-white px-2 py-1.5"
        />
      </div>
      <button type="submit" className="btn-secondary">
        {t('stock.search')}
      </button>
    </form>
  );
}
