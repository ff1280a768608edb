import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// A port per checkout (4310–4409), so two clones or worktrees on one machine never
// reuse each other's server; KURA_E2E_PORT overrides it.
const port = Number(
  process.env.KURA_E2E_PORT ?? 4310 + ((createHash('sha256').update(repoRoot).digest()[0] ?? 0) % 100),
);
// `localhost`, not 127.0.0.1: the local sign-in provider's issuer and redirect URIs
// are built from the server's own URL (http://localhost:PORT).
const baseURL = `http://localhost:${port}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: './e2e',
  // one shared server with one in-memory database; one worker fits a 2-core machine
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: 0,
  // sign-ups hash passwords with scrypt on purpose; two of them on a loaded 2-core runner need room
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: ci ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium: `playwright install` cannot download browsers here
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npm run build -w @kura/web && PORT=${port} KURA_EPHEMERAL=true node --import tsx server/src/entry/local.ts`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/ready`,
    // a condition, not a pace: the build and the first start take minutes on a busy 2-core runner
    timeout: 360_000,
    reuseExistingServer: !ci,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
