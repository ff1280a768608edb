import { expect, type Locator, type Page } from '@playwright/test';

export type CardInfo = {
  name: string;
  href: string;
  price: number;
  category: string;
  availability: string;
};

/** The list of product results (labelled 検索結果 / Results). */
export function resultList(page: Page, name: string | RegExp = /検索結果|Results/): Locator {
  return page.getByRole('list', { name });
}

/** Reads what a shopper sees on each product card of a list (one round trip). */
export async function readCards(list: Locator): Promise<CardInfo[]> {
  await expect(list.getByRole('listitem').first()).toBeVisible();
  return list.getByRole('listitem').evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector('h3 a');
      // what the card says about the product, not its controls (the quick add)
      const action = (item.querySelector('[data-testid="card-action"]') as HTMLElement | null)?.innerText ?? '';
      const text = (item as HTMLElement).innerText.replace(action, '');
      const price = /¥([\d,]+)/.exec(text)?.[1];
      const lines = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      return {
        name: link?.textContent?.trim() ?? '',
        href: link?.getAttribute('href') ?? '',
        price: price ? Number(price.replaceAll(',', '')) : Number.NaN,
        category: lines[0] ?? '',
        availability: lines.at(-1) ?? '',
      };
    }),
  );
}

/** Waits until the live status says how many products are shown, and returns that number. */
export async function shownCount(page: Page): Promise<number> {
  const status = page.getByRole('status');
  await expect(status).toHaveText(/\d+/);
  const match = /(\d+)/.exec(await status.innerText());
  return Number(match?.[1]);
}

export async function searchFromHeader(page: Page, term: string): Promise<void> {
  const box = page.getByRole('search').getByRole('searchbox');
  await box.fill(term);
  await box.press('Enter');
}
