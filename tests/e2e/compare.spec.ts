/**
 * End-to-end: the what-if comparison on the default city. Variants are defined through the
 * forms, run with the same seeds as the base, and compared with paired intervals.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('tab-compare').click();
  // The default city is open: its agencies fill the forms.
  await expect(page.getByTestId('variant-0-form-agency')).toContainText('国网临城供电公司');
});

async function addOperation(
  variant: Locator,
  type: string,
  fill: (form: Locator) => Promise<void>,
): Promise<void> {
  const form = variant.getByTestId(/-form$/);
  await form.getByTestId(/-form-type$/).selectOption(type);
  await fill(form);
  await form.getByTestId(/-form-add$/).click();
}

async function runComparison(page: Page): Promise<void> {
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-run')).toBeDisabled();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-state', 'done', {
    timeout: 110_000,
  });
}

/** Every number of the table, as the page holds them (raw values, not the rounded text). */
async function tableNumbers(page: Page): Promise<string[]> {
  return page
    .getByTestId('compare-table')
    .locator('td')
    .evaluateAll((cells) =>
      cells.map((cell) =>
        ['data-value', 'data-mean', 'data-low', 'data-high']
          .map((name) => cell.getAttribute(name) ?? '')
          .join('|'),
      ),
    );
}

test('compares a tier move, fewer vehicles and an unchanged variant with paired intervals', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const first = page.getByTestId('variant-0');
  await first.getByTestId('variant-0-name').fill('供电公司调为二级');
  await addOperation(first, 'agencyTier', async (form) => {
    await form.getByTestId('variant-0-form-agency').selectOption('power');
    await form.getByTestId('variant-0-form-tier').selectOption('2');
  });
  await expect(first.getByTestId('variant-0-operations')).toContainText(
    '「国网临城供电公司」由一级调为二级联动单位',
  );

  await page.getByTestId('add-variant').click();
  const second = page.getByTestId('variant-1');
  await second.getByTestId('variant-1-name').fill('临城站减车');
  for (const [unit, count] of [
    ['fire-lincheng-engine', '1'],
    ['ems-lincheng-ambulance', '1'],
  ]) {
    await addOperation(second, 'unitCount', async (form) => {
      await form.getByTestId('variant-1-form-unit').selectOption(unit);
      await form.getByTestId('variant-1-form-count').fill(count);
    });
  }
  await expect(second.getByTestId('variant-1-operations').locator('li')).toHaveCount(2);
  await expect(second.getByTestId('variant-1-operations')).toContainText('数量 3 辆 → 1 辆');

  // A variant with no change: the same scenario, so every difference must be exactly 0.
  await page.getByTestId('add-variant').click();
  await page.getByTestId('variant-2-name').fill('与基准相同');
  await expect(page.getByTestId('variant-2-empty')).toBeVisible();
  await expect(page.getByTestId('add-variant')).toBeDisabled();

  await page.getByTestId('compare-replications').fill('10');
  await runComparison(page);

  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible();
  for (const name of ['供电公司调为二级', '临城站减车', '与基准相同'])
    await expect(table.locator('thead')).toContainText(name);

  // Mean response: base, variants and differences with their intervals.
  const meanRow = page.getByTestId('compare-row-response.overall.mean');
  const baseMean = Number(await meanRow.getByTestId('base').getAttribute('data-value'));
  expect(baseMean).toBeGreaterThan(60);
  const fewer = meanRow.getByTestId('diff-1');
  const low = Number(await fewer.getAttribute('data-low'));
  const high = Number(await fewer.getAttribute('data-high'));
  const mean = Number(await fewer.getAttribute('data-mean'));
  expect(low).toBeLessThanOrEqual(mean);
  expect(high).toBeGreaterThanOrEqual(mean);
  expect(high - low).toBeGreaterThan(0);
  await expect(fewer.locator('small')).toContainText('[');

  // Fewer engines and ambulances at 临城: tier-1 coverage of 临城区 cannot rise.
  const coverage = page.getByTestId('compare-row-tierOneCoverage.byDistrict.lincheng');
  await expect(coverage).toBeVisible();
  expect(
    Number(await coverage.getByTestId('diff-1').getAttribute('data-mean')),
  ).toBeLessThanOrEqual(0);
  // The tier move shows in the tier figures: power's units now count in tier 2.
  const tierTwoUtilisation = page.getByTestId('compare-row-utilisation.byTier.2');
  expect(
    Number(await tierTwoUtilisation.getByTestId('diff-0').getAttribute('data-mean')),
  ).toBeGreaterThan(0);
  await expect(tierTwoUtilisation.getByTestId('diff-0')).toHaveAttribute('data-verdict', 'changed');

  // The unchanged variant: every difference exactly 0 with an interval of zero width.
  const same = await table
    .getByTestId('diff-2')
    .evaluateAll((cells) =>
      cells
        .filter((cell) => cell.getAttribute('data-verdict') !== 'missing')
        .map((cell) => [
          cell.dataset.mean,
          cell.dataset.low,
          cell.dataset.high,
          cell.dataset.verdict,
        ]),
    );
  expect(same.length).toBeGreaterThan(20);
  for (const cell of same) expect(cell).toEqual(['0', '0', '0', 'none']);

  // The headline shows the paired interval and the (wider) unpaired one.
  const headline = page.getByTestId('headline-1');
  await expect(page.getByTestId('compare-headline')).toContainText('公共随机数');
  await expect(headline.getByTestId('paired')).toContainText('[');
  await expect(headline.getByTestId('unpaired')).toContainText('[');

  // The map of changes: districts filled by the difference in coverage.
  const map = page.getByTestId('compare-city-map');
  await expect(map).toBeVisible();
  await page.getByTestId('compare-map-variant').selectOption('1');
  await expect(map.getByTestId('map-district-lincheng')).toHaveAttribute(
    'aria-label',
    /95% 置信区间 \[.*\] 个百分点/,
  );
  await expect(page.getByTestId('compare-status')).toHaveText(/^已完成（用时 \d+ (秒|分钟)）$/);
  await page.screenshot({ path: `${SCREENSHOTS}/compare-done.png`, fullPage: true });
  await page.getByTestId('compare-map').screenshot({ path: `${SCREENSHOTS}/compare-map.png` });
  await page.getByTestId('compare-row-utilisation.overall').scrollIntoViewIfNeeded();
  await table.locator('..').screenshot({ path: `${SCREENSHOTS}/compare-table-lower.png` });

  // The CSV: one line per figure and variant.
  const download = page.waitForEvent('download');
  await page.getByTestId('compare-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('方案比较-default-city.csv');
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text).toContain('临城站减车');
  expect(text).toContain('response.overall.mean');

  // Same seeds, same results: the second run gives the same numbers to the last digit.
  const before = await tableNumbers(page);
  await runComparison(page);
  expect(await tableNumbers(page)).toEqual(before);
});

test('an invalid variant shows its errors and is not run', async ({ page }) => {
  test.setTimeout(120_000);
  const first = page.getByTestId('variant-0');
  await addOperation(first, 'unitCrew', async (form) => {
    await form.getByTestId('variant-0-form-crew').fill('20000');
  });
  await expect(first.getByRole('alert')).toContainText('编制人数须为 0 至 10000 的整数');
  await page.getByTestId('add-variant').click();
  await addOperation(page.getByTestId('variant-1'), 'delay', async (form) => {
    await form.getByTestId('variant-1-form-delay').selectOption('military.approval');
    await form.getByTestId('variant-1-form-minutes').fill('20');
  });
  await expect(page.getByTestId('variant-1-operations')).toContainText('45 分钟 → 20 分钟');
  await page.getByTestId('compare-replications').fill('3');
  await runComparison(page);
  await expect(page.getByTestId('variant-problems-0')).toContainText('第 1 项变化');
  await expect(page.getByTestId('variant-column-0')).toHaveText('方案 2');
  await page.screenshot({ path: `${SCREENSHOTS}/compare-invalid.png`, fullPage: true });

  // The same results in English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('variant-problems-0')).toContainText('Change 1');
  await expect(page.getByTestId('compare-table')).toContainText('Tier-1 arrivals on target');
  await expect(page.getByTestId('variant-1-operations')).toContainText(
    'Troop request through the joint office: 45 min → 20 min',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/compare-english.png` });
});

test('a delay half edited in the scenario editor is shown as such, and the form follows the scenario', async ({
  page,
}) => {
  const first = page.getByTestId('variant-0');
  await addOperation(first, 'delay', async (form) => {
    await form.getByTestId('variant-0-form-delay').selectOption('military.approval');
    await form.getByTestId('variant-0-form-minutes').fill('0');
  });
  await expect(first.getByTestId('variant-0-operations')).toContainText('45 分钟 → 0 分钟');
  await expect(first.getByRole('alert')).toHaveCount(0);

  // Mid-edit: the delay becomes a histogram with no bins yet.
  await page.getByTestId('tab-scenario').click();
  await page.getByTestId('editor-tab-rules').click();
  await page.getByTestId('rule-military').getByRole('button', { name: /军地/ }).click();
  await page.getByTestId('field-rules.military.approval.type').selectOption('histogram');

  await page.getByTestId('tab-compare').click();
  await expect(first.getByTestId('variant-0-operations')).toContainText('— → 0 分钟');
  await expect(first.getByTestId('variant-0-operations').getByRole('alert')).toContainText(
    '「经军地联合办公室申请兵力时限」填写有误',
  );
  const form = first.getByTestId('variant-0-form');
  await form.getByTestId('variant-0-form-type').selectOption('delay');
  const option = form
    .getByTestId('variant-0-form-delay')
    .locator('option[value="military.approval"]');
  await expect(option).toBeDisabled();
  await expect(option).toContainText('—，填写有误');
  await expect(form.getByTestId('variant-0-form-delay')).toHaveValue('military.approval');
  await expect(form.getByTestId('variant-0-form-delay-malformed')).toBeVisible();
  await expect(form.getByTestId('variant-0-form-add')).toBeDisabled();
  await form.getByTestId('variant-0-form-delay').selectOption('fireRescueApproval.approval');
  await expect(form.getByTestId('variant-0-form-minutes')).toHaveValue('10');
  await expect(form.getByTestId('variant-0-form-add')).toBeEnabled();
  await page.screenshot({ path: `${SCREENSHOTS}/compare-malformed-delay.png`, fullPage: true });

  // Another scenario: the form's choices are its own, and "Add" adds what the select shows.
  await page.getByTestId('scenario-select').selectOption('huzhou-flood');
  // The rule edit is not exported: the planner confirms leaving it.
  await page.getByTestId('confirm-open').click();
  await expect(page.getByTestId('scenario-select')).toHaveValue('huzhou-flood');
  await form.getByTestId('variant-0-form-type').selectOption('agencyTier');
  const agency = form.getByTestId('variant-0-form-agency');
  await expect(agency).not.toContainText('国网临城供电公司');
  const shown = await agency.evaluate((select: HTMLSelectElement) => ({
    id: select.value,
    name: select.selectedOptions[0].textContent!,
  }));
  await form.getByTestId('variant-0-form-add').click();
  await expect(first.getByTestId('variant-0-operations').locator('li').last()).toContainText(
    `「${shown.name}」`,
  );
  await expect(
    first.getByTestId('variant-0-operations').locator('li').last().getByRole('alert'),
  ).toHaveCount(0);
  expect(shown.id).not.toBe('');
});
