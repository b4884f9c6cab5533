import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright cannot download its own browser builds here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT and E2E_DIST let several checkouts or builds run their tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4179);

export default defineConfig({
  testDir: 'tests/e2e',
  // `npm test` builds dist/ before this runs; the server only serves it.
  webServer: {
    command: 'node scripts/serve.mjs',
    env: { PORT: String(PORT), DIST: process.env.E2E_DIST ?? 'dist' },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  use: {
    browserName: 'chromium',
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
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
});
