/**
 * End-to-end: the supervised worker pool (src/worker/supervisor.ts, src/worker/client.ts). A
 * worker is lost on purpose through the test-only hooks on `window.__drillPlanner.pool`
 * (installed only under automation): terminated behind the pool's back as a crash would, hung in
 * a loop, or made to throw. Each test prints how long the pool took to notice and to finish.
 */
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';
import { builtinScenario, DEFAULT_SCENARIO_ID } from '../../src/scenarios/builtin/index.ts';
import { run } from '../../src/sim/run.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('tab-run').click();
});

const status = (page: Page) => page.getByTestId('status');

async function startRun(page: Page, firstSeed: number, replications: number) {
  await page.getByTestId('seed-input').fill(String(firstSeed));
  await page.getByTestId('replications-input').fill(String(replications));
  await page.getByTestId('run').click();
  await expect(status(page)).toHaveAttribute('data-state', 'running');
}

/** Waits until the run has made some progress, so that the workers are busy with seeds. */
async function waitForProgress(page: Page, share: number) {
  await expect
    .poll(() => page.getByTestId('progress').evaluate((bar: HTMLProgressElement) => bar.value))
    .toBeGreaterThan(share);
}

async function waitDone(page: Page) {
  await expect(status(page)).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
}

/** How long after `lostAt` the pool noticed the loss and the run ended, in ms. */
async function recoveryTimes(page: Page, lostAt: number) {
  const events = await page.evaluate(() => window.__drillPlanner!.pool!.events());
  const detected = events.find((event) => event.kind === 'lost' && event.at >= lostAt);
  const ended = events.find((event) => event.kind === 'run-ended' && event.at >= lostAt);
  return {
    detectedMs: detected ? Math.round(detected.at - lostAt) : null,
    reason: detected?.reason ?? null,
    runEndedMs: ended ? Math.round(ended.at - lostAt) : null,
  };
}

/** The replications the same seeds give in Node, one after another. */
function replicationsInNode(firstSeed: number, replications: number): string {
  const scenario = builtinScenario(DEFAULT_SCENARIO_ID);
  const seeds = Array.from({ length: replications }, (_, i) => firstSeed + i);
  return JSON.stringify(seeds.map((seed) => run(scenario, seed).summary));
}

test('a worker terminated mid-run is replaced; the run completes with the same replications', async ({
  page,
}) => {
  await startRun(page, 11, 40);
  await waitForProgress(page, 0.1);
  // Worker 0 is the one that collects the replications for the report: the hardest loss.
  const lostAt = await page.evaluate(() => window.__drillPlanner!.pool!.terminate(0));
  await waitDone(page);
  const times = await recoveryTimes(page, lostAt);
  console.log(`terminated worker 0: ${JSON.stringify(times)}`);
  expect(times.reason).toBe('hung');
  const digest = await page.evaluate(() => window.__drillPlanner!.lastReportDigest());
  expect(digest).toBe(replicationsInNode(11, 40));
});

test('a hung worker is detected by its missing heartbeat and its seed runs elsewhere', async ({
  page,
}) => {
  await startRun(page, 21, 40);
  await waitForProgress(page, 0.1);
  const lostAt = await page.evaluate(() => window.__drillPlanner!.pool!.hang(1));
  await waitDone(page);
  const times = await recoveryTimes(page, lostAt);
  console.log(`hung worker 1: ${JSON.stringify(times)}`);
  expect(times.reason).toBe('hung');
  expect(times.detectedMs).toBeLessThan(8000);
  const digest = await page.evaluate(() => window.__drillPlanner!.lastReportDigest());
  expect(digest).toBe(replicationsInNode(21, 40));
});

test('after a worker throws, this run and the next work', async ({ page }) => {
  // Thrown while idle: before the supervision, every later run failed at once with its message.
  await startRun(page, 1, 1);
  await waitDone(page);
  await page.evaluate(() => window.__drillPlanner!.pool!.throwOnce(0));
  await page.waitForTimeout(200);
  await startRun(page, 1, 2);
  await waitDone(page);

  // Thrown during a run: that worker's seed runs again on a fresh worker.
  await startRun(page, 31, 40);
  await waitForProgress(page, 0.1);
  const lostAt = await page.evaluate(() => window.__drillPlanner!.pool!.throwOnce(1));
  await waitDone(page);
  const times = await recoveryTimes(page, lostAt);
  console.log(`worker 1 threw: ${JSON.stringify(times)}`);
  expect(times.reason).toBe('died');
  const digest = await page.evaluate(() => window.__drillPlanner!.lastReportDigest());
  expect(digest).toBe(replicationsInNode(31, 40));
});

test('a seed that crashes two workers fails the run with a plain message; the next run works', async ({
  page,
}) => {
  await page.evaluate(() => (window.__drillPlanner!.pool!.crashOnSeed = 43));
  await startRun(page, 41, 4);
  await expect(status(page)).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  const error = page.getByTestId('error');
  await expect(error).toContainText('种子 43');
  await expect(error).not.toContainText('Error');
  await expect(error).not.toContainText('run-');
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.screenshot({ path: `${SCREENSHOTS}/pool-failed-zh.png` });

  await page.evaluate(() => (window.__drillPlanner!.pool!.crashOnSeed = null));
  await startRun(page, 41, 4);
  await waitDone(page);
  const digest = await page.evaluate(() => window.__drillPlanner!.lastReportDigest());
  expect(digest).toBe(replicationsInNode(41, 4));
});

test('Cancel during a hang ends within a second and Run works again', async ({ page }) => {
  await startRun(page, 1, 200);
  await waitForProgress(page, 0.002);
  await page.evaluate(() => window.__drillPlanner!.pool!.hang(0));
  await page.waitForTimeout(300);
  const before = Date.now();
  await page.getByTestId('cancel').click();
  await expect(status(page)).toHaveAttribute('data-state', 'cancelled', { timeout: 1000 });
  console.log(`cancel during a hang took ${Date.now() - before} ms`);
  await expect(page.getByTestId('run')).toBeEnabled();

  await startRun(page, 1, 2);
  await waitDone(page);
});

test('a tab that dies during a run leaves a notice for the next load', async ({
  page,
  context,
}) => {
  await startRun(page, 7, 300);
  await waitForProgress(page, 0.001);
  const marker = await page.evaluate(() => localStorage.getItem('drillPlanner.runInProgress'));
  expect(marker).toContain('"firstSeed":7');
  // The renderer dies as it does when a worker runs out of memory: no pagehide, no cleanup.
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => {});
  await crashed;

  const next = await context.newPage();
  await next.goto('/');
  const notice = next.getByTestId('crash-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('种子 7–306');
  await expect(notice).toContainText('内存不足');
  await next.screenshot({ path: `${SCREENSHOTS}/pool-crash-notice-zh.png` });
  await next.getByTestId('crash-notice-dismiss').click();
  await expect(notice).toHaveCount(0);
  await next.reload();
  await expect(next.getByTestId('app-title')).toBeVisible();
  await expect(next.getByTestId('crash-notice')).toHaveCount(0);
});

test('checking the scenario goes on when worker 0 hangs during a run', async ({ page }) => {
  await startRun(page, 51, 40);
  await waitForProgress(page, 0.1);
  const lostAt = await page.evaluate(() => window.__drillPlanner!.pool!.hang(0));
  // An edit is checked by worker 0: the check must not wait for the hung worker forever.
  await page.getByTestId('tab-scenario').click();
  const name = page.getByTestId('editor-overview').getByLabel('名称');
  await name.fill('临城（改）');
  await name.press('Tab');
  const validation = page.getByTestId('validation-status');
  await expect(validation).toContainText('情景有效', { timeout: 15_000 });
  const checkedMs = Math.round((await page.evaluate(() => performance.now())) - lostAt);
  console.log(`scenario checked ${checkedMs} ms after worker 0 hung`);
  await page.getByTestId('tab-run').click();
  await waitDone(page);
  const digest = await page.evaluate(() => window.__drillPlanner!.lastReportDigest());
  expect(digest).toBe(replicationsInNode(51, 40));
});
