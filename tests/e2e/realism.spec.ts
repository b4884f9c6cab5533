/**
 * End-to-end: a scenario with the realism knobs of real records (issue 14, item 3) — trip
 * overhead and the square-root law of short trips, a non-emergency kind, call handling and
 * on-scene time per kind, patient transport to a hospital — opened from a file, its settings
 * seen in the editors in Chinese, and its transports seen in the replay.
 */
import { fileURLToPath } from 'node:url';
import { expect, SCREENSHOTS, test } from './offline.ts';

const FILE = fileURLToPath(new URL('./fixtures/realism-city.json', import.meta.url));

test('opens a scenario with transport to hospital, shows its settings and replays a transport', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await page.getByTestId('open-file-input').setInputFiles(FILE);
  await expect(page.getByTestId('validation-status')).toContainText('情景有效', {
    timeout: 60_000,
  });

  // The overview: the defaults the knobs leave, and the travel model's settings.
  await expect(page.getByTestId('defaults-in-effect')).toContainText('非紧急出警车速系数 1');
  const travel = page.getByTestId('travel-fields');
  await expect(travel).toContainText('每趟固定耗时');
  await expect(travel).toContainText('短途加速（平方根律）');
  await expect(page.getByTestId('map-hospital-westHospital')).toBeVisible();
  await expect(page.getByTestId('field-travel.tripOverheadSeconds')).toHaveValue('39');
  await travel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/realism-overview.png`, fullPage: true });

  // The incident kinds: the medical kind's transport, on-scene times and call handling.
  await page.getByTestId('editor-tab-incidents').click();
  await page.getByTestId('kind-details-medical').click();
  await expect(page.getByText('送医', { exact: true })).toBeVisible();
  await expect(page.getByText('按能力的现场处置时间')).toBeVisible();
  const share = page.getByTestId('field-incidentKinds[2].transport.share');
  await expect(share).toHaveValue('0.7');
  await share.scrollIntoViewIfNeeded();
  // The carrying capability is chosen among the units' capabilities, in words.
  const capability = page.getByTestId('field-incidentKinds[2].transport.capability');
  await expect(capability).toHaveValue('medical');
  await expect(capability.locator('option:checked')).toHaveText('医疗急救');
  await page.screenshot({ path: `${SCREENSHOTS}/realism-kind.png`, fullPage: true });

  // The replay: the ambulance's transports in the log, with the hospital named.
  await page.getByTestId('tab-replay').click();
  await page.getByTestId('replay-seed-input').fill('3');
  await page.getByTestId('replay-run').click();
  await expect(page.getByTestId('replay-unit').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('replay-filter-kind').selectOption({ label: '送医（转运病人）' });
  const rows = page.getByTestId('replay-log-row');
  await expect(rows.first()).toContainText('西区医院');
  await expect(rows.first()).toContainText('西区救护车');
  await rows.first().click();
  // The hospital is on the map, named.
  const hospital = page.getByTestId('replay-map').getByTestId('map-hospital-westHospital');
  await expect(hospital).toBeVisible();
  await expect(hospital.locator('title')).toHaveText('西区医院');
  await page.screenshot({ path: `${SCREENSHOTS}/realism-replay.png`, fullPage: true });
});
