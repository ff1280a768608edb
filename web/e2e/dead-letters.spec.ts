import { expect, test } from '@playwright/test';
import { demo, signInOnProvider } from './support/auth';

/**
 * The operator's flow: a poisoned message lands in the dead letters and is
 * redriven from the back office. The e2e server is one local process, so the
 * poison is the local profile's drill (an event that fails on its first
 * delivery and succeeds once redriven); the server test proves the drill is
 * 404 in every other profile.
 */
test('staff see a poisoned event in the dead letters, read why it failed, and redrive it', async ({ page }) => {
  await page.goto('/admin/dead-letters');
  await signInOnProvider(page, demo.staff);
  await expect(page).toHaveURL('/admin/dead-letters');
  await expect(page.getByRole('heading', { level: 1, name: '失敗したイベント' })).toBeVisible();

  await page.getByRole('button', { name: '練習用の失敗イベントを送る' }).click();
  await expect(page.getByRole('status')).toHaveText('練習用イベントを送りました。数秒でここに現れます。');

  // The relay publishes it, the consumer fails it for good, the list (polling) shows it.
  const row = page.locator('.dead-letter-row', { hasText: 'DeadLetterDrill' }).first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('Drill: this event fails on its first delivery');
  await row.getByText('内容を表示').click();
  await expect(row.locator('pre')).toContainText('"note"');

  // Redrive it, confirming first: the status says so and it leaves the list (handled this time).
  const key = (await row.locator('code').innerText()).trim();
  await row.getByRole('button', { name: `DeadLetterDrill ${key} を再投入` }).click();
  await expect(row.getByText('このイベントをキューに戻しますか？')).toBeVisible();
  await row.getByRole('button', { name: '再投入する' }).click();
  await expect(page.getByRole('status')).toHaveText('1 件を再投入しました。');
  await expect(page.locator('.dead-letter-row', { hasText: key })).toHaveCount(0);
  // It does not come back: the consumer handled it. The queue is first in, first out, so a second drill
  // sent now is handled after the redriven one; once the second shows up in the list, the first is settled.
  await page.getByRole('button', { name: '練習用の失敗イベントを送る' }).click();
  const later = page.locator('.dead-letter-row', { hasText: 'DeadLetterDrill' }).filter({ hasNotText: key });
  await expect(later.first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '再読み込み' }).click();
  await expect(later.first()).toBeVisible();
  await expect(page.locator('.dead-letter-row', { hasText: key })).toHaveCount(0);

  // The menu leads here too.
  await page.goto('/admin');
  await expect(page.getByRole('link', { name: '失敗したイベント' }).first()).toBeVisible();
});
