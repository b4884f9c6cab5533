/**
 * End-to-end: a big scenario keeps the page answering. A valid 50 MB scenario file (736,000
 * listed incidents on the default city) is opened, edited, shown as raw JSON and restored after
 * a reload; a CSV of 100,000 columns and a binary file named .csv go to the call import. Long
 * tasks (the browser's own measure of a frozen page) are printed as figures; what is asserted
 * is that a click takes effect within a generous bound, never a tight time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { expect, SCREENSHOTS, test } from './offline.ts';

const DIR = 'test-results/big-scenario';
const INCIDENTS = 736_000;
/**
 * A click must take effect within this, and no task may hold the page longer: generous, for a
 * loaded machine (an edit froze the page 3.3–3.8 s before, 11.6 s here under load, and the raw
 * JSON tab 76 s; on the main thread an edit now costs 0.1–0.4 s).
 */
const ANSWER_MS = 5_000;

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

/** The default city with INCIDENTS listed incidents, as a file of about 50 MB. */
function writeBigScenario(): { path: string; bytes: number } {
  const input = structuredClone(
    builtinScenarios.find((s) => s.id === 'default-city')!.input,
  ) as Record<string, unknown> & {
    duration: number;
    incidentKinds: Array<{ id: string }>;
    districts: Array<{ id: string }>;
    arrivals: Record<string, unknown>;
  };
  const kinds = input.incidentKinds.map((k) => k.id);
  const districts = input.districts.map((d) => d.id);
  input.id = 'big-city';
  input.arrivals.incidents = Array.from({ length: INCIDENTS }, (_, i) => ({
    time: Math.floor((i * input.duration) / INCIDENTS),
    kind: kinds[i % kinds.length],
    district: districts[(i * 7) % districts.length],
  }));
  const text = JSON.stringify(input, null, 1);
  mkdirSync(DIR, { recursive: true });
  const path = `${DIR}/big-city.json`;
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => window.__longTasks!.splice(0));
}

function describeTasks(tasks: number[]): string {
  if (tasks.length === 0) return 'no long task';
  const total = tasks.reduce((a, b) => a + b, 0);
  return `${tasks.length} long task(s), longest ${Math.max(...tasks).toFixed(0)} ms, total ${total.toFixed(0)} ms`;
}

/** Waits until the page has had no long task for 1.5 s (at most a minute). */
async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await longTasks(page);
    await page.waitForTimeout(1500);
    if ((await page.evaluate(() => window.__longTasks!.length)) === 0) return;
  }
}

/** Clicks a tab and waits for its panel; the time it took, ms. */
async function answerTime(page: Page, tab: string, panel: string): Promise<number> {
  const start = Date.now();
  await page.getByTestId(tab).click();
  await expect(page.getByTestId(panel)).toBeVisible({ timeout: 60_000 });
  return Date.now() - start;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks!.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
});

test('a 50 MB scenario: edits, raw JSON and a reload keep the page answering', async ({ page }) => {
  test.setTimeout(600_000);
  const file = writeBigScenario();
  const log = (line: string) => console.log(`big scenario: ${line}`);
  log(
    `${(file.bytes / 1048576).toFixed(1)} MB, ${INCIDENTS.toLocaleString('en')} listed incidents`,
  );

  let start = Date.now();
  await longTasks(page);
  await page.getByTestId('open-file-input').setInputFiles(file.path);
  await expect(page.getByTestId('scenario-origin')).toHaveText('文件 big-city.json', {
    timeout: 180_000,
  });
  await expect(page.getByTestId('validation-status')).toContainText('情景有效', {
    timeout: 180_000,
  });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', {
    timeout: 180_000,
  });
  log(
    `opened, checked and saved in ${Date.now() - start} ms; ${describeTasks(await longTasks(page))}`,
  );

  // Three edits of the name, each followed by a click on another tab that must take effect.
  await settle(page); // what opening left to do (the recent files list) is not counted
  const name = page.getByTestId('field-name');
  const answers: number[] = [];
  for (let edit = 1; edit <= 3; edit++) {
    await name.fill(`大城市 ${edit}`);
    await name.press('Enter');
    answers.push(await answerTime(page, 'editor-tab-units', 'editor-units'));
    answers.push(await answerTime(page, 'editor-tab-overview', 'field-name'));
    await expect(name).toHaveValue(`大城市 ${edit}`);
  }
  const editTasks = await longTasks(page);
  log(`3 edits: clicks answered in ${answers.join(', ')} ms; ${describeTasks(editTasks)}`);
  await expect(page.getByTestId('validation-status')).toContainText('情景有效', {
    timeout: 180_000,
  });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', {
    timeout: 60_000,
  });
  log(`then, while the check and the save finished: ${describeTasks(await longTasks(page))}`);
  for (const ms of answers) expect(ms).toBeLessThan(ANSWER_MS);
  // No freeze as long as the bound either (before: 3.3–3.8 s per edit, 11.6 s on a loaded machine).
  expect(Math.max(0, ...editTasks)).toBeLessThan(ANSWER_MS);
  await page.screenshot({ path: `${SCREENSHOTS}/big-scenario-overview.png` });

  // Raw JSON: read-only, its beginning shown, the page answering.
  start = Date.now();
  await page.getByTestId('editor-tab-raw').click();
  await expect(page.getByTestId('raw-too-large')).toBeVisible({ timeout: 60_000 });
  const raw = page.getByTestId('raw-json');
  await expect(raw).toHaveAttribute('readonly', '');
  expect(await raw.inputValue()).toContain('"name": "大城市 3"');
  const rawAnswer = await answerTime(page, 'editor-tab-overview', 'field-name');
  log(
    `raw JSON shown in ${Date.now() - start - rawAnswer} ms, next click ${rawAnswer} ms; ` +
      describeTasks(await longTasks(page)),
  );
  expect(rawAnswer).toBeLessThan(ANSWER_MS);
  await page.getByTestId('editor-tab-raw').click();
  await page.screenshot({ path: `${SCREENSHOTS}/big-scenario-raw.png` });

  // A reload restores the scenario with its undo history; undo goes back one edit.
  start = Date.now();
  await page.reload();
  await expect(page.getByTestId('scenario-origin')).toHaveText('文件 big-city.json', {
    timeout: 180_000,
  });
  await page.getByTestId('editor-tab-overview').click();
  await expect(name).toHaveValue('大城市 3', { timeout: 60_000 });
  await expect(page.getByTestId('validation-status')).toContainText('情景有效', {
    timeout: 180_000,
  });
  log(
    `restored after a reload in ${Date.now() - start} ms; ${describeTasks(await longTasks(page))}`,
  );
  await page.getByTestId('undo').click();
  await expect(name).toHaveValue('大城市 2');
  const listed = await page.evaluate(async () => {
    const response = await new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open('drill-planner');
      open.onsuccess = () => {
        const store = open.result.transaction('workspace').objectStore('workspace');
        const keys = store.getAllKeys();
        keys.onsuccess = () => resolve(keys.result.map(String));
        keys.onerror = () => reject(keys.error);
      };
    });
    return response as string[];
  });
  // One chunk for the listed incidents shared by every saved version (and none left over).
  expect(listed.filter((key) => key.startsWith('chunk:'))).toHaveLength(1);
});

test('call import: a CSV of 100,000 columns is refused at once, a binary file is not text', async ({
  page,
}) => {
  mkdirSync(DIR, { recursive: true });
  const header = Array.from({ length: 100_000 }, (_, i) => `列${i}`).join(',');
  const row = Array.from({ length: 100_000 }, (_, i) => String(i)).join(',');
  writeFileSync(`${DIR}/wide.csv`, `${header}\n${row}\n${row}\n`);
  await longTasks(page);
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-calls').click();
  const dialog = page.getByTestId('call-import-dialog');
  const start = Date.now();
  await dialog.getByTestId('call-import-file').setInputFiles(`${DIR}/wide.csv`);
  await expect(dialog.getByTestId('call-import-problems')).toContainText(
    '列名行有 100,000 列，来电记录文件最多 1,000 列',
  );
  console.log(
    `wide CSV: refused in ${Date.now() - start} ms; ${describeTasks(await longTasks(page))}`,
  );
  // Nothing to map: no mapping step, no import button.
  await expect(dialog.getByTestId('call-column-time')).toHaveCount(0);
  await expect(dialog.getByTestId('call-import-confirm')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/call-import-wide.png` });

  // 200 columns: read, the preview shows 30 of them.
  const some = Array.from({ length: 200 }, (_, i) => `c${i}`);
  some[0] = '接警时间';
  some[1] = '事件类型';
  some[2] = '经度';
  some[3] = '纬度';
  const line = ['2026-07-06 08:15', '火灾', '120.07', '30.205', ...some.slice(4).map(() => 'x')];
  writeFileSync(`${DIR}/many.csv`, `${some.join(',')}\n${line.join(',')}\n`);
  await dialog.getByTestId('call-import-file').setInputFiles(`${DIR}/many.csv`);
  await expect(dialog.getByTestId('call-preview-cut')).toHaveText('只显示前 30 列（共 200 列）');
  await expect(dialog.getByTestId('call-preview').locator('thead th')).toHaveCount(30);

  // An image named .csv.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await dialog.getByTestId('call-import-file').setInputFiles({
    name: 'calls.csv',
    mimeType: 'text/csv',
    buffer: png,
  });
  await expect(dialog.getByRole('alert')).toHaveText(
    '这不是文本文件（PNG 图片）：请把数据另存为文本，如 UTF-8 编码的 CSV 或 JSON',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/call-import-binary.png` });
});
