import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchField } from '@/components/search-field';

export function StockSearch({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(q);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim());
  }
  return (
    <form aria-label={t('stock.searchForm')} onSubmit={submit} className="flex items-end gap-2">
      <SearchField
        label={t('stock.search')}
        placeholder={t('stock.searchPlaceholder')}
        submitLabel={t('stock.search')}
        value={value}
        onChange={setValue}
      />
    </form>
  );
}
