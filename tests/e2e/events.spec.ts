/**
 * End-to-end: the external events form (issue 12, forms) — the typhoon's events as a timeline
 * with days and clock times, a time changed by typing a clock time, an event added and made a
 * unit going out of service chosen by name, a road segment found by a nearby place; the file
 * keeps seconds, edge indices and unit ids.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { expect, SCREENSHOTS, test } from './offline.ts';

async function exportScenario(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-scenario').click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

test('the typhoon’s events as a timeline, edited by clock time and by name', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await page.getByTestId('scenario-select').selectOption('huzhou-flood');
  await page.getByTestId('editor-tab-events').click();
  const editor = page.getByTestId('editor-events');
  const events = builtinScenario('huzhou-flood').events;
  const rows = editor.getByTestId('event-row');
  await expect(rows).toHaveCount(events.length);
  // In time order; the first is the flood season switched on at the start.
  await expect(rows.first().getByTestId('field-events[0].day')).toHaveValue('1');
  await expect(rows.first().getByTestId('field-events[0].at')).toHaveValue('00:00');
  await expect(rows.first().getByTestId('field-events[0].type')).toHaveValue('season');
  await expect(rows.first()).toContainText('时期切换');
  await expect(rows.first()).toContainText('汛期');
  // The closed roads read as places, not bare numbers.
  const closeIndex = events.findIndex((e) => e.type === 'closeRoad');
  const closeRow = editor.locator(`[data-index="${closeIndex}"]`);
  await expect(closeRow.getByTestId('event-roads')).toContainText('南浔');
  await page.screenshot({ path: `${SCREENSHOTS}/events-timeline.png` });

  // The surge of calls at 20:00 on day 1 moved to 21:30 by typing the time.
  const surge = events.findIndex((e) => e.type === 'callRateFactor');
  expect(events[surge].at).toBe(72_000);
  const clock = editor.getByTestId(`field-events[${surge}].at`);
  await expect(clock).toHaveValue('20:00');
  await clock.fill('21:30');
  await clock.press('Enter');
  // A time that is no time is refused at the field, in words.
  const day = editor.getByTestId(`field-events[${surge}].day`);
  await day.fill('2');
  await day.press('Enter');
  await expect(editor.getByTestId(`field-events[${surge}].day`)).toHaveValue('2');
  const bad = editor.getByTestId(`field-events[${surge}].at`);
  await bad.fill('25:99');
  await bad.press('Enter');
  await expect(bad).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toContainText('钟点应为“时:分”');
  await bad.fill('21:30');
  await bad.press('Enter');

  // A new event: a unit out of service, chosen by its name.
  await editor.getByTestId('event-add').click();
  const added = events.length;
  const kind = editor.getByTestId(`field-events[${added}].type`);
  await kind.selectOption('unitOutOfService');
  const unit = editor.getByTestId(`field-events[${added}].unit`);
  const scenario = builtinScenario('huzhou-flood');
  const boat = scenario.units.find((u) => u.capabilities.includes('waterRescue'))!;
  await unit.selectOption({ label: boat.name });

  // A segment added to the closure by a place near it.
  await closeRow.locator('summary').click();
  await closeRow.getByTestId('event-road-search').fill('消防');
  await expect(closeRow.getByTestId('event-road-add').first()).toBeVisible();
  await closeRow.getByTestId('event-road-add').first().click();
  await page.screenshot({ path: `${SCREENSHOTS}/events-edited.png` });

  const doc = await exportScenario(page);
  expect(doc.events[surge]).toEqual({
    type: 'callRateFactor',
    at: 86_400 + 21.5 * 3600,
    factor: 1.5,
  });
  expect(doc.events[added]).toMatchObject({ type: 'unitOutOfService', unit: boat.id });
  expect(doc.events[closeIndex].edges.length).toBe(
    (events[closeIndex] as { edges: number[] }).edges.length + 1,
  );

  // The same form in English.
  await page.getByTestId('language-switch').click();
  await expect(rows.first()).toContainText('season switched');
  await expect(rows.first()).toContainText('flood season');
  await page.screenshot({ path: `${SCREENSHOTS}/events-english.png` });
});
