/**
 * End-to-end: results a planner can hand on (issue 12) — results, print, comparison and replay
 * say which scenario they were computed from and notice when the open scenario differs.
 */
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
});

async function openView(page: Page, id: 'scenario' | 'run' | 'compare' | 'replay') {
  await page.getByTestId(`tab-${id}`).click();
  await expect(page.getByTestId(`tab-${id}`)).toHaveAttribute('aria-selected', 'true');
}

async function runReplications(page: Page, replications: number) {
  await page.getByTestId('seed-input').fill('1');
  await page.getByTestId('replications-input').fill(String(replications));
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
}

async function openScenario(page: Page, id: string) {
  await page.getByTestId('scenario-select').selectOption(id);
  await expect(page.getByTestId('scenario-select')).toHaveValue(id);
}

test('results, print, comparison and replay say when the open scenario differs', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openView(page, 'run');
  await runReplications(page, 2);
  await expect(page.getByTestId('computed-from')).toContainText(
    '临城（示例城市） · 1–2（2 次重复）',
  );
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);

  // The replay of the current scenario, and a comparison of it.
  await openView(page, 'replay');
  await page.getByTestId('replay-seed-input').fill('1');
  await page.getByTestId('replay-run').click();
  await expect(page.getByTestId('replay-status')).toContainText('临城（示例城市） · 种子 1', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('replay-stale')).toHaveCount(0);
  await openView(page, 'compare');
  await page.getByTestId('compare-replications').fill('2');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('compare-stale')).toHaveCount(0);

  // Another scenario from the library: every view names both.
  await openScenario(page, 'mmc-3-queue');
  const ranName = '临城（示例城市）';
  for (const [view, notice] of [
    ['run', 'stale-notice'],
    ['compare', 'compare-stale'],
    ['replay', 'replay-stale'],
  ] as const) {
    await openView(page, view);
    const stale = page.getByTestId(notice);
    await expect(stale).toBeVisible();
    await expect(stale).toHaveAttribute('data-kind', 'other');
    await expect(stale).toContainText(ranName);
    await expect(stale).toContainText('M/M/3');
    await expect(page.getByTestId(`${notice}-run-again`)).toBeEnabled();
  }
  await openView(page, 'run');
  await page.screenshot({ path: `${SCREENSHOTS}/trust-01-stale-other.png` });
  // On paper the notice stays, the button goes.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await expect(page.getByTestId('stale-notice-run-again')).toBeHidden();
  await expect(page.getByTestId('print-header')).toContainText(ranName);
  await page.emulateMedia({ media: 'screen' });

  // Run again: the results are of the open scenario and the notice goes.
  await page.getByTestId('stale-notice-run-again').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  await expect(page.getByTestId('computed-from')).toContainText('M/M/3');

  // Back to the city, run it, then edit it: the results are of the scenario before the edit.
  await openScenario(page, 'default-city');
  await expect(page.getByTestId('stale-notice')).toHaveAttribute('data-kind', 'other');
  await page.getByTestId('stale-notice-run-again').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  await openView(page, 'scenario');
  await page.getByTestId('editor-tab-agencies').click();
  await page.getByTestId('agency-power').locator('select').first().selectOption('2');
  await openView(page, 'run');
  const edited = page.getByTestId('stale-notice');
  await expect(edited).toHaveAttribute('data-kind', 'edited');
  await expect(edited).toContainText('修改前的版本');
  await page.screenshot({ path: `${SCREENSHOTS}/trust-02-stale-edited.png` });
  // Undoing the edit makes them current again.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
});
