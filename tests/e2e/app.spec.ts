/**
 * End-to-end: the built app in headless Chromium, served from dist/ by scripts/serve.mjs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';
import {
  builtinScenario,
  builtinScenarios,
  DEFAULT_SCENARIO_ID,
} from '../../src/scenarios/builtin/index.ts';
import { run } from '../../src/sim/run.ts';
import type { LoggedCommand } from '../../src/scenarios/commands.ts';
import { traceDigest } from '../../src/sim/trace.ts';
import { playSession } from '../trainee.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

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

/** Opens one of the app's views by its tab. */
async function openView(page: Page, view: 'scenario' | 'run' | 'compare' | 'replay') {
  await page.getByTestId(`tab-${view}`).click();
  await expect(page.getByTestId(`tab-${view}`)).toHaveAttribute('aria-selected', 'true');
}

test('opens on the default scenario, in the browser language, saved', async ({ page }) => {
  await expect(page).toHaveTitle('应急联动演练规划');
  await expect(page.getByTestId('app-title')).toHaveText('应急联动演练规划');
  await expect(page.getByTestId('scenario-select')).toHaveValue(DEFAULT_SCENARIO_ID);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByRole('tablist', { name: '视图' }).getByRole('tab')).toHaveText([
    '情景编辑',
    '运行与结果',
    '方案比较',
    '过程回放',
    '演练',
    '培训考核',
  ]);
  await openView(page, 'run');
  await expect(page.getByTestId('seed-input')).toBeVisible();
  await expect(page.getByTestId('replications-input')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '运行进度' })).toBeVisible();
  await expect(page.getByTestId('run')).toBeEnabled();
  await expect(page.getByTestId('cancel')).toBeDisabled();
  await page.screenshot({ path: `${SCREENSHOTS}/01-loaded-zh.png` });
});

test('the tabs work from the keyboard', async ({ page }) => {
  await page.getByTestId('tab-scenario').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-run')).toBeFocused();
  await expect(page.getByTestId('tab-run')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#view-run')).toBeVisible();
  await expect(page.locator('#view-scenario')).toBeHidden();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tab-training')).toHaveAttribute('aria-selected', 'true');
});

test('measures load time and, during a run over the worker pool, main-thread long tasks', async ({
  page,
}) => {
  // Load: from navigation to the default scenario opened, checked and saved.
  await page.addInitScript(() => {
    const entries: Array<{ start: number; duration: number }> = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        entries.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
    // When the run view said "done": the end of the run, to the millisecond, seen from the page.
    const marks: { doneAt?: number } = {};
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="status"]');
      if (status?.getAttribute('data-state') === 'done') marks.doneAt ??= performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    Object.assign(window, { __longTasks: entries, __marks: marks });
  });
  await page.goto('/');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const load = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      domContentLoadedMs: Math.round(navigation.domContentLoadedEventEnd),
      loadMs: Math.round(navigation.loadEventEnd),
      scenarioReadyMs: Math.round(performance.now()),
    };
  });

  await openView(page, 'run');
  await page.getByTestId('seed-input').fill('1');
  await page.getByTestId('replications-input').fill('100');
  const now = () => page.evaluate(() => performance.now());
  const runStart = await now();
  await page.getByTestId('run').click();
  // The page answers while the run goes on: another view opens and the run view comes back
  // within a bound that holds on a busy two-core machine (a frozen page would not).
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'running');
  const answers: number[] = [];
  for (const view of ['scenario', 'run'] as const) {
    const asked = Date.now();
    await page.getByTestId(`tab-${view}`).click();
    await expect(page.getByTestId(`tab-${view}`)).toHaveAttribute('aria-selected', 'true');
    answers.push(Date.now() - asked);
  }
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  const runEnd = await page.evaluate(
    () => (window as unknown as { __marks: { doneAt: number } }).__marks.doneAt,
  );
  // Then the report is drawn, section by section; its last section is the replay's.
  await expect(page.getByTestId('replay-seed-button')).toBeVisible();
  const drawnEnd = await now();
  const longTasks = (from: number, to: number) =>
    page.evaluate(
      ([from, to]) =>
        (
          window as unknown as { __longTasks: Array<{ start: number; duration: number }> }
        ).__longTasks
          .filter((task) => task.start >= from && task.start < to)
          .map((task) => [Math.round(task.start - from), Math.round(task.duration)]),
      [from, to] as const,
    );
  const duringRun = await longTasks(runStart, runEnd);
  const whileDrawing = await longTasks(runEnd, drawnEnd);
  const figures = {
    ...load,
    replications: 100,
    runMs: Math.round(runEnd - runStart),
    drawingMs: Math.round(drawnEnd - runEnd),
    /** Main-thread tasks over 50 ms: [ms after the step began, duration ms]. */
    longTasksDuringRun: duringRun,
    longTasksWhileDrawingTheReport: whileDrawing,
    /** ms from a click on a tab during the run until the tab was selected. */
    answersDuringRunMs: answers,
  };
  console.log(`figures: ${JSON.stringify(figures)}`);
  await mkdir('test-results', { recursive: true });
  await writeFile('test-results/figures.json', JSON.stringify(figures, null, 2));
  // Long tasks are measured and recorded (figures.json; `npm run bench:longtasks` measures them
  // over a bigger run), not asserted to the millisecond: on a loaded two-core machine the
  // scheduler alone makes 60–110 ms tasks now and then. What is
  // asserted is what a person notices: the page answers a click within a second and a half,
  // and no task freezes it for a second.
  for (const answer of answers) {
    expect(answer, 'a view switch during the run answered within').toBeLessThan(1500);
  }
  for (const [, duration] of [...duringRun, ...whileDrawing]) {
    expect(duration, 'a main-thread task during the run or the drawing').toBeLessThan(1000);
  }
});

test('runs replications with progress, then cancels a long run and keeps the inputs', async ({
  page,
}) => {
  await openView(page, 'run');
  await page.getByTestId('seed-input').fill('1');
  await page.getByTestId('replications-input').fill('3');
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

  await page.getByTestId('seed-input').fill('42');
  await page.getByTestId('replications-input').fill('500');
  await page.getByTestId('run').click();
  const bar = page.getByTestId('progress');
  await expect
    .poll(() => bar.evaluate((element: HTMLProgressElement) => element.value))
    .toBeGreaterThan(0);
  // Once enough has run, the status tells how long is left.
  await expect(page.getByTestId('status')).toContainText('预计还需', { timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/03-running-zh.png` });
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('status')).toHaveText('已取消');
  await expect(page.getByTestId('seed-input')).toHaveValue('42');
  await expect(page.getByTestId('replications-input')).toHaveValue('500');
  await expect(page.getByTestId('run')).toBeEnabled();

  // The workers are free again after a cancel.
  await page.getByTestId('replications-input').fill('1');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
});

test('the same seed gives the same result, whatever the number of workers', async ({ page }) => {
  await openView(page, 'run');
  await page.getByTestId('seed-input').fill('5');
  await page.getByTestId('replications-input').fill('4');
  const figures = async () => {
    await page.getByTestId('run').click();
    await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
      timeout: 60_000,
    });
    return page.evaluate(() => window.__drillPlanner!.lastReportDigest());
  };
  const first = await figures();
  const second = await figures();
  expect(second).toBe(first);
  // The same seeds in Node, one after another, give the same replications to the bit.
  const scenario = builtinScenario(DEFAULT_SCENARIO_ID);
  const inNode = [5, 6, 7, 8].map((seed) => run(scenario, seed).summary);
  expect(first).toBe(JSON.stringify(inNode));
});

test('switches between Chinese and English', async ({ page }) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(page).toHaveTitle('Drill planner');
  await expect(page.getByTestId('app-title')).toHaveText('Drill planner');
  await expect(page.getByRole('tablist', { name: 'Views' }).getByRole('tab')).toHaveText([
    'Scenario',
    'Run & results',
    'Compare',
    'Replay',
    'Drill',
    'Training',
  ]);
  await openView(page, 'run');
  await expect(page.getByTestId('seed-input')).toBeVisible();
  await expect(page.getByTestId('replications-input')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  await expect(page.getByTestId('run')).toHaveText('Run');
  await expect(page.getByTestId('cancel')).toHaveText('Cancel');

  await page.getByTestId('replications-input').fill('2');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  // No Chinese left anywhere in the frame and the run view.
  const cjk = /[\u3400-\u9fff]/;
  expect(
    (await page.locator('.app-header > :not(.app-tools)').allInnerTexts()).join('\n'),
  ).not.toMatch(cjk);
  expect(await page.getByTestId('save-state').innerText()).not.toMatch(cjk);
  expect(await page.locator('#view-run').innerText()).not.toMatch(cjk);
  await page.screenshot({ path: `${SCREENSHOTS}/05-results-en.png` });

  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('app-title')).toHaveText('应急联动演练规划');
  await expect(page.getByTestId('replications-input')).toHaveValue('2');
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

test('a session replayed from its command log gives the same trace in the browser as in Node', async ({
  page,
}) => {
  // A trainee in the dispatcher's seat for the whole Huzhou flood scenario: every assignment
  // asked, some answered differently from the policy, a response level and a call injected.
  const played = playSession(builtinScenario('huzhou-flood'), 6);
  const inNode = traceDigest(played.finishTrace());
  const log = JSON.parse(JSON.stringify(played.commandLog)) as LoggedCommand[];
  expect(log.length).toBeGreaterThan(100);
  const inBrowser = await page.evaluate(
    ([log]) => window.__drillPlanner!.traceDigest('huzhou-flood', 6, log, { policy: 'ask' }),
    [log] as const,
  );
  expect(inBrowser).toBe(inNode);
});

test('lists every built-in scenario', async ({ page }) => {
  const options = page.getByTestId('scenario-select').locator('option');
  expect(
    await options.evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value)),
  ).toEqual(builtinScenarios.map((entry) => entry.id));
});

for (const entry of builtinScenarios) {
  test(`runs one replication of ${entry.id}`, async ({ page }) => {
    await page.getByTestId('scenario-select').selectOption(entry.id);
    await expect(page.getByTestId('scenario-select')).toHaveValue(entry.id);
    await openView(page, 'run');
    await page.getByTestId('seed-input').fill('1');
    await page.getByTestId('replications-input').fill('1');
    await page.getByTestId('run').click();
    await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
      timeout: 90_000,
    });
    await expect(page.getByTestId('error')).toHaveCount(0);
    const calls = await page.evaluate(() => window.__drillPlanner!.lastReport()?.aggregate.calls);
    expect(calls?.mean).toBeGreaterThan(0);
  });
}
