/**
 * End-to-end: call history as real exports come — a GBK CSV written by Excel on Chinese Windows
 * with US dates and one row per dispatched unit, and an .xlsx workbook — imported in the app:
 * encoding and column types detected and shown, rows grouped by incident number, kinds mapped
 * in the table, and the imported calls run.
 */
import { readFileSync } from 'node:fs';
import { expect, SCREENSHOTS, test } from './offline.ts';

const FIXTURES = 'tests/fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
});

test('a GBK export with US dates: grouped by incident, kinds mapped in the table, run', async ({
  page,
}) => {
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-calls').click();
  const dialog = page.getByTestId('call-import-dialog');
  await dialog.getByTestId('call-import-file').setInputFiles(`${FIXTURES}/calls-gbk-us-dates.csv`);
  await expect(dialog.getByTestId('call-read-as')).toHaveText('已按 GB18030 (GBK) 编码读取');
  await expect(dialog.getByTestId('call-preview').locator('thead th')).toHaveText([
    '警情编号',
    '接警时间',
    '案件类型',
    '案件子类',
    '辖区',
    '处警单位',
  ]);
  await expect(dialog.getByTestId('call-column-types').locator('td')).toHaveText([
    '警情编号',
    '时间 · 月/日/年',
    '类型（文本）',
    '文本',
    '辖区名称',
    '文本',
  ]);
  await expect(dialog.getByTestId('call-column-time')).toHaveValue('接警时间');
  await expect(dialog.getByTestId('call-column-kind')).toHaveValue('案件类型');
  await expect(dialog.getByTestId('call-place-district')).toBeChecked();
  await expect(dialog.getByTestId('call-column-district')).toHaveValue('辖区');

  // Read as UTF-8 on purpose: refused, and said why; back to detect.
  await dialog.getByTestId('call-encoding').selectOption('utf8');
  await expect(dialog.getByTestId('call-file-error')).toContainText('无法按 UTF-8 编码读取');
  await dialog.getByTestId('call-encoding').selectOption('auto');
  await expect(dialog.getByTestId('call-read-as')).toHaveText('已按 GB18030 (GBK) 编码读取');

  await dialog.getByTestId('call-column-groupBy').selectOption('警情编号');
  // Each distinct value with its count of rows, most common first.
  const kinds = dialog.getByTestId('call-kind-values');
  await expect(kinds.locator('tbody th')).toHaveCount(5);
  await expect(kinds.locator('tbody th').first()).toHaveText('火灾扑救');
  const count = (value: string) =>
    kinds.locator(`tr:has(th:text-is("${value}")) td.library-number`);
  await expect(count('火灾扑救')).toHaveText('5');
  await expect(count('医疗急救')).toHaveText('3');
  await expect(count('交通事故')).toHaveText('2');
  await dialog.getByTestId('call-kind-火灾扑救').selectOption('fire');
  await dialog.getByTestId('call-kind-医疗急救').selectOption('medical');
  await dialog.getByTestId('call-kind-交通事故').selectOption('trafficAccident');
  await dialog.getByTestId('call-kind-电梯困人').selectOption('elevator');
  // 其他求助 left "not imported": its one row is said, the rest import.
  await expect(dialog.getByTestId('call-import-result')).toHaveText(
    '可导入 7 起来电，1 行有问题（不导入）',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/call-import-gbk.png`, fullPage: true });
  await dialog.getByTestId('call-import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('undo')).toHaveAttribute(
    'title',
    /导入来电记录 calls-gbk-us-dates\.csv（7 起）/,
  );

  await page.getByTestId('tab-run').click();
  await page.getByTestId('seed-input').fill('1');
  await page.getByTestId('replications-input').fill('1');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/call-import-gbk-run.png`, fullPage: true });
});

test('an .xlsx workbook: serial dates, kinds from two columns joined', async ({ page }) => {
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-calls').click();
  const dialog = page.getByTestId('call-import-dialog');
  await dialog.getByTestId('call-import-file').setInputFiles({
    name: 'calls.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(`${FIXTURES}/calls-serial-dates.xlsx`),
  });
  await expect(dialog.getByTestId('call-read-as')).toHaveText(
    '按 Excel 工作簿读取（第一个工作表）',
  );
  await expect(dialog.getByTestId('call-encoding')).toHaveCount(0);
  await expect(dialog.getByTestId('call-column-types').locator('td')).toHaveText([
    '时间 · 年/月/日',
    '时间 · Excel 序列日期',
    '类型（文本）',
    '经度',
    '纬度',
    '警情编号',
  ]);
  await dialog.getByTestId('call-column-time').selectOption('序列时间');
  await expect(dialog.getByTestId('call-time-format').locator('option').first()).toHaveText(
    '自动判断 · Excel 序列日期',
  );
  await dialog.getByTestId('call-column-kindAlso').selectOption('警情编号');
  await expect(dialog.getByTestId('call-kind-values').locator('tbody th')).toHaveText([
    '医疗救护 / JQ002',
    '火灾 / JQ001',
    '交通事故 / JQ003',
  ]);
  await page.screenshot({ path: `${SCREENSHOTS}/call-import-xlsx.png`, fullPage: true });
});
