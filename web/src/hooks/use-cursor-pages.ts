import { useState } from 'react';

export type CursorPages = {
  /** The cursor of the page shown; undefined on the first page. */
  cursor: string | undefined;
  /** 1-based. */
  page: number;
  previous(): void;
  next(cursor: string): void;
};

/**
 * Keyset paging state for a list: the cursors of the pages before this one.
 * A new `filterKey` (another search, filter or sort) starts again at page 1.
 */
export function useCursorPages(filterKey: string): CursorPages {
  const [pages, setPages] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = pages.key === filterKey ? pages.cursors : [];
  return {
    cursor: cursors.at(-1),
    page: cursors.length + 1,
    previous: () => setPages({ key: filterKey, cursors: cursors.slice(0, -1) }),
    next: (cursor) => setPages({ key: filterKey, cursors: [...cursors, cursor] }),
  };
}
