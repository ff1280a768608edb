import { expect, type Page, test } from '@playwright/test';
import { accessToken, signUpAndOpen } from './support/auth';
import { switchLanguage } from './support/language';
import { addTodos, expectTitles, todoSelectors as s, settled } from './support/todos';

// TodoMVC's functional spec (tastejs/todomvc app-spec.md), each test with a fresh account.

async function openTodos(page: Page): Promise<void> {
  await signUpAndOpen(page, '/todos');
  await expect(page.getByRole('heading', { level: 1, name: 'やること' })).toBeVisible();
}

test('new todos: focus on open, trimmed, empty ignored, appended, input cleared; main and footer only with todos', async ({
  page,
}) => {
  await openTodos(page);
  const input = page.locator(s.newTodo);
  await expect(input).toBeFocused();
  await expect(page.locator(s.main)).toHaveCount(0);
  await expect(page.locator(s.footer)).toHaveCount(0);

  await input.press('Enter');
  await input.fill('   ');
  await input.press('Enter');
  await expect(page.locator(s.items)).toHaveCount(0);
  await expect(page.locator(s.main)).toHaveCount(0);

  await addTodos(page, '  牛乳を買う  ', 'お米を研ぐ');
  await expectTitles(page, ['牛乳を買う', 'お米を研ぐ']);
  await expect(input).toHaveValue('');
  await expect(input).toBeFocused();
  await expect(page.locator(s.main)).toBeVisible();
  await expect(page.locator(s.footer)).toBeVisible();
  await expect(page.locator(s.count)).toHaveText('2 件の未完了');

  // persisted on the server: the same list after a reload
  await settled(page);
  await page.reload();
  await expectTitles(page, ['牛乳を買う', 'お米を研ぐ']);
});

test('toggle, toggle-all, counter (singular and plural) and clear completed', async ({ page }) => {
  await openTodos(page);
  await switchLanguage(page, 'en');
  await addTodos(page, 'one', 'two', 'three');
  const items = page.locator(s.items);
  await expect(page.locator(s.count)).toHaveText('3 items left');
  await expect(page.locator(s.clearCompleted)).toHaveCount(0);

  await items.nth(1).locator('.toggle').check();
  await expect(items.nth(1)).toHaveClass(/\bcompleted\b/);
  await expect(page.locator(s.count)).toHaveText('2 items left');
  await expect(page.locator(s.clearCompleted)).toBeVisible();

  await items.nth(0).locator('.toggle').check();
  await expect(page.locator(s.count)).toHaveText('1 item left');
  await items.nth(0).locator('.toggle').uncheck();
  await expect(items.nth(0)).not.toHaveClass(/\bcompleted\b/);

  // toggle-all completes everything, is then checked, and a second click reopens everything
  await page.locator(s.toggleAll).check();
  await expect(items.filter({ has: page.locator('.toggle:checked') })).toHaveCount(3);
  await expect(page.locator(s.count)).toHaveText('0 items left');
  await page.locator(s.toggleAll).uncheck();
  await expect(items.filter({ has: page.locator('.toggle:checked') })).toHaveCount(0);
  // and follows the items: checked only when every todo is done
  for (const i of [0, 1, 2]) await items.nth(i).locator('.toggle').check();
  await expect(page.locator(s.toggleAll)).toBeChecked();
  await items.nth(2).locator('.toggle').uncheck();
  await expect(page.locator(s.toggleAll)).not.toBeChecked();

  await page.locator(s.clearCompleted).click();
  await expectTitles(page, ['three']);
  await expect(page.locator(s.clearCompleted)).toHaveCount(0);
  await settled(page);
  await page.reload();
  await expectTitles(page, ['three']);
  await expect(page.locator(s.count)).toHaveText('1 item left');

  // the last todo gone: main and footer hide again
  await items.first().hover();
  await items.first().locator('.destroy').click();
  await expect(page.locator(s.main)).toHaveCount(0);
  await expect(page.locator(s.footer)).toHaveCount(0);
});

for (const language of ['ja', 'en'] as const) {
  test(`TodoMVC removes what it does not show, not hides it (${language})`, async ({ page }) => {
    await openTodos(page);
    if (language === 'en') {
      await switchLanguage(page, 'en');
      await expect(page.locator(s.newTodo)).toHaveAttribute('placeholder', /What needs to be done/);
    }
    // no todos: neither the list nor the footer is in the page
    await expect(page.locator(s.main)).toHaveCount(0);
    await expect(page.locator(s.footer)).toHaveCount(0);

    await addTodos(page, 'one', 'two');
    await expect(page.locator(s.main)).toHaveCount(1);
    await expect(page.locator(s.footer)).toHaveCount(1);
    // nothing completed: no clear-completed button at all
    await expect(page.locator(s.clearCompleted)).toHaveCount(0);

    // the row being edited holds only its edit field: the checkbox and label are gone, not hidden
    const items = page.locator(s.items);
    await items.nth(0).locator('label').dblclick();
    await expect(items.nth(0).locator('.edit')).toBeFocused();
    await expect(items.nth(0).locator('.toggle')).toHaveCount(0);
    await expect(items.nth(0).locator('label')).toHaveCount(0);
    await expect(items.nth(1).locator('.toggle')).toHaveCount(1);
    await items.nth(0).locator('.edit').press('Escape');
    await expect(items.nth(0).locator('.toggle')).toHaveCount(1);
    await expect(items.nth(0).locator('.edit')).toHaveCount(0);
    // and nothing in the app is merely hidden
    await expect(page.locator('.todoapp [hidden], .todoapp .hidden')).toHaveCount(0);

    await items.nth(1).locator('.toggle').check();
    await expect(page.locator(s.clearCompleted)).toHaveCount(1);
    await page.locator(s.clearCompleted).click();
    await expect(page.locator(s.clearCompleted)).toHaveCount(0);
    await items.first().hover();
    await items.first().locator('.destroy').click();
    await expect(page.locator(s.main)).toHaveCount(0);
    await expect(page.locator(s.footer)).toHaveCount(0);
  });
}

test('editing: double-click, Enter and blur save trimmed, Escape cancels, empty deletes', async ({ page }) => {
  await openTodos(page);
  await addTodos(page, 'buy some cheese', 'feed the cat', 'book a doctors appointment');
  const items = page.locator(s.items);

  await items.nth(1).locator('label').dblclick();
  await expect(items.nth(1)).toHaveClass(/\bediting\b/);
  await expect(items.nth(1).locator('.toggle')).toHaveCount(0); // other controls hidden while editing
  const edit = items.nth(1).locator('.edit');
  await expect(edit).toBeFocused();
  await expect(edit).toHaveValue('feed the cat');
  await edit.fill('   buy some sausages   ');
  await edit.press('Enter');
  await expect(items.nth(1)).not.toHaveClass(/\bediting\b/);
  await expectTitles(page, ['buy some cheese', 'buy some sausages', 'book a doctors appointment']);

  await items.nth(0).locator('label').dblclick();
  await items.nth(0).locator('.edit').fill('cheddar');
  await page.locator(s.newTodo).click(); // blur saves
  await expectTitles(page, ['cheddar', 'buy some sausages', 'book a doctors appointment']);

  await items.nth(2).locator('label').dblclick();
  await items.nth(2).locator('.edit').fill('never saved');
  await items.nth(2).locator('.edit').press('Escape');
  await expectTitles(page, ['cheddar', 'buy some sausages', 'book a doctors appointment']);

  await items.nth(1).locator('label').dblclick();
  await items.nth(1).locator('.edit').fill('   ');
  await items.nth(1).locator('.edit').press('Enter');
  await expectTitles(page, ['cheddar', 'book a doctors appointment']);

  await settled(page);
  await page.reload();
  await expectTitles(page, ['cheddar', 'book a doctors appointment']);
});

test('filters live in the URL: links, selected state, direct loads and back', async ({ page }) => {
  await openTodos(page);
  await addTodos(page, 'active one', 'done one', 'active two');
  await page.locator(s.items).nth(1).locator('.toggle').check();
  await settled(page);

  const filters = page.locator('.filters li a');
  await expect(filters).toHaveText(['すべて', '未完了', '完了済み']);
  await expect(filters.nth(0)).toHaveClass(/\bselected\b/);

  await filters.nth(1).click();
  await expect(page).toHaveURL('/todos/active');
  await expectTitles(page, ['active one', 'active two']);
  await expect(filters.nth(1)).toHaveClass(/\bselected\b/);
  await expect(filters.nth(0)).not.toHaveClass(/\bselected\b/);

  await filters.nth(2).click();
  await expect(page).toHaveURL('/todos/completed');
  await expectTitles(page, ['done one']);

  await page.goBack();
  await expect(page).toHaveURL('/todos/active');
  await expectTitles(page, ['active one', 'active two']);

  // a completed todo leaves the Active view at once
  await page.locator(s.items).first().locator('.toggle').click();
  await expectTitles(page, ['active two']);

  await page.goto('/todos/completed');
  await expectTitles(page, ['active one', 'done one']);
  await expect(filters.nth(2)).toHaveClass(/\bselected\b/);
  await page.goto('/todos');
  await expectTitles(page, ['active one', 'done one', 'active two']);
});

test('due date in the user’s time zone, priority, and overdue highlighting', async ({ page }) => {
  await openTodos(page);
  // a todo due yesterday and one due next year, both with a priority
  const header = page.locator('form.header');
  await header.getByLabel('期限').fill('2020-01-15T09:30');
  await header.getByLabel('優先度').selectOption({ label: '緊急' });
  await addTodos(page, '確定申告');
  await header.getByLabel('期限').fill(`${new Date().getFullYear() + 1}-03-01T18:00`);
  await addTodos(page, '花見の準備');
  await addTodos(page, '期限なし');
  await settled(page);
  await page.reload();

  const items = page.locator(s.items);
  await expect(items.nth(0)).toHaveClass(/\boverdue\b/);
  await expect(items.nth(0)).toContainText('期限切れ');
  await expect(items.nth(0).locator('.priority')).toHaveText('緊急');
  // stored as 09:30 in Asia/Tokyo (the account's zone): 00:30 UTC
  await expect(items.nth(0).locator('time')).toHaveAttribute('datetime', '2020-01-15T00:30:00.000Z');
  await expect(items.nth(0).locator('time')).toHaveText('2020/1/15(水) 9:30');
  await expect(items.nth(1)).not.toHaveClass(/\boverdue\b/);
  await expect(items.nth(1).locator('time')).toContainText('18:00');
  await expect(items.nth(2).locator('.due')).toHaveCount(0);

  // completing an overdue todo ends the highlight
  await items.nth(0).locator('.toggle').check();
  await expect(items.nth(0)).not.toHaveClass(/\boverdue\b/);

  // change due date and priority of an existing todo
  await items.nth(2).getByRole('button', { name: '「期限なし」の期限と優先度' }).click();
  const details = items.nth(2).locator('.todo-details');
  await details.getByLabel(/期限/).fill('2021-06-01T12:00');
  await details.getByLabel('優先度').selectOption({ label: '高' });
  await details.getByRole('button', { name: '保存' }).click();
  await expect(items.nth(2)).toHaveClass(/\boverdue\b/);
  await expect(items.nth(2).locator('.priority')).toHaveText('高');
  await settled(page);
  await page.reload();
  await expect(items.nth(2).locator('time')).toHaveAttribute('datetime', '2021-06-01T03:00:00.000Z');

  // and remove the due date again
  await items.nth(2).getByRole('button', { name: '「期限なし」の期限と優先度' }).click();
  await expect(items.nth(2).locator('.todo-details').getByLabel(/期限/)).toHaveValue('2021-06-01T12:00');
  await items.nth(2).getByRole('button', { name: '期限を外す' }).click();
  await items.nth(2).getByRole('button', { name: '保存' }).click();
  await expect(items.nth(2)).not.toHaveClass(/\boverdue\b/);
  await expect(items.nth(2).locator('.due')).toHaveCount(0);
});

test('keyboard only: add, complete, edit and delete without a mouse', async ({ page }) => {
  await openTodos(page);
  await page.keyboard.type('キーボードで追加');
  await page.keyboard.press('Enter');
  await expectTitles(page, ['キーボードで追加']);

  // from the new-todo field: due, priority, then the toggle-all, then the item's own controls
  const item = page.locator(s.items).first();
  const toggle = item.locator('.toggle');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(item).toHaveClass(/\bcompleted\b/);
  await page.keyboard.press('Tab');
  await expect(item.getByRole('button', { name: '「キーボードで追加」を編集' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(item.locator('.edit')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('書き直した');
  await page.keyboard.press('Enter');
  await expectTitles(page, ['書き直した']);
  // focus returns to the item, not into a new edit
  const editButton = item.getByRole('button', { name: '「書き直した」を編集' });
  await expect(editButton).toBeFocused();
  await expect(item).not.toHaveClass(/\bediting\b/);
  await page.keyboard.press('Tab'); // details
  await page.keyboard.press('Tab'); // delete
  await expect(item.locator('.destroy')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator(s.items)).toHaveCount(0);
});

test('optimistic changes roll back and say so when the server refuses', async ({ page }) => {
  await openTodos(page);
  await addTodos(page, 'stays open');
  await settled(page);

  await page.route('**/api/todos/*', (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'INTERNAL', message: 'boom', requestId: 'e2e' } }),
        })
      : route.continue(),
  );
  const item = page.locator(s.items).first();
  await item.locator('.toggle').click();
  await expect(page.getByRole('alert')).toContainText('元に戻しました');
  await expect(item).not.toHaveClass(/\bcompleted\b/);
  await expect(item.locator('.toggle')).not.toBeChecked();
  await expect(page.locator(s.count)).toHaveText('1 件の未完了');
  await page.unroute('**/api/todos/*');
});

test('a change made elsewhere is not overwritten: 412, reload, and the user is told', async ({ page }) => {
  await openTodos(page);
  await addTodos(page, 'original');
  await settled(page);

  // another tab renames it (through the API, with the same account)
  const token = await accessToken(page);
  const list = await page.request.get('/api/todos', { headers: { authorization: `Bearer ${token}` } });
  const [todo] = (await list.json()).items;
  const renamed = await page.request.patch(`/api/todos/${todo.id}`, {
    headers: { authorization: `Bearer ${token}`, 'if-match': `"${todo.version}"` },
    data: { title: 'changed in another tab' },
  });
  expect(renamed.status()).toBe(200);

  // this tab still shows the old version and edits it
  const item = page.locator(s.items).first();
  await item.locator('label').dblclick();
  await item.locator('.edit').fill('my edit');
  await item.locator('.edit').press('Enter');
  await expect(page.getByRole('alert')).toContainText('別の場所');
  await expectTitles(page, ['changed in another tab']);

  // now up to date, the next edit goes through
  await item.locator('label').dblclick();
  await item.locator('.edit').fill('my edit');
  await item.locator('.edit').press('Enter');
  await settled(page);
  await page.reload();
  await expectTitles(page, ['my edit']);
});
