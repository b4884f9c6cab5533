/**
 * End-to-end: operator training. A trainee does a three-call step-by-step exercise with the
 * keyboard only (autosaved: a reload resumes it), gets the score sheet, opens the debrief and
 * takes the seat again from the second call; the trainer imports two trainees' session files
 * (made in Node by the same training module) and sees the class table, and a tampered file is
 * refused. Long tasks on the page during the exercise go to test-results/figures.json.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import {
  builtinExercise,
  exportSessionFile,
  provideBuiltinScenarios,
  startTraining,
  type Exercise,
} from '../../src/training/api.ts';

provideBuiltinScenarios(builtinScenario);

/** The built-in 见习 exercise cut to 09:00–09:15: three calls on seed 7. */
const WINDOW_END = '09:15';

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('/');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
});

async function openTraining(page: Page) {
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('training-view')).toBeVisible();
}

const panelStep = (page: Page) => page.getByTestId('seat-panel').getAttribute('data-step');

/**
 * Handles what the seat shows with keys only, until the window is over and every call is
 * closed: answer, judge (a call the caller says is not urgent goes to 12345), dispatch (the
 * first decision of call 1 with the second-best unit: a choice that differs from the
 * reference), notify, close; N runs on.
 */
async function playWithKeys(page: Page, onStep?: (step: string) => Promise<void>) {
  const keys = page.keyboard;
  let firstDispatch = true;
  for (let round = 0; round < 80; round++) {
    const noCall = await page.getByTestId('seat-no-call').count();
    const stop = await page.getByTestId('seat').getAttribute('data-stop');
    const step = noCall ? null : await panelStep(page);
    if (step) await onStep?.(step);
    if (step === 'answer') {
      await keys.press('a');
      await expect(page.getByTestId('seat-triage')).toBeVisible();
    } else if (step === 'triage') {
      const words = (await page.getByTestId('seat-words').textContent()) ?? '';
      await keys.press('4');
      await keys.press('k');
      if (words.includes('不算太急')) await keys.press('h');
      await keys.press('Enter');
      await expect(
        page
          .getByTestId('triage-done')
          .or(page.getByTestId('seat-panel').and(page.locator(':not([data-step="triage"])'))),
      ).toBeVisible();
    } else if (step === 'dispatch' && (await page.getByTestId('seat-dispatch').count())) {
      const slots = await page.getByTestId('dispatch-slot').count();
      if (firstDispatch) await keys.press('ArrowDown');
      firstDispatch = false;
      for (let slot = 0; slot < slots; slot++) await keys.press('Enter');
      await keys.press('d');
      await expect(page.getByTestId('seat-dispatch')).toHaveCount(0);
    } else if (step === 'linkage') {
      await keys.press('t');
      await keys.press('Enter');
      await expect(page.getByTestId('seat-panel')).not.toHaveAttribute('data-step', 'linkage');
    } else if (
      (step === 'tracking' || step === 'close') &&
      (await page.getByTestId('tracking-close').isEnabled())
    ) {
      await keys.press('c');
      await expect(page.getByTestId('tracking-close')).toBeDisabled();
    } else if (stop !== 'windowEnd') {
      const before = await page.getByTestId('seat').getAttribute('data-time');
      const actions = await page
        .getByTestId('seat-calls')
        .locator('[data-testid="seat-call"]')
        .count();
      await keys.press('n');
      await expect
        .poll(async () =>
          [
            await page.getByTestId('seat').getAttribute('data-time'),
            await page.getByTestId('seat').getAttribute('data-stop'),
            await page.getByTestId('seat-call').count(),
          ].join('|'),
        )
        .not.toBe([before, stop, actions].join('|'));
    } else {
      // The window is over; close what is still open, then stop.
      const open = page.locator('[data-testid="seat-call"]:not([data-step="close"])');
      if ((await open.count()) === 0) return;
      await open.first().click();
      await page.keyboard.press('c');
    }
  }
  throw new Error('the exercise did not end within 80 rounds');
}

test('a trainee does a three-call step-by-step exercise with the keyboard, gets the score sheet, debriefs and takes the seat from the second call', async ({
  page,
}) => {
  await openTraining(page);
  const setup = page.getByTestId('training-setup');
  await expect(setup.getByTestId('training-builtin').getByTestId('training-choose')).toHaveCount(3);
  await setup.locator('[data-testid="training-choose"][data-exercise="lincheng-morning"]').click();
  await expect(page.getByTestId('training-level')).toHaveValue('trainee');
  await expect(page.getByTestId('training-pace')).toHaveValue('step');
  await page.getByTestId('training-window-end').fill(WINDOW_END);
  await page.getByTestId('training-trainee-name').fill('张晓明');
  await page.getByTestId('training-trainee-id').fill('JJ-07');
  await page.screenshot({ path: `${SCREENSHOTS}/training-setup.png` });
  const startedAt = Date.now();
  await page.getByTestId('training-start').click();
  await expect(page.getByTestId('seat')).toBeVisible({ timeout: 60_000 });
  // The page's record of long tasks starts afresh on a reload: kept from before it here.
  const longTasks: Array<{ start: number; duration: number }> = [];
  const readLongTasks = async () =>
    longTasks.push(...(await page.evaluate(() => window.__drillPlanner!.trainingLongTasks())));

  // The first call: screenshot the desk at the dispatch step; reload once after the first
  // dispatch to show that the session resumes from the autosave.
  let shotDispatch = false;
  let reloaded = false;
  let tracked = false;
  await playWithKeys(page, async (step) => {
    if (step === 'dispatch' && !shotDispatch && (await page.getByTestId('seat-dispatch').count())) {
      shotDispatch = true;
      await expect(page.getByTestId('seat-map-incident')).toBeVisible();
      await expect(page.getByTestId('seat-map-unit').first()).toBeVisible();
      await expect(page.getByTestId('seat-keys')).toContainText('下达调派');
      await page.screenshot({ path: `${SCREENSHOTS}/training-seat.png` });
    }
    if (step === 'tracking' && !tracked) {
      // What happened to the incident after the order: the units sent, then on their way.
      tracked = true;
      await expect(page.getByTestId('tracking-event').first()).toBeVisible();
    }
    if (step === 'linkage' && !reloaded) {
      reloaded = true;
      const calls = await page.getByTestId('seat-call').count();
      const time = await page.getByTestId('seat').getAttribute('data-time');
      await readLongTasks();
      await page.reload();
      await openTraining(page);
      await expect(page.getByTestId('seat-restored')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('seat')).toHaveAttribute('data-time', time!);
      await expect(page.getByTestId('seat-call')).toHaveCount(calls);
      await expect(page.getByTestId('seat-panel')).toHaveAttribute('data-step', 'linkage');
      // A new exercise would overwrite the session resumed: the trainer is asked first, and
      // going back leaves it where it was.
      await page.getByTestId('training-tab-setup').click();
      await page.getByTestId('training-start').click();
      const ask = page.getByTestId('training-overwrite');
      await expect(ask).toBeVisible();
      await expect(ask).toContainText('尚未结束');
      await expect(ask).toContainText('张晓明');
      await page.screenshot({ path: `${SCREENSHOTS}/training-overwrite.png` });
      await ask.getByTestId('training-overwrite-resume').click();
      await expect(ask).toHaveCount(0);
      await expect(page.getByTestId('seat')).toHaveAttribute('data-time', time!);
      await expect(page.getByTestId('seat-call')).toHaveCount(calls);
      await expect(page.getByTestId('seat-panel')).toHaveAttribute('data-step', 'linkage');
    }
  });
  expect(shotDispatch && reloaded && tracked).toBe(true);
  await expect(page.getByTestId('seat-call')).toHaveCount(3);
  await page.screenshot({ path: `${SCREENSHOTS}/training-seat-end.png` });
  const endedAt = Date.now();
  await readLongTasks();

  // The score sheet: three calls, the costliest decision first.
  await expect(page.getByTestId('seat')).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  await page.keyboard.press('q');
  const sheet = page.getByTestId('score-sheet');
  await expect(sheet).toBeVisible({ timeout: 60_000 });
  await expect(sheet.getByTestId('score-call')).toHaveCount(3);
  await expect(sheet).toContainText('接警调度员考核表');
  await expect(sheet).toContainText('张晓明');
  // 要素采集: what each caller gave, in words.
  await expect(sheet.getByTestId('score-given').first()).toContainText('报警人所报地点');
  await expect(sheet.getByTestId('score-given').first()).toContainText('涉及人员');
  await page.getByTestId('language-switch').click();
  await expect(sheet.getByTestId('score-given').first()).toContainText('Place given:');
  await expect(sheet.getByTestId('score-given').first()).toContainText('People:');
  await sheet.getByTestId('score-given').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/training-score-given-en.png` });
  await page.getByTestId('language-switch').click();
  await expect(sheet.getByTestId('score-given').first()).toContainText('报警人所报地点');
  // The trainee's choices differ from the reference: priced (a cost) or listed apart (none).
  await expect(sheet.getByTestId(/^score-cost(-free)?$/).first()).toBeVisible();
  const score = Number(await sheet.getAttribute('data-score'));
  expect(score).toBeGreaterThan(0);
  expect(score).toBeLessThan(100);
  await page.screenshot({ path: `${SCREENSHOTS}/training-score.png`, fullPage: true });
  await page.evaluate(() => document.documentElement.classList.add('printing-training'));
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SCREENSHOTS}/training-score-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.documentElement.classList.remove('printing-training'));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('score-export').click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.format).toBe('drill-planner/training-session');
  expect(saved.trainee).toEqual({ name: '张晓明', id: 'JJ-07' });

  // The debrief: the trainee's run with a marker where the first dispatch differed.
  await page.getByTestId('score-debrief').click();
  await expect(page.getByTestId('debrief')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('debrief-marker').first()).toBeVisible();
  await page.getByTestId('debrief-divergence').first().getByRole('button').first().click();
  await expect(page.getByTestId('debrief-trainee').first()).toBeVisible();
  await expect(page.getByTestId('debrief-reference').first()).toBeVisible();
  await expect(page.getByTestId('replay-unit').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/training-debrief.png`, fullPage: true });

  // Take the seat again from the second call: the first is done as before, the second rings.
  await page.locator('[data-testid="debrief-call"][data-call="1"]').click();
  await page.getByTestId('debrief-take-seat-here').click();
  await expect(page.getByTestId('seat-notice')).toContainText('第 2 个来电');
  await expect(page.locator('[data-testid="seat-call"][data-call="0"]')).not.toHaveAttribute(
    'data-step',
    'answer',
  );
  await expect(page.getByTestId('seat-panel')).toHaveAttribute('data-step', 'answer');
  await expect(page.locator('[data-testid="seat-call"][aria-current="true"]')).toHaveAttribute(
    'data-call',
    '1',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/training-seat-again.png` });
  await playWithKeys(page);
  await expect(page.getByTestId('seat')).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  await page.keyboard.press('q');
  await expect(page.getByTestId('score-sheet')).toBeVisible({ timeout: 60_000 });

  // The figures: main-thread long tasks while the trainee was in the seat (reported, not bound).
  await mkdir('test-results', { recursive: true });
  const figuresPath = 'test-results/figures.json';
  const figures: Record<string, unknown> = await readFile(figuresPath, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => ({}),
  );
  figures.training = {
    exerciseMs: Math.round(endedAt - startedAt),
    /** Main-thread tasks over 50 ms during the exercise: [ms after it started, duration ms]. */
    longTasks: longTasks.map((task) => [Math.round(task.start - startedAt), task.duration]),
  };
  console.log(`training figures: ${JSON.stringify(figures.training)}`);
  await writeFile(figuresPath, JSON.stringify(figures, null, 2));
});

/** A session file as a scripted trainee would make it: `pick` chooses each slot's unit. */
function sessionFile(
  exercise: Exercise,
  trainee: { name: string; id: string },
  pick: (candidates: string[]) => string | null,
): string {
  let wall = 1_780_000_000_000;
  const seat = startTraining(exercise, { trainee, wallClock: () => (wall += 4000) });
  for (let stop = seat.step(); stop.status !== 'windowEnd'; stop = seat.step()) {
    if (stop.status === 'call') {
      seat.pickUp(stop.call.id);
      seat.triage(stop.call.id, {
        kind: null,
        severity: 4,
        channel: stop.call.words.zh.includes('不算太急') ? '12345' : 'emergency',
        maritime: false,
        specialPlan: false,
        duplicateOf: null,
      });
    } else if (stop.status === 'decision') {
      const { decision } = stop.decision;
      const used = new Set<string>();
      const answer = decision.slots.map(({ slot, candidates }) => {
        const unit = pick(candidates.map((c) => c.unit).filter((u) => !used.has(u)));
        if (unit) used.add(unit);
        return { slot, unit };
      });
      seat.answer(decision.number, answer);
    }
  }
  return exportSessionFile(seat.finish());
}

test('the trainer imports two session files and sees the class table; a tampered one is refused', async ({
  page,
}) => {
  const exercise: Exercise = {
    ...builtinExercise('lincheng-morning')!,
    window: { start: '09:00', end: WINDOW_END },
  };
  const first = sessionFile(exercise, { name: '李静', id: 'JJ-01' }, (c) => c[0] ?? null);
  const second = sessionFile(exercise, { name: '王磊', id: 'JJ-02' }, (c) => c[1] ?? c[0] ?? null);
  // One with a judgement edited afterwards, one claiming another seed.
  const tampered = JSON.parse(second);
  tampered.annotations.find((a: { type: string }) => a.type === 'triage').judgement.severity = 1;
  const otherSeed = JSON.parse(first);
  otherSeed.seed = 8;

  await openTraining(page);
  await page.getByTestId('training-tab-class').click();
  await expect(page.getByTestId('class-empty')).toBeVisible();
  await page.getByTestId('class-import').setInputFiles([
    { name: 'li.json', mimeType: 'application/json', buffer: Buffer.from(first) },
    { name: 'wang.json', mimeType: 'application/json', buffer: Buffer.from(second) },
    {
      name: 'wang-edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tampered)),
    },
    {
      name: 'li-seed8.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(otherSeed)),
    },
  ]);
  await expect(page.getByTestId('class-row')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('class-accepted')).toContainText('2');
  const rejected = page.getByTestId('class-rejected');
  await expect(rejected).toHaveCount(2);
  await expect(rejected.nth(0)).toContainText('wang-edited.json');
  await expect(rejected.nth(0)).toContainText('改动');
  await expect(rejected.nth(1)).toContainText('li-seed8.json');
  await expect(rejected.nth(1)).toContainText(/无法重放|不符|种子/);
  await expect(page.getByTestId('class-table')).toContainText('李静');
  await expect(page.getByTestId('class-table')).toContainText('王磊');
  await expect(page.getByTestId('class-progress')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/training-class.png`, fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('class-csv').click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('李静');
  expect(csv.trim().split('\n').length).toBe(3);

  // Each trainee's score sheet opens from the table, to print.
  await page.getByTestId('class-open').nth(1).click();
  await expect(page.getByTestId('score-sheet')).toBeVisible();
  await expect(page.getByTestId('score-call')).toHaveCount(3);
});

test('the trainer makes an exercise from the current scenario, exports and imports it, and runs a course', async ({
  page,
}) => {
  await openTraining(page);
  const setup = page.getByTestId('training-setup');
  await page.getByTestId('training-from-scenario').locator('summary').click();
  await page.getByTestId('training-new-title').fill('临城早高峰');
  await page.getByTestId('training-new-start').fill('08:00');
  await page.getByTestId('training-new-end').fill('08:20');
  await page.getByTestId('training-create').click();
  await expect(setup.getByTestId('training-own').getByTestId('training-choose')).toHaveCount(1);
  await expect(page.getByTestId('training-chosen')).toContainText('临城早高峰');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('training-export-exercise').click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported.format).toBe('drill-planner/exercise');
  expect(exported.scenario.embedded.id).toBe('default-city');
  expect(exported.window).toEqual({ start: '08:00', end: '08:20' });

  // A broken copy names the field; the good one is taken.
  const broken = { ...exported, window: { start: '08:00', end: '8 点' } };
  await page.getByTestId('training-import-exercise').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(page.getByTestId('training-file-message')).toContainText('window.end');
  await page.getByTestId('training-import-exercise').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...exported, id: 'mine-2' })),
  });
  await expect(page.getByTestId('training-file-message')).toContainText('已导入 1 个练习');
  await expect(setup.getByTestId('training-own').getByTestId('training-choose')).toHaveCount(2);

  // A course: the built-in one, the first two swapped; it starts at its first exercise and the
  // score sheet offers the next.
  await page.getByTestId('training-builtin-course').click();
  const course = page.getByTestId('training-course');
  await expect(course.locator('li')).toHaveCount(3);
  await course.locator('li').first().getByRole('button', { name: '下移' }).click();
  await expect(course.locator('li').first()).toContainText('舟山');
  await page.screenshot({ path: `${SCREENSHOTS}/training-setup-course.png`, fullPage: true });
  await course.getByTestId('course-start').nth(1).click();
  // The keys work once the seat has its session (on a loaded machine the worker takes a while).
  await expect(page.getByTestId('seat')).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  await page.keyboard.press('q');
  await expect(page.getByTestId('score-sheet')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('score-next-exercise')).toContainText('湖州');
});

test('a paced exercise (10×, the clock runs while deciding): the clock moves by itself, pauses with Space, and a dispatch waits on the clock', async ({
  page,
}) => {
  await openTraining(page);
  await page.locator('[data-testid="training-choose"][data-exercise="zhoushan-morning"]').click();
  await page.getByTestId('training-pace').selectOption('10x');
  await page.getByTestId('training-while-deciding').selectOption('clockRuns');
  // From 08:07: an emergency call rings a minute of simulated time after the start.
  await page.getByTestId('training-window-start').fill('08:07');
  await page.getByTestId('training-start').click();
  const seat = page.getByTestId('seat');
  await expect(seat).toBeVisible({ timeout: 60_000 });
  const time = async () => Number(await seat.getAttribute('data-time'));
  const windowStart = 8 * 3600 + 7 * 60;
  await expect.poll(time, { timeout: 20_000 }).toBeGreaterThan(windowStart + 10);

  // Space pauses the clock and starts it again.
  await page.keyboard.press(' ');
  await expect(page.getByTestId('seat-status')).toContainText('已暂停');
  const paused = await time();
  await page.waitForTimeout(1000);
  expect(await time()).toBe(paused);
  await page.keyboard.press(' ');
  await expect.poll(time).toBeGreaterThan(paused);

  // Calls ring; each is answered and judged until a dispatch opens (a call the run sends to
  // 12345 or the SAR centre needs none); the clock goes on while it is open.
  await expect(page.getByTestId('seat-call').first()).toBeVisible({ timeout: 60_000 });
  const dispatch = page.getByTestId('seat-dispatch');
  for (let round = 0; round < 240 && (await dispatch.count()) === 0; round++) {
    const step = await page
      .getByTestId('seat-panel')
      .getAttribute('data-step', { timeout: 1000 })
      .catch(() => null);
    if (step === 'answer') await page.keyboard.press('a');
    else if (step === 'triage') await page.keyboard.press('Enter');
    else await page.waitForTimeout(500);
  }
  await expect(dispatch).toBeVisible();
  const opened = await time();
  await expect.poll(time).toBeGreaterThan(opened + 5);
  await page.screenshot({ path: `${SCREENSHOTS}/training-seat-paced.png` });
  await page.keyboard.press('Enter');
  await page.keyboard.press('d');
  await expect(page.getByTestId('seat-dispatch')).toHaveCount(0);
  await expect(page.getByTestId('seat')).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  await page.keyboard.press('q');
  await expect(page.getByTestId('score-sheet')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('score-call').first()).toBeVisible();
});
