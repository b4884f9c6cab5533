/**
 * End-to-end: worker 0 lost outside a run (ended without a word, or hung). Nobody supervises
 * it then, but the scenario check still answers: a check left unanswered retires the worker
 * and a fresh one checks the whole document. The check's patience is shortened for the test.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './offline.ts';

async function editWarmup(page: Page, seconds: string) {
  const warmup = page.getByTestId('field-warmup');
  await warmup.fill(seconds);
  await warmup.press('Enter');
}

for (const fault of ['terminate', 'hang'] as const) {
  test(`worker 0 lost outside a run (${fault}): the next edit is still checked`, async ({
    page,
  }) => {
    await page.goto('/');
    const validation = page.getByTestId('validation-status');
    await expect(validation).toContainText('情景有效');
    const lostAt = await page.evaluate((fault) => {
      const pool = window.__drillPlanner!.pool!;
      pool.checkTimeoutMs = 3000;
      return pool[fault](0);
    }, fault);

    // A warm-up longer than the run: an error only a new check can find.
    await editWarmup(page, '99999999');
    await expect(validation).toContainText('1 处错误', { timeout: 30_000 });
    const checkedMs = Math.round((await page.evaluate(() => performance.now())) - lostAt);
    console.log(`worker 0 ${fault}: the edit was checked ${checkedMs} ms after the loss`);
    const events = await page.evaluate(() => window.__drillPlanner!.pool!.events());
    expect(events.map((event) => event.reason)).toContain('unanswered check');

    // And the one after it, on the fresh worker, by patches.
    await editWarmup(page, '86400');
    await expect(validation).toContainText('情景有效', { timeout: 30_000 });
  });
}
