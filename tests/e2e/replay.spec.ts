/**
 * End-to-end: the replay view on the default city, seed 1 — the map, playback, scrubbing, the
 * log's filters, the "why" of a dispatch, and saving and reopening the trace without a run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

const clockTime = async (page: Page) =>
  Number(await page.getByTestId('replay-clock').getAttribute('data-time'));

async function statusCounts(page: Page): Promise<Record<string, number>> {
  return page.getByTestId('replay-unit').evaluateAll((units) => {
    const counts: Record<string, number> = {};
    for (const unit of units) {
      const status = unit.getAttribute('data-status')!;
      counts[status] = (counts[status] ?? 0) + 1;
    }
    return counts;
  });
}

test('replays seed 1 of the default city: play, scrub, log, why, save and reopen', async ({
  page,
}) => {
  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
  await page.getByTestId('tab-replay').click();
  await page.getByTestId('replay-seed-input').fill('1');
  await page.getByTestId('replay-run').click();

  const status = page.getByTestId('replay-status');
  await expect(status).toContainText('种子 1', { timeout: 60_000 });
  const records = Number(await status.getAttribute('data-records'));
  expect(records).toBeGreaterThan(1000);

  // The map shows every unit of the city, at base at the start.
  await expect(page.getByTestId('replay-unit')).toHaveCount(53);
  expect(await statusCounts(page)).toEqual({ atBase: 53 });
  await expect(page.getByTestId('replay-clock')).toContainText('第 1 天');

  // Play at 3600×: about an hour of simulated time per second.
  await page.getByTestId('replay-speed').selectOption('3600');
  await page.getByTestId('replay-play').click();
  await page.waitForTimeout(2500);
  await page.getByTestId('replay-play').click();
  const played = await clockTime(page);
  expect(played).toBeGreaterThan(3600);
  expect(played).toBeLessThan(12 * 3600);
  await page.waitForTimeout(400);
  expect(await clockTime(page), 'paused').toBe(played);

  // Scrub to day 3, 10:00: units out on calls, incidents on the map.
  await page.getByTestId('replay-scrubber').fill(String(2 * 86_400 + 10 * 3600));
  await expect(page.getByTestId('replay-clock')).toContainText('第 3 天');
  await expect
    .poll(async () => {
      const counts = await statusCounts(page);
      return 53 - (counts.atBase ?? 0);
    })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('replay-incident').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/replay-day3.png`, fullPage: true });

  // Filter the log by one unit: every row shown is about that unit.
  const unitOption = await page
    .getByTestId('replay-filter-unit')
    .locator('option')
    .nth(1)
    .getAttribute('value');
  await page.getByTestId('replay-filter-unit').selectOption(unitOption!);
  const count = page.getByTestId('replay-log-count');
  await expect(count).not.toContainText(`${records} / ${records}`);
  const unitName = await page
    .getByTestId('replay-filter-unit')
    .locator(`option[value="${unitOption}"]`)
    .textContent();
  const rows = page.getByTestId('replay-log-row');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain(unitName!);

  // The strip's red ticks (one path) are the calls that queued, overflowed or went unanswered.
  await page.getByTestId('replay-filter-unit').selectOption('-1');
  let trouble = 0;
  for (const label of ['转外部增援', '未处置（放弃）', '排队等待力量']) {
    await page.getByTestId('replay-filter-kind').selectOption({ label });
    trouble += Number(/显示 (\d+) \//.exec((await count.textContent())!)![1]);
  }
  expect(trouble).toBeGreaterThan(0);
  await expect(page.getByTestId('replay-trouble')).toHaveAttribute('data-count', String(trouble));
  await expect(page.getByTestId('replay-trouble')).toHaveAttribute('d', /^(M[\d.]+ 42V50)+$/);

  // In English the log's rows are written anew, in English.
  await page.getByTestId('language-switch').click();
  await expect(count).toContainText(`Showing`);
  await expect(rows.first()).toContainText('Queued for units');
  await page.getByTestId('language-switch').click();
  await expect(count).toContainText('显示');

  // Back to all units, only dispatches; click one: the replay jumps to it and the why panel
  // shows the candidates with their travel estimates and the rule.
  // The log stops following the replay and goes to its top, so that the rows stay where they
  // are while the test reads one and clicks it.
  await page.getByLabel('跟随回放').uncheck();
  await page.getByTestId('replay-filter-kind').selectOption({ label: '调度（出动指令）' });
  await expect(rows.filter({ hasNotText: '调度（出动指令）' })).toHaveCount(0);
  await page.locator('.replay-log-list').evaluate((list) => list.scrollTo(0, 0));
  await expect(rows.first()).toHaveAttribute('data-record', /\d+/);
  const dispatchRecord = await rows.nth(3).getAttribute('data-record');
  // Jumping scrolls the log to the event: find the row by its record afterwards.
  const dispatch = page.locator(`[data-testid="replay-log-row"][data-record="${dispatchRecord}"]`);
  await dispatch.click();
  await expect(page.getByTestId('replay-why-unit')).toBeVisible();
  await expect(page.getByTestId('replay-rule')).toHaveAttribute(
    'data-rule',
    /nearest|runCard|redispatch|queue/,
  );
  const candidates = page.getByTestId('replay-candidate');
  expect(await candidates.count()).toBeGreaterThan(1);
  await expect(page.locator('[data-testid="replay-candidate"][data-chosen="true"]')).toHaveCount(1);
  await expect(page.getByTestId('replay-delays')).toBeVisible();
  await expect(dispatch).toHaveClass(/replay-picked/);
  const whyUnit = await page.getByTestId('replay-why-unit').textContent();
  await page.screenshot({ path: `${SCREENSHOTS}/replay-why.png`, fullPage: true });

  // Save the trace, then open it again: the same events, without a run.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('replay-save').click();
  const download = await downloadPromise;
  const savedPath = 'test-results/saved-replay.json';
  await download.saveAs(savedPath);
  const saved = JSON.parse(readFileSync(savedPath, 'utf8'));
  expect(saved.format).toBe('drill-planner-replay');
  expect(saved.trace.length).toBe(records);

  // A damaged copy is refused and the current replay stays.
  saved.trace.time[10] = 99;
  const damagedPath = 'test-results/damaged-replay.json';
  writeFileSync(damagedPath, JSON.stringify(saved));
  await page.getByTestId('replay-open').setInputFiles(damagedPath);
  await expect(page.getByTestId('replay-error')).toContainText('文件已损坏');
  await expect(status).toHaveAttribute('data-records', String(records));

  await page.getByTestId('replay-open').setInputFiles(savedPath);
  await expect(status).toContainText('未重新运行');
  await expect(page.getByTestId('replay-error')).toHaveCount(0);
  await expect(status).toHaveAttribute('data-records', String(records));
  await expect(page.getByTestId('replay-unit')).toHaveCount(53);
  // The same dispatch, found by scrubbing to its time, explains the same way.
  await page.getByTestId('replay-filter-kind').selectOption({ label: '调度（出动指令）' });
  await page
    .getByTestId('replay-scrubber')
    .fill(String(Math.ceil(saved.trace.time[dispatchRecord!])));
  await dispatch.click();
  await expect(page.getByTestId('replay-why-unit')).toHaveText(whyUnit!);
  expect(await candidates.count()).toBeGreaterThan(1);
  await page.screenshot({ path: `${SCREENSHOTS}/replay-reopened.png`, fullPage: true });
});
