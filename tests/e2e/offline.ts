/**
 * The end-to-end tests' `test`: every page is offline-checked. Requests to any host but the
 * app's own are blocked and fail the test, as do uncaught errors and console errors (a blocked
 * request or a Content-Security-Policy violation shows up there too).
 */
import { expect, test as base } from '@playwright/test';

export { expect };

/** Where the tests put the screenshots people look at. */
export const SCREENSHOTS = 'test-results/screenshots';

export const test = base.extend<{ offlineGuard: void }>({
  offlineGuard: [
    async ({ page }, use) => {
      const foreignRequests: string[] = [];
      const pageErrors: string[] = [];
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        const local =
          url.protocol === 'data:' ||
          url.protocol === 'blob:' ||
          url.hostname === '127.0.0.1' ||
          url.hostname === 'localhost';
        if (local) return route.continue();
        foreignRequests.push(url.href);
        return route.abort('blockedbyclient');
      });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      await use();
      expect(foreignRequests, 'requests to other hosts').toEqual([]);
      expect(pageErrors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});
