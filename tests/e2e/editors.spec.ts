/**
 * End-to-end: the scenario editors on the default city, in Chinese, at 1366×768 — a tier
 * change with its undo label, undo and redo, a bad value shown at its field, a raw JSON
 * syntax error that keeps the text, the edits restored after a reload, and a run after a
 * tier change.
 */
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
});

/** The tier select of an agency (by id) in the agencies table. */
function tierOf(page: Page, agencyId: string) {
  return page.getByTestId(`agency-${agencyId}`).locator('select').first();
}

async function waitUntilSaved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

test('edits a tier with undo and redo, shows bad values at their fields, keeps raw JSON text', async ({
  page,
}) => {
  await expect(page.getByTestId('validation-status')).toContainText('情景有效');
  await page.screenshot({ path: `${SCREENSHOTS}/01-overview.png` });

  // Tier of the power company: one edit, named in the undo button.
  await page.getByTestId('editor-tab-agencies').click();
  const tier = tierOf(page, 'power');
  await expect(tier).toHaveValue('1');
  const name = await page.getByTestId('agency-power').locator('input').first().inputValue();
  await expect(page.getByTestId('undo')).toBeDisabled();
  await tier.selectOption('2');
  const undo = page.getByTestId('undo');
  await expect(undo).toBeEnabled();
  await expect(undo).toHaveAttribute('title', `撤销：${name}：一级 → 二级（Ctrl+Z）`);
  await page.screenshot({ path: `${SCREENSHOTS}/02-agencies.png` });

  await undo.click();
  await expect(tier).toHaveValue('1');
  await expect(page.getByTestId('redo')).toHaveAttribute(
    'title',
    `重做：${name}：一级 → 二级（Ctrl+Y）`,
  );
  // Ctrl+Y outside a field redoes.
  await page.getByTestId('editor-tab-agencies').focus();
  await page.keyboard.press('Control+y');
  await expect(tier).toHaveValue('2');

  // A crew of −1: the loader's message at the field, the typed value kept, the error listed.
  await page.getByTestId('editor-tab-units').click();
  const crew = page.getByTestId('field-units[0].crew');
  await crew.fill('-1');
  await crew.press('Enter');
  await expect(crew).toHaveValue('-1');
  await expect(crew).toHaveAttribute('aria-invalid', 'true');
  const crewCell = page.getByTestId('unit-row-fire-lincheng-engine').locator('td').nth(4);
  await expect(crewCell.getByTestId('field-error')).toContainText('≥ 0');
  await expect(page.getByTestId('editor-errors')).toContainText('units[0].crew');
  // Typing in a number field is one step, not one per key.
  await expect(undo).toHaveAttribute('title', /乘员 5 → -1/);
  // Text that is no number stays in the field with its message, and changes nothing.
  const count = page.getByTestId('field-units[0].count');
  await count.fill('两辆');
  await count.press('Tab');
  await expect(count).toHaveValue('两辆');
  await expect(
    page
      .getByTestId('unit-row-fire-lincheng-engine')
      .locator('td')
      .nth(3)
      .getByTestId('field-error'),
  ).toHaveText('请输入数字');
  await page.screenshot({ path: `${SCREENSHOTS}/03-units-error.png` });

  // The error list takes the planner to the field from another tab.
  await page.getByTestId('editor-tab-overview').click();
  await expect(page.getByTestId('validation-status')).toContainText('1 处错误');
  await page.getByTestId('editor-error-link').first().click();
  await expect(page.getByTestId('field-units[0].crew')).toBeFocused();

  // A unit's details: its mobilisation drawn from the schema.
  await page.getByTestId('unit-details-fire-lincheng-engine').click();
  await expect(page.getByTestId('field-units[0].mobilisation.median')).toHaveValue('60');
  await page.screenshot({ path: `${SCREENSHOTS}/04-unit-details.png` });

  // Incident load and its hour profile.
  await page.getByTestId('editor-tab-incidents').click();
  await page.getByTestId('stream-details-fire').click();
  await expect(page.getByTestId('field-arrivals.streams[0].hourProfile[0]')).toHaveValue('0.6');
  await page.screenshot({ path: `${SCREENSHOTS}/05-incidents.png` });

  // Every rule, with its switch; the tiers rule switched on.
  await page.getByTestId('editor-tab-rules').click();
  await expect(page.locator('[data-testid^="rule-switch-"]')).toHaveCount(13);
  await expect(page.locator('[data-testid^="rule-"][data-testid$="assessment"]')).toBeVisible();
  await page.getByTestId('rule-switch-tiers').check();
  await expect(undo).toHaveAttribute('title', /联动单位分级.*开启/);
  await page
    .getByTestId('rule-tiers')
    .getByRole('button', { name: /联动单位分级/ })
    .click();
  await expect(page.getByTestId('field-rules.tiers.tier3.extraMobilisation.value')).toHaveValue(
    '1800',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/06-rules.png` });

  // Raw JSON with a syntax error: shown with its line, the text kept, nothing applied.
  await page.getByTestId('editor-tab-raw').click();
  const raw = page.getByTestId('raw-json');
  const original = await raw.inputValue();
  expect(JSON.parse(original).agencies.find((a: { id: string }) => a.id === 'power').tier).toBe(2);
  // Typed as a planner would: a second comma at the end of line 2.
  const broken = original.replace('"formatVersion": 1,', '"formatVersion": 1,,');
  await raw.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(',');
  await expect(page.getByTestId('raw-syntax-error')).toContainText('第 2 行');
  await expect(page.getByTestId('raw-apply')).toBeDisabled();
  await expect(raw).toHaveValue(broken);
  await page.screenshot({ path: `${SCREENSHOTS}/07-raw-error.png` });
  // Leaving the tab and coming back keeps the text.
  await page.getByTestId('editor-tab-overview').click();
  await page.getByTestId('editor-tab-raw').click();
  await expect(raw).toHaveValue(broken);

  // Reload: the edits (tier, crew, rule) and the unapplied text are restored.
  await waitUntilSaved(page);
  await page.reload();
  await page.getByTestId('editor-tab-agencies').click();
  await expect(tierOf(page, 'power')).toHaveValue('2');
  await page.getByTestId('editor-tab-units').click();
  await expect(page.getByTestId('field-units[0].crew')).toHaveValue('-1');
  await page.getByTestId('editor-tab-raw').click();
  await expect(page.getByTestId('raw-json')).toHaveValue(broken);

  // Fixing the text and applying it is one edit.
  await page.getByTestId('raw-json').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('raw-syntax-error')).toHaveCount(0);
  // …and renames the scenario on line 4, before its closing quote and comma.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('·演练');
  await page.getByTestId('raw-apply').click();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /原始 JSON 编辑/);
  // The crew error is still listed; corrected at its field, the scenario is valid again.
  await expect(page.getByTestId('raw-loader-errors')).toContainText('units[0].crew');
  await page.getByTestId('editor-tab-units').click();
  const fixedCrew = page.getByTestId('field-units[0].crew');
  await fixedCrew.fill('6');
  await fixedCrew.press('Enter');
  await expect(page.getByTestId('editor-errors')).toHaveCount(0);
  await page.getByTestId('editor-tab-overview').click();
  await expect(page.getByTestId('validation-status')).toContainText('情景有效');
  await expect(page.getByTestId('field-name')).toHaveValue('临城（示例城市）·演练');
});

test('a base on the map opens its units; a district shows its call load', async ({ page }) => {
  const map = page.getByTestId('scenario-map');
  await expect(map).toBeVisible();
  // The base's marker, by keyboard (it sits on its district, which takes the pointer).
  const base = map.locator('[data-base-id="fire-lincheng"]').first();
  await base.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor-units')).toBeVisible();
  await expect(page.getByTestId('unit-base-filter')).toHaveValue('fire-lincheng');
  const rows = page.locator('[data-testid^="unit-row-"]');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const select of await rows.locator('td:nth-child(3) select').all()) {
    await expect(select).toHaveValue('fire-lincheng');
  }
  await expect(page.getByTestId('base-row-fire-lincheng')).toHaveClass(/editors-selected/);
  await page.screenshot({ path: `${SCREENSHOTS}/08-map-base.png` });
});

test('a run after a tier change shows a result', async ({ page }) => {
  await page.getByTestId('editor-tab-agencies').click();
  await tierOf(page, 'power').selectOption('3');
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.getByTestId('tab-run').click();
  await page.getByTestId('replications-input').fill('2');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 90_000,
  });
  // The results (the summary table, or the report that replaces it) for the edited scenario.
  await expect(
    page
      .locator('#view-run')
      .locator('[data-testid="summary-table"], [data-testid="results-report"]')
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/09-run-after-edit.png` });
});
