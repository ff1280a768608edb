import type { Page } from '@playwright/test';

/** Where a run leaves its screenshots for a person to look at (KURA_SCREENSHOTS), or nowhere. */
const screenshotDir = process.env.KURA_SCREENSHOTS;

/** A full-page screenshot named `name`, when the run asked for them. */
export async function shoot(page: Page, name: string): Promise<void> {
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}
