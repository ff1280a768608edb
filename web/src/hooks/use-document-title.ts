import { useEffect } from 'react';

const shopName = '蔵 Kura';

/** Sets the tab title; pages name themselves first so tabs stay distinguishable. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} | ${shopName}` : shopName;
  }, [title]);
}
