/**
 * End-to-end: the English page names agencies, districts and incident kinds in English, never
 * by their ids (issue 12, item 3), and an edited copy kept under "Recent" is named in the page's
 * language, not in the one it was kept in.
 */
import type { Page } from '@playwright/test';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { expect, SCREENSHOTS, test } from './offline.ts';

const FIXTURES = 'tests/e2e/fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
});

async function openView(page: Page, id: 'scenario' | 'run' | 'compare' | 'replay') {
  await page.getByTestId(`tab-${id}`).click();
  await expect(page.getByTestId(`tab-${id}`)).toHaveAttribute('aria-selected', 'true');
}

/** Ids that are no English word: a district's pinyin, a town agency's, a kind's camelCase. */
function idsOf(scenarioId: string): string[] {
  const scenario = builtinScenario(scenarioId);
  return [
    ...scenario.districts.map((d) => d.id),
    ...scenario.agencies.map((a) => a.id).filter((id) => id.includes('-') || id === 'ems'),
    ...scenario.incidentKinds.map((k) => k.id).filter((id) => /[A-Z]/.test(id)),
  ];
}

test('results in English name districts, agencies and kinds in English', async ({ page }) => {
  test.setTimeout(180_000);
  await page.getByTestId('language-switch').click();
  await openView(page, 'run');
  await page.getByTestId('seed-input').fill('1');
  await page.getByTestId('replications-input').fill('2');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  const report = page.getByTestId('results-report');
  await expect(page.getByTestId('computed-from')).toContainText('Lincheng (illustrative city)');
  await expect(report).toContainText('Xishan District');
  await expect(report).toContainText('Lincheng Fire and Rescue Detachment');
  await expect(report).toContainText('Lincheng Emergency Medical Centre (120)');
  await expect(report).toContainText('road traffic accident with injuries');
  const text = await report.innerText();
  for (const id of idsOf('default-city')) {
    expect(text, id).not.toMatch(new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`));
  }
  // Workload per unit: the busiest units by name, with their agency in English.
  const workload = page.getByTestId('unit-workload');
  await expect(workload.getByTestId('unit-workload-row')).toHaveCount(15);
  await expect(workload).toContainText('Workload per unit (busiest 15 of');
  await expect(workload).toContainText('Lincheng Emergency Medical Centre (120)');
  await expect(workload).not.toContainText(/-\d/);
  await workload.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/english-names-workload.png` });
  await page.screenshot({ path: `${SCREENSHOTS}/english-names-results.png` });
  await page.screenshot({ path: `${SCREENSHOTS}/english-names-results-2.png`, fullPage: true });
});

test('an edited copy under Recent is named in the page’s language', async ({ page }) => {
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-roads').click();
  await page.getByTestId('road-import-file').setInputFiles(`${FIXTURES}/roads.geojson`);
  await page.getByTestId('road-import-confirm').click();
  await expect(page.getByTestId('unsaved-edits')).toHaveAttribute('data-edits', '1');
  await page.getByTestId('scenario-select').selectOption('mmc-3-queue');
  await page.getByTestId('confirm-open-dialog').getByTestId('confirm-open').click();
  await expect(page.getByTestId('scenario-select')).toHaveValue('mmc-3-queue');

  // Kept in Chinese, shown in English.
  await page.getByTestId('language-switch').click();
  await page.getByTestId('recent-files').click();
  const entry = page.getByTestId('recent-file');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Lincheng (illustrative city) (edited');
  await expect(entry).not.toContainText('修改稿');
  await entry.click();
  const origin = page.getByTestId('scenario-origin');
  await expect(origin).toContainText('File Lincheng (illustrative city) (edited');
  await expect(origin).not.toContainText('修改稿');
  await page.screenshot({ path: `${SCREENSHOTS}/english-names-edited-copy.png` });

  // And back in Chinese.
  await page.getByTestId('language-switch').click();
  await expect(origin).toContainText('文件 临城（示例城市）（修改稿');
});
