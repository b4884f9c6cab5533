/**
 * End-to-end: a dispatch system's export with what was observed of each unit (one row per unit,
 * US dates in March 2025, outside the scenario's run) imported in the app, in Chinese: the
 * observed columns pre-selected from their names, rows grouped by incident number, the run
 * fitted to the calls' span (on by default, since the calls fall outside the run); then the
 * 校准 tab calibrates against the imported history and shows observed against simulated.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';

const FIXTURE = 'tests/fixtures/calls-observed-us-dates.csv';
const ROWS = readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1);
const INCIDENTS = new Set(ROWS.map((row) => row.split(',')[0])).size;

async function exportScenario(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-scenario').click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

test('import calls with observed times, fit the run, calibrate against them', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-calls').click();
  const dialog = page.getByTestId('call-import-dialog');
  await dialog.getByTestId('call-import-file').setInputFiles(FIXTURE);
  await expect(dialog.getByTestId('call-column-time')).toHaveValue('接警时间');
  await expect(dialog.getByTestId('call-column-kind')).toHaveValue('事件类型');
  await expect(dialog.getByTestId('call-place-lonLat')).toBeChecked();

  // The observed columns, pre-selected from their names.
  const observed = dialog.getByTestId('call-observed');
  await expect(observed).toContainText('观测时间（可选，用于校准）');
  await expect(observed.getByTestId('call-observed-dispatched')).toHaveValue('派车时间');
  await expect(observed.getByTestId('call-observed-enRoute')).toHaveValue('出动时间');
  await expect(observed.getByTestId('call-observed-onScene')).toHaveValue('到场时间');
  await expect(observed.getByTestId('call-observed-cleared')).toHaveValue('返队时间');
  await expect(observed.getByTestId('call-observed-unit')).toHaveValue('处警单位');
  await expect(observed.getByTestId('call-observed-agency')).toHaveValue('');

  // The calls are in March 2025, outside the run: the fit is on, and says the run it makes.
  const fit = dialog.getByTestId('call-fit-run');
  await expect(fit).toBeChecked();
  await expect(dialog.getByTestId('call-fit-hint')).toHaveText(
    '来电时间超出当前模拟时段。调整后：开始 2025-03-17 00:00，时长 38 小时',
  );

  // Not grouped yet: one call per row. Grouped by incident number: one per incident.
  await expect(dialog.getByTestId('call-import-result')).toHaveText(`可导入 ${ROWS.length} 起来电`);
  await dialog.getByTestId('call-column-groupBy').selectOption('警情编号');
  await expect(dialog.getByTestId('call-import-result')).toHaveText(`可导入 ${INCIDENTS} 起来电`);
  await expect(dialog.getByTestId('call-observed-result')).toHaveText(
    `其中 ${INCIDENTS} 起带观测时间（共 ${ROWS.length} 个力量）`,
  );

  // Without the fit every call is before the run's start: each row said, none imported.
  await fit.uncheck();
  await expect(dialog.getByTestId('call-import-result')).toHaveText(
    `可导入 0 起来电，${ROWS.length} 行有问题（不导入）`,
  );
  await expect(dialog.getByTestId('call-import-problems')).toContainText('早于');
  await fit.check();
  await expect(dialog.getByTestId('call-import-result')).toHaveText(`可导入 ${INCIDENTS} 起来电`);

  // A time written wrong in an observed column is named with its line, like the rest.
  await observed.getByTestId('call-observed-cleared').selectOption('事件类型');
  await expect(dialog.getByTestId('call-import-problems')).toContainText('事件类型');
  await observed.getByTestId('call-observed-cleared').selectOption('返队时间');
  await expect(dialog.getByTestId('call-import-problems')).toHaveCount(0);

  await dialog.getByTestId('call-observed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/observed-import-zh.png`, fullPage: true });
  await dialog.getByTestId('call-import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('undo')).toHaveAttribute(
    'title',
    new RegExp(`导入来电记录 calls-observed-us-dates\\.csv（${INCIDENTS} 起）`),
  );
  const imported = await exportScenario(page);
  expect(imported.start).toBe('2025-03-17T00:00');
  expect(imported.duration).toBe(38 * 3600);
  const withObserved = imported.arrivals.incidents.filter(
    (i: { observed?: unknown }) => i.observed,
  );
  expect(withObserved).toHaveLength(INCIDENTS);

  await page.getByTestId('editor-tab-calibrate').click();
  const panel = page.getByTestId('calibration-panel');
  await panel.getByTestId('calibration-replications').fill('1');
  await panel.getByTestId('calibration-start').click();
  const response = panel.getByTestId('calibration-response');
  await expect(response).toBeVisible({ timeout: 110_000 });
  const overall = response.locator('tbody tr').first();
  await expect(overall.locator('th')).toHaveText('总体');
  // Observed, before and after: each "median / p90" in minutes; then how many incidents.
  for (let cell = 0; cell < 3; cell++)
    await expect(overall.locator('td').nth(cell)).toHaveText(/^\d+\.\d 分钟 \/ \d+\.\d 分钟$/);
  const compared = Number(await overall.locator('td').nth(3).textContent());
  expect(compared).toBe(INCIDENTS);
  await expect(response).toContainText('急危重症');
  // The units, matched by name, fit their agencies' mobilisation.
  await expect(panel.getByTestId('calibration-fit')).toContainText('临城市急救中心');
  await page.screenshot({
    path: `${SCREENSHOTS}/observed-import-calibrated-zh.png`,
    fullPage: true,
  });
});

test('in English: the observed columns and the fit said in English', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
  await page.getByTestId('language-switch').click();
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-calls').click();
  const dialog = page.getByTestId('call-import-dialog');
  await dialog.getByTestId('call-import-file').setInputFiles(FIXTURE);
  const observed = dialog.getByTestId('call-observed');
  await expect(observed).toContainText('Observed times (optional, for calibration)');
  await expect(observed).toContainText('On scene');
  await expect(observed.getByTestId('call-observed-onScene')).toHaveValue('到场时间');
  await dialog.getByTestId('call-column-groupBy').selectOption('警情编号');
  await expect(dialog.getByTestId('call-fit-hint')).toHaveText(
    'The calls fall outside the current run. Fitted: starts 2025-03-17 00:00, 38 h',
  );
  await expect(dialog.getByTestId('call-observed-result')).toHaveText(
    `${INCIDENTS} of them with observed times (${ROWS.length} unit(s))`,
  );
  await dialog.getByTestId('call-observed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/observed-import-en.png`, fullPage: true });
});
