/**
 * End-to-end: the readiness report after a run of the default city — summary, distributions,
 * exports (parsed), the print layout — and cancelling a long run of the benchmark city.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';
import type { Report } from '../../src/sim/analysis/report.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

async function openRun(page: Page) {
  await page.getByTestId('tab-run').click();
  await expect(page.getByTestId('tab-run')).toHaveAttribute('aria-selected', 'true');
}

/** Clicks a button that downloads, and returns the file's name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** A minimal RFC 4180 reader: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

test('the report of 20 replications: summary, charts, exports and print', async ({ page }) => {
  test.setTimeout(240_000);
  await openRun(page);
  await page.getByTestId('seed-input').fill('1');
  await page.getByTestId('replications-input').fill('20');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  const report = page.getByTestId('results-report');
  await expect(report).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/01-report-top.png` });

  // The JSON export is the report itself.
  const json = await download(page, 'export-json');
  expect(json.name).toMatch(/\.json$/);
  const exported = JSON.parse(json.bytes.toString('utf8')) as Report;
  expect(exported.format).toBe('drill-planner-report');
  expect(exported.seeds).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(exported.replications).toHaveLength(20);

  // The summary's percentage is the aggregate's tier-1 coverage, formatted for zh-CN.
  const coverage = exported.aggregate['tierOneCoverage.overall'];
  expect(coverage.n).toBe(20);
  const summary = page.getByTestId('summary-coverage');
  const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
  await expect(summary).toContainText('一级联动单位到场达标率（30 分钟（城区）/ 60 分钟（农村））');
  await expect(summary).toContainText(`）：${percent.format(coverage.mean)}`);
  await expect(summary).toContainText(
    `${percent.format(Math.max(0, coverage.low))} – ${percent.format(Math.min(1, coverage.high))}`,
  );
  // Districts below 80% are named (from the scenario), or none is.
  const below = Object.entries(exported.aggregate).filter(
    ([path, e]) => path.startsWith('tierOneCoverage.byDistrict.') && e.mean < 0.8,
  );
  if (below.length === 0) await expect(summary).toContainText('各区县均不低于 80%');
  else await expect(summary).toContainText(`${below.length} 个区县低于 80%`);
  await expect(page.getByTestId('summary-overflow')).toBeVisible();

  // Histogram and ECDF of all calls, with the tier-1 and tier-2 targets.
  const histogram = page.getByTestId('chart-histogram');
  const ecdf = page.getByTestId('chart-ecdf');
  expect(await histogram.getByTestId('histogram-bar').count()).toBeGreaterThan(5);
  const ecdfPath = await ecdf.getByTestId('ecdf-line').getAttribute('d');
  expect(ecdfPath!.split('L').length).toBeGreaterThan(10);
  // The ECDF ends at the share of calls on the axis: its last point is drawn high.
  await expect(histogram.getByTestId('target-line')).toHaveCount(3);

  // A tier: its own target lines (tier 1: 30 min urban, 60 min rural).
  await page.getByTestId('histogram-group').selectOption('tier/1');
  await expect(histogram).toContainText('一级联动单位');
  const lines = histogram.getByTestId('target-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.first()).toHaveAttribute('data-minutes', '30');
  await expect(lines.first()).toContainText('一级·城区 30 分钟');
  await expect(ecdf.getByTestId('target-line')).toHaveCount(2);
  // A district: its area's targets only.
  await page.getByTestId('histogram-group').selectOption('district/xishan');
  await expect(histogram.getByTestId('target-line').first()).toContainText('一级·农村 60 分钟');
  await page.getByTestId('histogram-group').selectOption('tier/1');

  // Shares within target with their interval, by tier, kind and district.
  const within = page.getByTestId('within-table');
  // The tier-1 figure overall and in each of the 6 districts, then each kind against its target.
  await expect(within.getByTestId('within-tier-one').getByTestId('within-row')).toHaveCount(7);
  await expect(within.getByTestId('within-tier-one')).toContainText('西山区');
  await expect(within.getByTestId('within-kind')).toBeVisible();

  // Figures CSV: one row per aggregate path, in Chinese, equal to the JSON.
  const csv = await download(page, 'export-csv');
  const csvText = csv.bytes.toString('utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(csvText.slice(1));
  expect(rows[0]).toEqual(['路径', '指标', '均值', '95% 置信下限', '95% 置信上限', '重复次数']);
  expect(rows.length - 1).toBe(Object.keys(exported.aggregate).length);
  const coverageRow = rows.find((row) => row[0] === 'tierOneCoverage.overall')!;
  expect(coverageRow[1]).toBe('一级联动单位到场达标率 · 总体');
  expect(Number(coverageRow[2])).toBe(coverage.mean);
  expect(Number(coverageRow[5])).toBe(20);
  const districtRow = rows.find((row) => row[0] === 'response.byDistrict.xishan.p90')!;
  expect(districtRow[1]).toBe('响应时间（秒） · 西山区 · 90 百分位');

  // Replications CSV: one row per seed, the same columns as the aggregate.
  const perRun = parseCsv(
    (await download(page, 'export-replications-csv')).bytes.toString('utf8').slice(1),
  );
  expect(perRun).toHaveLength(21);
  const callsColumn = perRun[0].indexOf('calls');
  expect(perRun.slice(1).map((row) => Number(row[0]))).toEqual(exported.seeds);
  expect(perRun.slice(1).map((row) => Number(row[callsColumn]))).toEqual(
    exported.replications.map((r) => r.calls),
  );

  // Charts as SVG (standalone, styles inline) and PNG.
  const svg = await download(page, 'chart-histogram-svg');
  const svgText = svg.bytes.toString('utf8');
  expect(svg.name).toMatch(/tier-1-histogram\.svg$/);
  expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svgText).toMatch(/<text[^>]* font-family="[^"]+"/);
  expect(svgText).toContain('一级·城区 30 分钟');
  expect((svgText.match(/<rect/g) ?? []).length).toBeGreaterThan(5);
  const png = await download(page, 'chart-ecdf-png');
  expect(png.name).toMatch(/\.png$/);
  expect(png.bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  // Twice the chart's 460 × 270 viewBox.
  expect(png.bytes.readUInt32BE(16)).toBe(920);
  expect(png.bytes.readUInt32BE(20)).toBe(540);
  expect(png.bytes.length).toBeGreaterThan(5_000);
  await download(page, 'chart-utilisation-agency-png');

  await page
    .getByTestId('results-report')
    .getByRole('heading', { name: '力量利用率' })
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/02-report-utilisation.png` });
  // The coverage map of the same report.
  const coverageMap = page.getByTestId('coverage-map');
  await coverageMap.scrollIntoViewIfNeeded();
  await expect(coverageMap.getByTestId('coverage-overall')).toContainText(
    percent.format(coverage.mean),
  );
  await page.screenshot({ path: `${SCREENSHOTS}/02b-report-coverage-map.png` });
  await page.getByTestId('summary-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/03-report-figures.png` });

  // Print: only the report, with its header (scenario, seeds, date).
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.tabs')).toBeHidden();
  await expect(page.getByTestId('run')).toBeHidden();
  await expect(page.getByTestId('export-json')).toBeHidden();
  await expect(page.getByTestId('histogram-group')).toBeHidden();
  const printHeader = page.getByTestId('print-header');
  await expect(printHeader).toBeVisible();
  await expect(printHeader).toContainText('临城（示例城市）');
  await expect(printHeader).toContainText('1–20（20 次重复）');
  await expect(page.getByTestId('chart-histogram')).toBeVisible();
  await expect(page.getByTestId('coverage-map')).toBeVisible();
  // The folded assessment prints open.
  await expect(page.getByTestId('assessment').locator('table')).toBeVisible();
  // About an A4 page's width at 96 dpi, looked at page by page.
  await page.setViewportSize({ width: 794, height: 1123 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let top = 0, sheet = 1; top < height && sheet <= 6; top += 1123, sheet++) {
    await page.evaluate((y) => window.scrollTo(0, y), top);
    await page.screenshot({ path: `${SCREENSHOTS}/04-print-${sheet}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.app-header')).toBeVisible();

  // Replay one replication: the replay view opens on it.
  await page.getByTestId('replay-seed').selectOption('7');
  await page.getByTestId('replay-seed-button').click();
  await expect(page.getByTestId('tab-replay')).toHaveAttribute('aria-selected', 'true');
});

test('the report in English', async ({ page }) => {
  await page.getByTestId('language-switch').click();
  await openRun(page);
  await page.getByTestId('replications-input').fill('3');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('summary-coverage')).toContainText(
    'Tier-1 arrivals on target (30 min urban / 60 min rural):',
  );
  await page.getByTestId('histogram-group').selectOption('tier/2');
  await expect(
    page.getByTestId('chart-histogram').getByTestId('target-line').first(),
  ).toContainText('Tier 2 urban 60 min');
  // No Chinese left in the report (the coverage map, another view's component, aside).
  const texts = await page.locator('.results-report > :not(.results-coverage)').allInnerTexts();
  expect(texts.length).toBeGreaterThan(5);
  expect(texts.join('\n')).not.toMatch(/[\u3400-\u9fff]/);
  await page.screenshot({ path: `${SCREENSHOTS}/05-report-en.png` });
});

test('cancels a long run of the benchmark city', async ({ page }) => {
  await page.getByTestId('scenario-select').selectOption('benchmark-city');
  await openRun(page);
  await page.getByTestId('replications-input').fill('50');
  await page.getByTestId('run').click();
  await expect
    .poll(() => page.getByTestId('progress').evaluate((bar: HTMLProgressElement) => bar.value), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'running');
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'cancelled', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('results-report')).toHaveCount(0);
});
