/**
 * End-to-end: the probability that every unit with a capability is unavailable (issue 12, item
 * 10) after a run of the default city — the table by capability in Chinese and English with its
 * definition, on screen and in print, and its figure among the key figures.
 */
import { expect, SCREENSHOTS, test } from './offline.ts';

test('the all-units-unavailable table by capability, in both languages and in print', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByTestId('tab-run').click();
  await page.getByTestId('seed-input').fill('1');
  await page.getByTestId('replications-input').fill('5');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  const table = page.getByTestId('all-busy');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table).toContainText('力量全部不可用的概率（按能力）');
  await expect(table).toContainText('不可用指：自出动指令起');
  const rows = table.getByTestId('all-busy-row');
  await expect(rows.first()).toContainText('任一事件类型所需能力');
  await expect(table.locator('[data-capability="fire"]')).toContainText('灭火');
  expect(await rows.count()).toBeGreaterThan(5);
  // No capability token on the Chinese page: every row is in words.
  const text = await table.locator('tbody').innerText();
  expect(text).not.toMatch(/[A-Za-z]{3}/);
  await expect(page.getByTestId('row-allUnitsBusy')).toBeVisible();
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: `${SCREENSHOTS}/all-busy-zh.png` });

  await page.emulateMedia({ media: 'print' });
  await table.scrollIntoViewIfNeeded();
  await expect(table).toBeVisible();
  await table.screenshot({ path: `${SCREENSHOTS}/all-busy-print-zh.png` });
  await page.emulateMedia({ media: 'screen' });

  await page.getByTestId('language-switch').click();
  await expect(table).toContainText('Probability that every unit with a capability is unavailable');
  await expect(rows.first()).toContainText('Any capability an incident kind needs');
  await expect(table.locator('[data-capability="fire"]')).toContainText('firefighting');
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: `${SCREENSHOTS}/all-busy-en.png` });
});
