import { expect, SCREENSHOTS, test } from './offline.ts';
test('scratch', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('tab-drill').click();
  await expect(page.getByTestId('drill-view')).toBeVisible({ timeout: 30000 });
  await expect(page.getByTestId('drill-check')).toHaveAttribute('data-state', /valid|invalid/, { timeout: 30000 });
  await page.screenshot({ path: `${SCREENSHOTS}/scratch-1.png` });
  await page.screenshot({ path: `${SCREENSHOTS}/scratch-full.png`, fullPage: true });
});
