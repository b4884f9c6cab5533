/**
 * End-to-end: a scenario with imported call history (observed times per unit) is calibrated in
 * the 校准 tab; observed against simulated response shows before and after the fit; "apply"
 * writes the fitted values as one edit and undo takes them back.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';

const FIXTURE = 'tests/e2e/fixtures/calibration-history.json';
/** The fixture's guessed arterial speed, before calibration. */
const GUESSED = JSON.parse(readFileSync(FIXTURE, 'utf8')).travel.roadClasses.arterial.speedKmh;

async function exportScenario(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-scenario').click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

test('calibrate a scenario against its history, apply the fit, undo it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
  await page.getByTestId('open-file-input').setInputFiles(FIXTURE);
  // Opened before calibrating: on a loaded machine the click could come first and calibrate the
  // default city, which has no observed times.
  await expect(page.getByTestId('scenario-origin')).toHaveText('文件 calibration-history.json', {
    timeout: 60_000,
  });
  await page.getByTestId('editor-tab-calibrate').click();
  const panel = page.getByTestId('calibration-panel');
  await expect(panel).toContainText('用导入的接处警记录');
  await panel.getByTestId('calibration-replications').fill('2');
  await panel.getByTestId('calibration-start').click();

  const response = panel.getByTestId('calibration-response');
  await expect(response).toBeVisible({ timeout: 110_000 });
  const overall = response.locator('tbody tr').first();
  await expect(overall.locator('th')).toHaveText('总体');
  // Observed, before and after: each "median / p90" in minutes.
  await expect(overall.locator('td')).toHaveCount(4);
  for (let cell = 0; cell < 3; cell++)
    await expect(overall.locator('td').nth(cell)).toHaveText(/^\d+\.\d 分钟 \/ \d+\.\d 分钟$/);
  await expect(response).toContainText('临城区');
  await expect(response).toContainText('急危重症');
  const fit = panel.getByTestId('calibration-fit');
  await expect(fit).toContainText('主干道');
  await expect(fit).toContainText('每次行程固定耗时');
  await expect(fit).toContainText('临城市急救中心');
  await expect(fit).not.toContainText('arterial');
  await expect(panel.getByTestId('calibration-scatter').locator('circle.after')).not.toHaveCount(0);
  await expect(panel.getByTestId('calibration-map')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/calibration-zh.png`, fullPage: true });
  await panel.getByTestId('calibration-fit').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/calibration-fit-zh.png` });
  await panel.getByTestId('calibration-scatter').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/calibration-scatter-zh.png` });
  await panel.getByTestId('calibration-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/calibration-map-zh.png` });

  const before = await exportScenario(page);
  expect(before.travel.roadClasses.arterial.speedKmh).toBeCloseTo(GUESSED, 5);
  await panel.getByTestId('calibration-apply').click();
  await expect(panel.getByTestId('calibration-applied')).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /应用校准拟合值/);
  const applied = await exportScenario(page);
  expect(applied.travel.roadClasses.arterial.speedKmh).toBeGreaterThan(40);
  expect(applied.travel.tripOverheadSeconds).toBeGreaterThan(20);
  expect(applied.dispatch.callHandling.type).toBe('lognormal');
  expect(applied.arrivals.incidents).toHaveLength(before.arrivals.incidents.length);

  await page.getByTestId('undo').click();
  // Back to the calibrated version: the fit can be applied again.
  await expect(panel.getByTestId('calibration-applied')).toBeHidden();
  await expect(panel.getByTestId('calibration-apply')).toBeEnabled();
  const undone = await exportScenario(page);
  expect(undone.travel.roadClasses.arterial.speedKmh).toBeCloseTo(GUESSED, 5);
  expect(undone.dispatch.callHandling).toEqual(before.dispatch.callHandling);

  await page.getByTestId('language-switch').click();
  await expect(panel).toContainText('Fits this scenario');
  await expect(response.locator('tbody tr').first().locator('th')).toHaveText('Overall');
  await expect(fit).toContainText('arterial');
  await page.screenshot({ path: `${SCREENSHOTS}/calibration-en.png`, fullPage: true });
});
