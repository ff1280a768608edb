import type { Page } from '@playwright/test';

const buttonName = { ja: '日本語', en: 'English' } as const;

/** Switches the display language with the header's switch, found by its label in either language. */
export function switchLanguage(page: Page, language: keyof typeof buttonName): Promise<void> {
  return page
    .getByRole('group', { name: /^(表示言語|Language)$/ })
    .getByRole('button', { name: buttonName[language], exact: true })
    .click();
}
