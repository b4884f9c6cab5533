/**
 * End-to-end: the forms that replace raw JSON (issue 12, forms), in Chinese at 1366×768 —
 * districts (a table; a district in use cannot be removed and the form says where), dispatch
 * (call handling in minutes, the queue's longest wait, run cards by unit name), arrival targets
 * in minutes, roads (a class's speed, a segment picked by clicking it on the map and made
 * one-way), the day-of-week profile, and a road closure's segment picked on the map. Each edit
 * is checked in the exported file (seconds, ids) and undone; bad values are refused at the field.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { expect, SCREENSHOTS, test } from './offline.ts';

async function exportScenario(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-scenario').click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

/**
 * The middle of the longest drawn segment of `roadClass`, in page coordinates: a click there
 * is on that road and away from its crossings.
 */
async function pointOnRoad(map: Locator, roadClass: string): Promise<{ x: number; y: number }> {
  return map.locator(`path.map-road-${roadClass}`).evaluate((element) => {
    const path = element as SVGPathElement;
    const segments = (path.getAttribute('d') ?? '')
      .split('M')
      .filter((part) => part !== '')
      .map((part) => part.split('L').flatMap((point) => point.split(',').map(Number)));
    const longest = segments.reduce((best, next) =>
      Math.hypot(next[2] - next[0], next[3] - next[1]) >
      Math.hypot(best[2] - best[0], best[3] - best[1])
        ? next
        : best,
    );
    const middle = new DOMPoint((longest[0] + longest[2]) / 2, (longest[1] + longest[3]) / 2);
    const point = middle.matrixTransform(path.getScreenCTM()!);
    return { x: point.x, y: point.y };
  });
}

async function typeInto(field: Locator, text: string) {
  await field.fill(text);
  await field.press('Enter');
}

test('districts, dispatch, targets, roads and the week edited as forms, undone', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await expect(page.getByTestId('validation-status')).toContainText('情景有效');
  const scenario = builtinScenario('default-city');
  const undo = page.getByTestId('undo');

  // Districts: a table by name; rural made urban; a bad weight refused at the field.
  await page.getByTestId('editor-tab-districts').click();
  const districts = page.getByTestId('editor-districts');
  await expect(districts.locator('tbody tr')).toHaveCount(scenario.districts.length);
  const rural = scenario.districts.findIndex((d) => d.area === 'rural');
  await page.getByTestId(`field-districts[${rural}].area`).selectOption('urban');
  await expect(undo).toHaveAttribute('title', new RegExp(`辖区 ${scenario.districts[rural].name}`));
  const weight = page.getByTestId(`field-districts[${rural}].callWeight`);
  await typeInto(weight, '-5');
  await expect(weight).toHaveAttribute('aria-invalid', 'true');
  await expect(districts).toContainText('不能为负数');
  await weight.press('Escape');
  // A district named by a run card cannot be removed: the form says where it is used.
  const card = scenario.dispatch.runCards[0];
  const used = scenario.districts.findIndex((d) => d.id === card.district);
  await page.getByTestId(`district-remove-${used}`).click();
  await expect(page.getByTestId('district-blocked')).toContainText('出动预案');
  await page.screenshot({ path: `${SCREENSHOTS}/forms-district-in-use.png` });
  await expect(districts.locator('tbody tr')).toHaveCount(scenario.districts.length);
  // Added, then undone.
  await page.getByTestId('district-add').click();
  await expect(districts.locator('tbody tr')).toHaveCount(scenario.districts.length + 1);
  await expect(districts).not.toContainText('district');
  await page.screenshot({ path: `${SCREENSHOTS}/forms-districts.png` });
  await undo.click();
  await expect(districts.locator('tbody tr')).toHaveCount(scenario.districts.length);

  // Dispatch: call handling in minutes; the queue's longest wait; a run card by unit name.
  await page.getByTestId('editor-tab-dispatch').click();
  const dispatch = page.getByTestId('editor-dispatch');
  await dispatch.getByTestId('field-dispatch.callHandling.type').selectOption('fixed');
  await typeInto(dispatch.getByTestId('field-dispatch.callHandling.value'), '2');
  const wait = dispatch.getByTestId('field-dispatch.maxQueueWait');
  await typeInto(wait, '0');
  await expect(wait).toHaveAttribute('aria-invalid', 'true');
  await expect(dispatch).toContainText('必须大于 0');
  await typeInto(wait, '45');
  await expect(wait).toHaveAttribute('aria-invalid', 'false');
  await page.screenshot({ path: `${SCREENSHOTS}/forms-dispatch-top.png` });
  const firstCard = dispatch.getByTestId('run-card-0');
  const listed = firstCard.getByTestId('run-card-unit');
  await expect(listed).toHaveCount(card.units.length);
  const extra = scenario.units.find((u) => !card.units.includes(u.id))!;
  await firstCard
    .getByTestId('run-card-add-unit-0')
    .selectOption({ label: await optionLabel(firstCard, extra.name) });
  await expect(listed).toHaveCount(card.units.length + 1);
  await expect(listed.last()).toContainText(extra.name);
  // Moved to the front.
  for (let i = card.units.length; i > 0; i--) {
    await listed.nth(i).getByRole('button', { name: /上移/ }).click();
  }
  await expect(listed.first()).toContainText(extra.name);
  await expect(dispatch).not.toContainText(extra.id);
  await page.screenshot({ path: `${SCREENSHOTS}/forms-dispatch.png` });

  // Targets in minutes: tier 1 urban 30 → 20; a negative target refused.
  await page.getByTestId('editor-tab-targets').click();
  const urban = page.getByTestId('field-targets.tier1.urban');
  await expect(urban).toHaveValue(String(scenario.targets.tier1.urban / 60));
  await typeInto(urban, '-3');
  await expect(page.getByTestId('editor-targets')).toContainText('不能为负数');
  await typeInto(urban, '20');
  await expect(urban).toHaveAttribute('aria-invalid', 'false');
  await page.screenshot({ path: `${SCREENSHOTS}/forms-targets.png` });

  // Roads: the arterial speed; a segment picked on the map, made one-way.
  await page.getByTestId('editor-tab-roads').click();
  const roads = page.getByTestId('editor-roads');
  await expect(roads.getByTestId('road-class-arterial')).toContainText('主干道');
  await typeInto(roads.getByTestId('field-travel.roadClasses.arterial.speedKmh'), '45');
  await roads.getByTestId('road-class-details-arterial').click();
  await expect(
    roads.getByTestId('profile-chart-travel.roadClasses.arterial.hourFactors'),
  ).toBeVisible();
  const map = page.getByTestId('scenario-map');
  const spot = await pointOnRoad(map, 'arterial');
  await page.mouse.click(spot.x, spot.y);
  const row = roads.getByTestId('segment-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('→');
  await expect(row.getByTestId(/field-travel\.edges\[\d+\]\.roadClass/)).toHaveValue('arterial');
  await expect(page.getByTestId('map-picked-roads').locator('line')).toHaveCount(1);
  const segment = Number(await row.getAttribute('data-segment'));
  await row.getByTestId(`field-travel.edges[${segment}].oneWay`).check();
  await expect(roads.getByTestId('segments-by-hand')).toContainText('1 条');
  await page.screenshot({ path: `${SCREENSHOTS}/forms-roads.png` });

  // The week: Sunday three times a weekday for the first call stream.
  await page.getByTestId('editor-tab-incidents').click();
  const stream = scenario.arrivals.streams[0];
  await page.getByTestId(`stream-details-${stream.kind}`).click();
  const week = page.getByTestId('day-profile-arrivals.streams[0].dayProfile');
  if (stream.dayProfile === undefined) await week.getByTestId('set-day-profile').click();
  await typeInto(week.getByTestId('field-arrivals.streams[0].dayProfile[6]'), '3');
  await expect(week.getByTestId('day-shares')).toContainText('周日');
  await week.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/forms-week.png` });

  // The file: seconds and ids, as the loader reads them.
  const doc = await exportScenario(page);
  expect(doc.districts[rural].area).toBe('urban');
  expect(doc.dispatch.callHandling).toEqual({ type: 'fixed', value: 120 });
  expect(doc.dispatch.maxQueueWait).toBe(45 * 60);
  expect(doc.dispatch.runCards[0].units).toEqual([extra.id, ...card.units]);
  expect(doc.targets.tier1.urban).toBe(1200);
  expect(doc.travel.roadClasses.arterial.speedKmh).toBe(45);
  expect(doc.travel.edges[segment].oneWay).toBe(true);
  expect(doc.arrivals.streams[0].dayProfile[6]).toBe(3);
  await page.getByTestId('editor-tab-overview').click();
  await expect(page.getByTestId('validation-status')).toContainText('情景有效');

  // Undo takes back each edit in turn, the week first, back to the target.
  for (let step = 0; step < 6; step++) {
    if ((await undo.getAttribute('title'))?.includes('到场时限')) break;
    await undo.click();
  }
  await expect(undo).toHaveAttribute('title', /到场时限：一级联动单位 城区/);
  await page.getByTestId('editor-tab-targets').click();
  await expect(page.getByTestId('field-targets.tier1.urban')).toHaveValue('20');
  await undo.click();
  await expect(page.getByTestId('field-targets.tier1.urban')).toHaveValue(
    String(scenario.targets.tier1.urban / 60),
  );
  // The same forms in English: no ids, durations in minutes.
  await page.getByTestId('language-switch').click();
  await page.getByTestId('editor-tab-dispatch').click();
  await expect(page.getByTestId('editor-dispatch')).toContainText('Call taking and assessment');
  await expect(page.getByTestId('editor-dispatch')).toContainText('Run cards');
  await page.screenshot({ path: `${SCREENSHOTS}/forms-dispatch-english.png` });
  await page.getByTestId('editor-tab-roads').click();
  await expect(page.getByTestId('road-class-arterial')).toContainText('arterial road');
  await page.getByTestId('editor-tab-districts').click();
  await expect(page.getByTestId('editor-districts')).toContainText('Share of weight');
  await page.screenshot({ path: `${SCREENSHOTS}/forms-districts-english.png` });
  await page.getByTestId('language-switch').click();

  const undone = await exportScenario(page);
  expect(undone.targets?.tier1?.urban ?? 1800).toBe(scenario.targets.tier1.urban);
  expect(undone.travel.edges[segment].oneWay ?? false).toBe(false);
  expect(undone.travel.roadClasses.arterial.speedKmh).toBe(
    (scenario.travel as { roadClasses: Record<string, { speedKmh: number }> }).roadClasses.arterial
      .speedKmh,
  );
});

/** The label of the option naming unit `name` in a run card's "add unit" list. */
async function optionLabel(card: Locator, name: string): Promise<string> {
  const labels = await card.locator('option').allTextContents();
  return labels.find((label) => label.startsWith(`${name} · `))!;
}

test('a road closure’s segment picked on the map, not typed', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await page.getByTestId('scenario-select').selectOption('huzhou-flood');
  await page.getByTestId('editor-tab-events').click();
  const events = builtinScenario('huzhou-flood').events;
  const closeIndex = events.findIndex((e) => e.type === 'closeRoad');
  const before = (events[closeIndex] as { edges: number[] }).edges;
  const row = page.getByTestId('editor-events').locator(`[data-index="${closeIndex}"]`);
  await expect(row.getByTestId('event-roads').locator('li')).toHaveCount(before.length);
  await expect(row.getByTestId('event-roads')).not.toContainText('#');
  await row.getByTestId('event-road-pick').click();
  await expect(page.getByTestId('road-pick-waiting')).toBeVisible();
  const spot = await pointOnRoad(page.getByTestId('scenario-map'), 'expressway');
  await page.mouse.click(spot.x, spot.y);
  await expect(page.getByTestId('road-pick-waiting')).toBeHidden();
  await expect(row.getByTestId('event-roads').locator('li')).toHaveCount(before.length + 1);
  // The map's click picked a segment only: no district panel opened.
  await expect(page.getByTestId('editor-events')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/forms-event-road.png` });
  const doc = await exportScenario(page);
  expect(doc.events[closeIndex].edges.slice(0, before.length)).toEqual(before);
  expect(doc.events[closeIndex].edges).toHaveLength(before.length + 1);
  await page.getByTestId('undo').click();
  await expect(row.getByTestId('event-roads').locator('li')).toHaveCount(before.length);
  // Leaving the events form stops the wait: a later click on the map changes no event.
  await row.getByTestId('event-road-pick').click();
  await expect(page.getByTestId('road-pick-waiting')).toBeVisible();
  await page.getByTestId('editor-tab-overview').click();
  await expect(page.getByTestId('road-pick-waiting')).toBeHidden();
});

/** Runs two replications and returns the tier-1 share within target the summary quotes. */
async function tierOneShare(page: Page): Promise<number> {
  await page.getByTestId('tab-run').click();
  await page.getByTestId('replications-input').fill('2');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 90_000,
  });
  const summary = page.locator('#view-run').getByTestId('summary-coverage');
  await expect(summary).toHaveAttribute('data-value', /\d/);
  return Number(await summary.getAttribute('data-value'));
}

test('a re-run reflects tier-1 targets shortened in the form', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  const before = await tierOneShare(page);
  await page.getByTestId('tab-scenario').click();
  await page.getByTestId('editor-tab-targets').click();
  await typeInto(page.getByTestId('field-targets.tier1.urban'), '5');
  await typeInto(page.getByTestId('field-targets.tier1.rural'), '5');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /到场时限：一级联动单位 农村/);
  const after = await tierOneShare(page);
  console.log(`tier-1 within target: ${before} with 30/60 min, ${after} with 5/5 min`);
  expect(before).toBeGreaterThan(0.5);
  expect(after).toBeLessThan(before - 0.2);
  await page.screenshot({ path: `${SCREENSHOTS}/forms-rerun.png` });
});

/** Latin words on the scenario view (text, field values, chosen options); English names aside. */
async function latinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main:not([hidden])') as HTMLElement;
    const values = [
      ...main.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[type=text], select'),
    ]
      .filter((field) => !/\.nameEn$/.test(field.dataset.path ?? ''))
      .map((field) =>
        field instanceof HTMLSelectElement ? (field.selectedOptions[0]?.text ?? '') : field.value,
      );
    return [
      ...new Set(
        `${main.innerText}\n${values.join('\n')}`.match(/[A-Za-z][A-Za-z0-9_#.-]*/g) ?? [],
      ),
    ];
  });
}

test('Zhoushan’s districts, roads, dispatch and targets in Chinese: no ids or tokens', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await page.getByTestId('scenario-select').selectOption('zhoushan-islands');
  await expect(page.getByTestId('editor-tab-districts')).toBeVisible();
  const found: Record<string, string[]> = {};
  for (const tab of ['districts', 'roads', 'dispatch', 'targets'] as const) {
    await page.getByTestId(`editor-tab-${tab}`).click();
    await expect(page.getByTestId(`editor-${tab}`)).toBeVisible();
    if (tab === 'roads') {
      // The segments given a length by hand (ferries, bridges), listed by the places they join.
      await page.getByTestId('segments-by-hand').click();
      await expect(page.getByTestId('segment-row').first()).toBeVisible();
      await page.getByTestId('segments-picked').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/forms-zhoushan-roads.png` });
    }
    found[tab] = (await latinWords(page)).filter((word) => !ALLOWED.has(word));
  }
  expect(found).toEqual({ districts: [], roads: [], dispatch: [], targets: [] });
});

/** Latin words a Chinese page may show: units, file formats. */
const ALLOWED = new Set(['km', 'JSON', 'GeoJSON']);
