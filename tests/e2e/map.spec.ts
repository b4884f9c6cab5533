/**
 * End-to-end: the city map (scenario tab), its isochrones (checked against the pure function
 * run in Node on the same scenario) and the coverage map of a run (run tab).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { isochroneBases, isochrones } from '../../src/sim/isochrones.ts';
import type { Report } from '../../src/sim/analysis/report.ts';
import { isochroneBand } from '../../src/ui/map/scales.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
});

function roadGraphOf(scenario: Scenario) {
  if (scenario.travel.model !== 'roadGraph') throw new Error('expected a road graph');
  return scenario.travel;
}

/** Segments drawn in the paths matched (each edge is one "M…L…" in a path's d). */
async function segmentsIn(paths: Locator): Promise<number[]> {
  return paths.evaluateAll((elements) =>
    elements.map((element) => (element.getAttribute('d') ?? '').split('M').length - 1),
  );
}

/** The zoomed group's transform. */
function zoomOf(map: Locator): Promise<string> {
  return map
    .locator('svg.map-svg > g')
    .first()
    .evaluate((g) => g.getAttribute('transform') ?? '');
}

/** Edges per isochrone band as the map draws them (index 6: unreachable). */
async function drawnBands(map: Locator): Promise<number[]> {
  const counts = await segmentsIn(map.locator('.map-isochrones path'));
  return counts;
}

/** Edges per band from the pure function, banded by the slower end as the map does. */
function expectedBands(scenario: Scenario, hourOfWeek: number, tier?: 1 | 2 | 3): number[] {
  const result = isochrones(scenario, { hourOfWeek, ...(tier ? { tier } : {}) });
  if (!result.ok) throw new Error(result.reason);
  const counts = new Array(7).fill(0);
  for (const edge of roadGraphOf(scenario).edges) {
    counts[isochroneBand(Math.max(result.seconds[edge.from], result.seconds[edge.to]))]++;
  }
  return counts;
}

async function openBuiltin(page: Page, id: string) {
  await page.getByTestId('scenario-select').selectOption(id);
  await expect(page.getByTestId('scenario-select')).toHaveValue(id);
}

test('the city map draws default-city, zooms, pans and selects', async ({ page }) => {
  const scenario = builtinScenario('default-city');
  const map = page.getByTestId('scenario-map');
  await expect(map.locator('[data-district-id]')).toHaveCount(scenario.districts.length);
  await expect(map.locator('[data-base-id]')).toHaveCount(scenario.bases.length);
  // Roads: one path per road class, together every edge once.
  const roads = map.locator('.map-road');
  const classes = new Set(roadGraphOf(scenario).edges.map((edge) => edge.roadClass));
  await expect(roads).toHaveCount(classes.size);
  const segments = await segmentsIn(roads);
  expect(segments.reduce((a, b) => a + b, 0)).toBe(roadGraphOf(scenario).edges.length);
  await page.screenshot({ path: `${SCREENSHOTS}/map-default-city.png` });

  // Zoom with the buttons, then the keyboard; reset.
  expect(await zoomOf(map)).toBe('translate(0,0) scale(1)');
  await map.getByTestId('map-zoom-in').click();
  await expect.poll(() => zoomOf(map)).toMatch(/scale\(1\.5\)$/);
  await map.getByTestId('map-zoom-reset').click();
  await expect.poll(() => zoomOf(map)).toBe('translate(0,0) scale(1)');
  await map.locator('svg.map-svg').focus();
  await page.keyboard.press('+');
  await expect.poll(() => zoomOf(map)).toMatch(/scale\(1\.5\)$/);
  await page.keyboard.press('ArrowLeft');
  const panned = await zoomOf(map);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => zoomOf(map)).not.toBe(panned);
  await page.keyboard.press('0');
  await expect.poll(() => zoomOf(map)).toBe('translate(0,0) scale(1)');
  // Wheel zoom.
  const box = (await map.locator('svg.map-svg').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => zoomOf(map)).not.toBe('translate(0,0) scale(1)');
  await map.getByTestId('map-zoom-reset').click();

  // A district chosen from the keyboard is outlined; hovering a base tells its units.
  const district = scenario.districts[0];
  await map.getByTestId(`map-district-${district.id}`).focus();
  await page.keyboard.press('Enter');
  await expect(map.getByTestId('map-selected')).toHaveCount(1);
  const base = scenario.bases[0];
  const unitsThere = scenario.units.filter((unit) => unit.base === base.id);
  await map.getByTestId(`map-base-${base.id}`).locator('.map-base-mark').hover();
  await expect(map.locator('.map-tooltip')).toContainText(base.name);
  await expect(map.locator('.map-tooltip')).toContainText(unitsThere[0].name);
  await page.screenshot({ path: `${SCREENSHOTS}/map-default-city-hover.png` });
  // Clicking a base selects it (the scenario view opens the units' editor).
  await map.getByTestId(`map-base-${base.id}`).locator('.map-base-mark').click();
  await expect(map.getByTestId('map-selected')).toHaveCount(1);
});

test('isochrones from bases match the simulator’s road model', async ({ page }) => {
  const scenario = builtinScenario('default-city');
  const map = page.getByTestId('scenario-map');
  await map.getByTestId('isochrones-toggle').check();
  const state = map.getByTestId('isochrones-state');
  await expect(state).toHaveAttribute('data-state', 'done');
  await expect(map.locator('.map-road')).toHaveCount(0);
  // Default: all bases, 08:00–09:00 (Monday; the speeds depend on the hour of the day only).
  expect(await drawnBands(map)).toEqual(expectedBands(scenario, 8));
  await expect(state).toContainText(String(scenario.bases.length));
  await page.screenshot({ path: `${SCREENSHOTS}/map-isochrones.png` });

  await map.getByTestId('isochrones-hour').selectOption('3');
  await expect.poll(() => drawnBands(map)).toEqual(expectedBands(scenario, 3));
  await map.getByTestId('isochrones-bases').selectOption('2');
  await expect.poll(() => drawnBands(map)).toEqual(expectedBands(scenario, 3, 2));
  const tierTwoBases = isochroneBases(scenario, { hourOfWeek: 3, tier: 2 }).length;
  await expect(state).toContainText(String(tierTwoBases));
  // Fewer bases: no road is reached sooner than from all of them.
  expect(expectedBands(scenario, 3, 2)[0]).toBeLessThan(expectedBands(scenario, 3)[0]);

  await map.getByTestId('isochrones-toggle').uncheck();
  await expect(map.locator('.map-isochrones')).toHaveCount(0);
  await expect(map.locator('.map-road').first()).toBeVisible();
});

test('islands are drawn as several parts; a matrix scenario has no roads', async ({ page }) => {
  await openBuiltin(page, 'zhoushan-islands');
  const scenario = builtinScenario('zhoushan-islands');
  const map = page.getByTestId('scenario-map');
  await expect(map.locator('[data-district-id]')).toHaveCount(scenario.districts.length);
  const rings = scenario.districts.reduce((sum, d) => sum + (d.polygons?.length ?? 1), 0);
  const drawnRings = await map
    .locator('[data-district-id]')
    .evaluateAll((paths) =>
      paths.reduce((sum, path) => sum + (path.getAttribute('d') ?? '').split('Z').length - 1, 0),
    );
  expect(drawnRings).toBe(rings);
  await expect(map.locator('.map-road-ferry')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/map-zhoushan-islands.png` });
  await map.getByTestId('isochrones-toggle').check();
  await expect(map.getByTestId('isochrones-state')).toHaveAttribute('data-state', 'done');
  await page.screenshot({ path: `${SCREENSHOTS}/map-zhoushan-isochrones.png` });

  await openBuiltin(page, 'mmc-3-queue');
  await expect(map.locator('[data-district-id]')).toHaveCount(1);
  await expect(map.locator('.map-road')).toHaveCount(0);
  await expect(map.getByTestId('isochrones-need-roads')).toBeVisible();
});

test('benchmark-city: the map of the largest road graph draws in time', async ({ page }) => {
  const scenario = builtinScenario('benchmark-city');
  const started = await page.evaluate(() => performance.now());
  await openBuiltin(page, 'benchmark-city');
  const map = page.getByTestId('scenario-map');
  await expect(map.locator('[data-base-id]')).toHaveCount(scenario.bases.length);
  const segments = await segmentsIn(map.locator('.map-road'));
  expect(segments.reduce((a, b) => a + b, 0)).toBe(roadGraphOf(scenario).edges.length);
  const drawnAfter = (await page.evaluate(() => performance.now())) - started;
  // Includes building the scenario in the worker and checking it.
  console.log(`benchmark-city: chosen to drawn in ${Math.round(drawnAfter)} ms`);
  expect(drawnAfter).toBeLessThan(10_000);
  await page.screenshot({ path: `${SCREENSHOTS}/map-benchmark-city.png` });
});

test('the coverage map of a run shows districts, places and the worst first', async ({ page }) => {
  await page.getByTestId('tab-run').click();
  await page.getByTestId('seed-input').fill('1');
  await page.getByTestId('replications-input').fill('10');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  const coverage = page.getByTestId('coverage-map');
  await coverage.scrollIntoViewIfNeeded();
  const report = (await page.evaluate(() => window.__drillPlanner!.lastReport())) as Report;
  const scenario = builtinScenario('default-city');
  const means = scenario.districts.map(
    (district) => report.aggregate[`tierOneCoverage.byDistrict.${district.id}`].mean,
  );
  const rows = coverage.getByTestId('coverage-table').locator('tbody tr');
  await expect(rows).toHaveCount(scenario.districts.length);
  const shown = await rows
    .getByTestId('coverage-mean')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
  expect(shown).toEqual(means.slice().sort((a, b) => a - b));
  await expect(coverage.locator('.map-point')).toHaveCount(
    Object.keys(report.coverageCells).length,
  );
  await expect(coverage.getByTestId('map-legend')).toBeVisible();
  await coverage.screenshot({ path: `${SCREENSHOTS}/coverage-map.png` });
});
