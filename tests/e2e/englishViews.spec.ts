/**
 * End-to-end: in English, the drill view and the training seat name agencies, incident kinds
 * and units by their English names — no Chinese agency or kind name and no id where an English
 * name exists (issue 12) — and the drill view speaks the drill core's words ("Tabletop
 * exercise"). Screenshots: test-results/screenshots/english-drill-*.png, english-training-*.png.
 */
import type { Page } from '@playwright/test';
import { BUILTIN_DRILLS } from '../../src/drills/builtin/index.ts';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { expect, SCREENSHOTS, test } from './offline.ts';

/** Chinese names that have English ones, and ids that are no English word, of a scenario. */
function forbidden(scenarioId: string): string[] {
  const scenario = builtinScenario(scenarioId);
  const named = [...scenario.agencies, ...scenario.incidentKinds].filter((e) => e.nameEn);
  return [
    ...named.map((e) => e.name).filter((name) => name.length >= 4),
    ...scenario.agencies.map((a) => a.id).filter((id) => id.includes('-') || id === 'ems'),
    ...scenario.incidentKinds.map((k) => k.id).filter((id) => /[A-Z]/.test(id)),
    ...scenario.units.filter((u) => u.nameEn).map((u) => u.id),
  ];
}

function expectNone(text: string, words: string[], where: string) {
  for (const word of words) {
    expect(text, `${where}: ${word}`).not.toMatch(
      new RegExp(`(^|[^\\w-])${word.replace(/[()（）]/g, '\\$&')}([^\\w-]|$)`),
    );
  }
}

async function english(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('tab-drill')).toHaveText(/Drill/);
}

test('the drill view in English names agencies, kinds and units in English', async ({ page }) => {
  test.setTimeout(180_000);
  await english(page);
  await page.getByTestId('tab-drill').click();
  await expect(page.getByTestId('drill-view')).toBeVisible({ timeout: 30_000 });
  const entry = BUILTIN_DRILLS.find((d) => d.scenario === 'huzhou-flood')!;
  await page.getByTestId('drill-library').selectOption(`drill:${entry.id}`);
  await expect(page.getByTestId('drill-check')).toHaveAttribute('data-state', 'valid', {
    timeout: 30_000,
  });
  // Names written into the drill's own texts (an action's description) are the author's words.
  const authored = JSON.stringify(entry.drill);
  const words = forbidden('huzhou-flood').filter((word) => !authored.includes(word));
  const view = page.getByTestId('drill-view');
  // The chosen options of every select are what a person reads; the lists' options too.
  const shown = async () =>
    (await view.innerText()) +
    '\n' +
    (await view.locator('select option').allInnerTexts()).join('\n');
  await expect(view).toContainText('Huzhou');
  expectNone(await shown(), words, 'script');
  await expect(page.getByTestId('drill-mode').locator('option')).toContainText([
    'Tabletop exercise',
    'Field exercise',
  ]);
  await page.screenshot({ path: `${SCREENSHOTS}/english-drill-script.png` });
  await page.getByTestId('step-row').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/english-drill-steps.png`, fullPage: true });

  // The printed forms: the script and the evaluation sheet.
  await page.getByTestId('drill-tab-print').click();
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet).toBeVisible();
  for (const form of ['script', 'evaluation']) {
    const option = page.getByTestId('print-form').locator(`option[value="${form}"]`);
    if ((await option.count()) === 0) continue;
    await page.getByTestId('print-form').selectOption(form);
    expectNone(await sheet.innerText(), words, `print ${form}`);
  }
  await page.getByTestId('print-form').selectOption('script');
  await page.screenshot({ path: `${SCREENSHOTS}/english-drill-print.png`, fullPage: true });
});

test('the training seat in English names units and agencies in English', async ({ page }) => {
  test.setTimeout(240_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await english(page);
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('training-view')).toBeVisible();
  const setup = page.getByTestId('training-setup');
  await setup.locator('[data-testid="training-choose"][data-exercise="zhoushan-morning"]').click();
  await page.getByTestId('training-pace').selectOption('step');
  await page.getByTestId('training-start').click();
  await expect(page.getByTestId('seat')).toBeVisible({ timeout: 60_000 });
  const words = forbidden('zhoushan-islands');
  const keys = page.keyboard;
  const seen = new Set<string>();
  for (let round = 0; round < 80 && seen.size < 3; round++) {
    const noCall = await page.getByTestId('seat-no-call').count();
    const step = noCall ? null : await page.getByTestId('seat-panel').getAttribute('data-step');
    if (step === 'answer') {
      await keys.press('a');
      await expect(page.getByTestId('seat-triage')).toBeVisible();
    } else if (step === 'triage') {
      seen.add('triage');
      expectNone(await page.getByTestId('seat').innerText(), words, 'triage');
      await page.screenshot({ path: `${SCREENSHOTS}/english-training-triage.png` });
      await keys.press('3');
      await keys.press('k');
      await keys.press('Enter');
      await expect(page.getByTestId('seat-panel')).not.toHaveAttribute('data-step', 'triage');
    } else if (step === 'dispatch' && (await page.getByTestId('seat-dispatch').count())) {
      seen.add('dispatch');
      const candidates = page.getByTestId('dispatch-candidate');
      await expect(candidates.first()).toBeVisible();
      const text = await page.getByTestId('seat').innerText();
      expectNone(text, words, 'dispatch');
      expect(text).toMatch(/fire station|ambulance|patrol car|rescue|team|boat|vessel/i);
      await page.screenshot({ path: `${SCREENSHOTS}/english-training-dispatch.png` });
      const slots = await page.getByTestId('dispatch-slot').count();
      for (let slot = 0; slot < slots; slot++) await keys.press('Enter');
      await keys.press('d');
      await expect(page.getByTestId('seat-dispatch')).toHaveCount(0);
    } else if (step === 'linkage') {
      seen.add('linkage');
      const linkage = page.getByTestId('seat-linkage');
      await expect(linkage).toContainText('Zhoushan');
      expectNone(await linkage.innerText(), words, 'linkage');
      await page.screenshot({ path: `${SCREENSHOTS}/english-training-linkage.png` });
    } else {
      const before = await page.getByTestId('seat').getAttribute('data-time');
      await keys.press('n');
      await expect
        .poll(async () => page.getByTestId('seat').getAttribute('data-time'))
        .not.toBe(before);
    }
  }
  expect([...seen].sort()).toEqual(['dispatch', 'linkage', 'triage']);
});

test('English names are edited beside the names: agencies, units, kinds and districts', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await english(page);
  const scenario = builtinScenario('default-city');
  const field = (path: string) => page.getByTestId(`field-${path}`);

  await page.getByTestId('editor-tab-agencies').click();
  const power = scenario.agencies.findIndex((a) => a.id === 'power');
  await expect(field(`agencies[${power}].nameEn`)).toHaveValue(scenario.agencies[power].nameEn!);
  await field(`agencies[${power}].nameEn`).fill('Lincheng Power Company');
  await field(`agencies[${power}].nameEn`).press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /English name/);
  await page.screenshot({ path: `${SCREENSHOTS}/english-edit-agencies.png` });

  await page.getByTestId('editor-tab-units').click();
  await expect(field('units[0].nameEn')).toHaveValue(scenario.units[0].nameEn!);
  await field('units[0].nameEn').fill('');
  await field('units[0].nameEn').press('Enter');
  await expect(field('units[0].nameEn')).toHaveValue('');
  await page.screenshot({ path: `${SCREENSHOTS}/english-edit-units.png` });

  await page.getByTestId('editor-tab-incidents').click();
  await expect(field('incidentKinds[0].nameEn')).toHaveValue(scenario.incidentKinds[0].nameEn!);

  const district = scenario.districts[1];
  await page.getByTestId(`map-district-${district.id}`).focus();
  await page.keyboard.press('Enter');
  const card = page.getByTestId('district-load');
  await expect(card).toContainText(`District: ${district.nameEn}`);
  await field('districts[1].nameEn').fill('East Lake District');
  await field('districts[1].nameEn').press('Enter');
  await expect(card).toContainText('District: East Lake District');
  await page.screenshot({ path: `${SCREENSHOTS}/english-edit-district.png` });

  // The raw JSON holds what was typed, and a cleared English name is gone from the file.
  await page.getByTestId('editor-tab-raw').click();
  const raw = page.getByTestId('raw-json');
  await expect(raw).toHaveValue(/"nameEn": "Lincheng Power Company"/);
  await expect(raw).toHaveValue(/"nameEn": "East Lake District"/);
});
