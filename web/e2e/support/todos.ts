import { expect, type Page } from '@playwright/test';

export const todoSelectors = {
  newTodo: '.new-todo',
  items: '.todo-list li',
  count: '.todo-count',
  main: '.main',
  footer: '.footer',
  toggleAll: '.toggle-all',
  clearCompleted: '.clear-completed',
} as const;

export async function addTodos(page: Page, ...titles: string[]): Promise<void> {
  const input = page.locator(todoSelectors.newTodo);
  for (const title of titles) {
    await input.fill(title);
    await input.press('Enter');
  }
}

export async function expectTitles(page: Page, titles: string[]): Promise<void> {
  await expect(page.locator(`${todoSelectors.items} label`)).toHaveText(titles);
}

/** Waits until no todo write is in flight (the page marks itself busy while saving). */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.todoapp')).toHaveAttribute('aria-busy', 'false');
}
