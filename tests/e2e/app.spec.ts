/**
 * End-to-end: the built app in headless Chromium, served from dist/ by scripts/serve.mjs.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  builtinScenario,
  builtinScenarios,
  DEFAULT_SCENARIO_ID,
} from '../../src/scenarios/builtin/index.ts';
import { run } from '../../src/sim/run.ts';
import { traceDigest } from '../../src/sim/trace.ts';

const SCREENSHOTS = 'test-results/screenshots';
const defaultEntry = builtinScenarios.find((s) => s.id === DEFAULT_SCENARIO_ID)!;

/** Requests to any other host are blocked, and the test fails if the page tried one. */
let foreignRequests: string[];
/** Uncaught errors and console errors (a blocked request or a CSP violation shows up here). */
let pageErrors: string[];

test.beforeEach(async ({ page }) => {
  foreignRequests = [];
  pageErrors = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local =
      url.protocol === 'data:' ||
      url.protocol === 'blob:' ||
      url.hostname === '127.0.0.1' ||
      url.hostname === 'localhost';
    if (local) return route.continue();
    foreignRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto('/');
});

test.afterEach(() => {
  expect(foreignRequests, 'requests to other hosts').toEqual([]);
  expect(pageErrors, 'errors in the page').toEqual([]);
});

/** The raw mean (seconds, shares or counts, as in report.aggregate) shown in a summary row. */
async function meanOf(page: Page, row: string): Promise<number> {
  const cell = page.getByTestId(`row-${row}`).getByTestId('mean');
  return Number(await cell.getAttribute('data-value'));
}

/** Samples the progress bar's value until `stop()`, to see it move however fast the run is. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const bar = document.querySelector<HTMLProgressElement>('[data-testid="progress"]')!;
    const seen: number[] = [];
    const timer = setInterval(() => {
      if (seen[seen.length - 1] !== bar.value) seen.push(bar.value);
    }, 5);
    Object.assign(window, { __progressWatch: { seen, timer } });
  });
  return () =>
    page.evaluate(() => {
      const watch = (window as unknown as { __progressWatch: { seen: number[]; timer: number } })
        .__progressWatch;
      clearInterval(watch.timer);
      return watch.seen;
    });
}

test('loads the default scenario', async ({ page }) => {
  await expect(page).toHaveTitle('应急联动演练规划 · Drill planner');
  await expect(page.getByTestId('app-title')).toHaveText('应急联动演练规划');
  await expect(page.getByTestId('scenario-select')).toHaveValue(DEFAULT_SCENARIO_ID);
  await expect(page.getByTestId('scenario-title')).toHaveText(defaultEntry.title.zh);
  // The description paragraph in the page's language only.
  await expect(page.getByTestId('scenario-description')).toContainText('示例性的虚构城市');
  await expect(page.getByTestId('scenario-description')).not.toContainText('illustrative');
  await expect(page.getByLabel('随机种子')).toBeVisible();
  await expect(page.getByLabel('重复次数')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '运行进度' })).toBeVisible();
  await expect(page.getByTestId('run')).toBeEnabled();
  await expect(page.getByTestId('cancel')).toBeDisabled();
  await page.screenshot({ path: `${SCREENSHOTS}/01-loaded-zh.png`, fullPage: true });
});

test('runs 3 replications and fills the summary table', async ({ page }) => {
  await page.getByLabel('随机种子').fill('1');
  await page.getByLabel('重复次数').fill('3');
  const stopWatching = await watchProgress(page);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  const seen = await stopWatching();
  expect(
    seen.some((value) => value > 0 && value < 1),
    `progress values ${seen}`,
  ).toBe(true);

  const table = page.getByTestId('summary-table');
  await expect(table).toBeVisible();
  await expect(table.locator('caption')).toContainText('3 次重复');
  const calls = await meanOf(page, 'calls');
  const responseMean = await meanOf(page, 'response-mean');
  const responseMedian = await meanOf(page, 'response-median');
  const responseP90 = await meanOf(page, 'response-p90');
  const utilisation = await meanOf(page, 'utilisation-overall');
  expect(calls).toBeGreaterThan(0);
  expect(responseMean).toBeGreaterThan(0);
  // The reference queue has no travel time, so most calls there are answered at once (median 0).
  expect(responseMedian).toBeGreaterThanOrEqual(0);
  expect(responseP90).toBeGreaterThanOrEqual(responseMedian);
  expect(utilisation).toBeGreaterThan(0);
  expect(utilisation).toBeLessThanOrEqual(1);
  for (const row of [
    'sentTo12345',
    'waitProbability',
    'meanQueueWait',
    'overflowed',
    'unanswered',
  ]) {
    expect(await meanOf(page, row), row).toBeGreaterThanOrEqual(0);
  }
  // Three replications give a confidence interval around the mean.
  await expect(page.getByTestId('row-calls').getByTestId('interval')).toContainText('–');
  await expect(table.locator('tr[data-testid^="row-compliance-"]').first()).toBeVisible();
  await expect(table.locator('tr[data-testid^="row-utilisation-tier-"]').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/02-results-zh.png`, fullPage: true });
});

test('cancels a long run and keeps the inputs', async ({ page }) => {
  await page.getByLabel('随机种子').fill('42');
  await page.getByLabel('重复次数').fill('500');
  await page.getByTestId('run').click();
  const bar = page.getByTestId('progress');
  await expect
    .poll(() => bar.evaluate((element: HTMLProgressElement) => element.value))
    .toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOTS}/03-running-zh.png`, fullPage: true });
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('status')).toHaveText('已取消');
  await expect(page.getByLabel('随机种子')).toHaveValue('42');
  await expect(page.getByLabel('重复次数')).toHaveValue('500');
  await expect(page.getByTestId('run')).toBeEnabled();
  await expect(page.getByTestId('summary-table')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/04-cancelled-zh.png`, fullPage: true });

  // The worker is free again after a cancel.
  await page.getByLabel('重复次数').fill('1');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
});

test('switches between Chinese and English', async ({ page }) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('app-title')).toHaveText('Drill planner');
  await expect(page.getByTestId('scenario-title')).toHaveText(defaultEntry.title.en);
  await expect(page.getByTestId('scenario-description')).toContainText(
    'illustrative synthetic city',
  );
  expect(await page.getByTestId('scenario-description').innerText()).not.toMatch(
    /[\u4e00-\u9fff]{4}/,
  );
  await expect(page.getByLabel('Seed')).toBeVisible();
  await expect(page.getByLabel('Replications')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  await expect(page.getByTestId('run')).toHaveText('Run');
  await expect(page.getByTestId('cancel')).toHaveText('Cancel');

  await page.getByLabel('Replications').fill('2');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveText('Done', { timeout: 60_000 });
  const table = page.getByTestId('summary-table');
  await expect(table).toContainText('Response time (call to first arrival on scene)');
  await expect(table).toContainText('Median');
  // No Chinese left in the English table or controls.
  const cjk = /[\u3400-\u9fff]/;
  expect(await table.innerText()).not.toMatch(cjk);
  expect(await page.locator('.side form').innerText()).not.toMatch(cjk);
  await page.screenshot({ path: `${SCREENSHOTS}/05-results-en.png`, fullPage: true });

  // Cancelled state in English.
  await page.getByLabel('Replications').fill('500');
  await page.getByTestId('run').click();
  await expect
    .poll(() =>
      page.getByTestId('progress').evaluate((element: HTMLProgressElement) => element.value),
    )
    .toBeGreaterThan(0);
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('status')).toHaveText('Cancelled');
  await page.screenshot({ path: `${SCREENSHOTS}/06-cancelled-en.png`, fullPage: true });

  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('app-title')).toHaveText('应急联动演练规划');
  await expect(page.getByTestId('status')).toHaveText('已取消');
  await expect(page.getByLabel('重复次数')).toHaveValue('500');
});

for (const [scenarioId, seed] of [
  [DEFAULT_SCENARIO_ID, 7],
  ['zhoushan-islands', 3],
] as const) {
  test(`the browser and Node compute the same trace (${scenarioId}, seed ${seed})`, async ({
    page,
  }) => {
    const inNode = traceDigest(run(builtinScenario(scenarioId), seed).trace);
    const inBrowser = await page.evaluate(
      ([scenarioId, seed]) => window.__drillPlanner!.traceDigest(scenarioId, seed),
      [scenarioId, seed] as const,
    );
    expect(inBrowser).toMatch(/^[0-9a-f]{16}$/);
    expect(
      inBrowser,
      'trace digest in Chromium vs Node: if only last bits of times differ, suspect Math.log/exp, ' +
        'whose results differ between V8 versions',
    ).toBe(inNode);
  });
}

test('lists every built-in scenario', async ({ page }) => {
  const options = page.getByTestId('scenario-select').locator('option');
  expect(
    await options.evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value)),
  ).toEqual(builtinScenarios.map((entry) => entry.id));
});

for (const entry of builtinScenarios) {
  test(`runs one replication of ${entry.id}`, async ({ page }) => {
    await page.getByTestId('scenario-select').selectOption(entry.id);
    await expect(page.getByTestId('scenario-title')).toHaveText(entry.title.zh);
    // The worker builds the scenario and sends its description.
    const description = page.getByTestId('scenario-description');
    await expect(description).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await expect(description).not.toBeEmpty();
    await page.getByLabel('随机种子').fill('1');
    await page.getByLabel('重复次数').fill('1');
    await page.getByTestId('run').click();
    await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
      timeout: 90_000,
    });
    await expect(page.getByTestId('error')).toHaveCount(0);
    expect(await meanOf(page, 'calls')).toBeGreaterThan(0);
  });
}

test('shows a real city with its assessment by agency', async ({ page }) => {
  await page.getByTestId('scenario-select').selectOption('huzhou-flood');
  await page.getByLabel('随机种子').fill('1');
  await page.getByLabel('重复次数').fill('3');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 90_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/07-city-results-zh.png` });

  // Folded at first; the agencies appear by their Chinese names, most points deducted first.
  const assessment = page.getByTestId('assessment');
  await expect(assessment).not.toHaveAttribute('open');
  await assessment.locator('summary').click();
  const rows = assessment.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(assessment.getByTestId('assessment-fire').locator('th')).toHaveText(
    '湖州市消防救援支队',
  );
  const deductions = await rows
    .getByTestId('deductions')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
  expect(deductions.length).toBeGreaterThan(0);
  expect(deductions).toEqual([...deductions].sort((a, b) => b - a));
  await assessment.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/08-city-assessment-zh.png` });
  await page.screenshot({ path: `${SCREENSHOTS}/09-city-full-zh.png`, fullPage: true });

  await page.getByTestId('language-switch').click();
  await expect(assessment.locator('summary')).toContainText('Assessment by partner agency');
  await expect(assessment.getByTestId('assessment-fire').locator('th')).toHaveText('fire');
  expect(await assessment.innerText()).not.toMatch(/[\u3400-\u9fff]/);
  await assessment.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/10-city-assessment-en.png` });
});
