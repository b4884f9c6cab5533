/**
 * End-to-end: the scenario library — opening files (bad and good), recent files, export, the
 * guard on unexported edits, drag and drop, and the imports (CSV calls, GeoJSON roads).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { haversineMetres } from '../../src/lib/geo.ts';

const FIXTURES = 'tests/e2e/fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
  await expect(page.getByTestId('unsaved-edits')).toHaveAttribute('data-edits', '0');
});

/** Clicks Export and returns the downloaded scenario, with its file name. */
async function exportScenario(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-scenario').click(),
  ]);
  const path = await download.path();
  return {
    name: download.suggestedFilename(),
    text: readFileSync(path, 'utf8'),
    doc: JSON.parse(readFileSync(path, 'utf8')),
  };
}

async function openFile(page: Page, name: string, text: string) {
  await page.getByTestId('open-file-input').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('a broken file shows its errors and leaves the workspace alone', async ({ page }) => {
  const before = (await exportScenario(page)).text;

  await page.getByTestId('open-file-input').setInputFiles(`${FIXTURES}/not-json.json`);
  const dialog = page.getByTestId('file-error-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('无法打开 not-json.json');
  await expect(dialog.getByTestId('problem')).toHaveCount(1);
  await expect(dialog.getByTestId('problem')).toContainText('文件不是有效的 JSON');
  await expect(dialog.getByTestId('problem')).toContainText('整个文件');
  await page.screenshot({ path: `${SCREENSHOTS}/file-error-not-json.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const wrong = structuredClone(builtinScenario('default-city')) as unknown as {
    units: Record<string, unknown>[];
  };
  wrong.units[3].crew = '很多';
  await openFile(page, 'wrong-crew.json', JSON.stringify(wrong));
  await expect(dialog).toBeVisible();
  const problem = dialog.getByTestId('problem');
  await expect(problem).toHaveCount(1);
  await expect(problem.locator('code')).toHaveText('units[3].crew');
  await expect(problem).toContainText('应为数字，实际为文本');
  await page.screenshot({ path: `${SCREENSHOTS}/file-error-wrong-field.png` });
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
  await expect(page.getByTestId('scenario-origin')).toHaveText('内置');
  await expect(page.getByTestId('unsaved-edits')).toHaveAttribute('data-edits', '0');
  expect((await exportScenario(page)).text).toBe(before);
});

test('export, re-open the file, and reopen it from recent files', async ({ page }) => {
  const exported = await exportScenario(page);
  expect(exported.name).toBe('default-city.json');
  expect(exported.doc.id).toBe('default-city');
  expect(exported.doc.districts).toHaveLength(6);

  await page.getByTestId('recent-files').click();
  await expect(page.getByTestId('recent-files-menu')).toContainText('还没有打开过文件');
  await page.keyboard.press('Escape');

  await openFile(page, exported.name, exported.text);
  await expect(page.getByTestId('scenario-origin')).toHaveText('文件 default-city.json');
  await expect(page.getByTestId('scenario-select')).toHaveValue('');
  await expect(page.getByTestId('file-error-dialog')).toBeHidden();

  await page.getByTestId('scenario-select').selectOption('mmc-3-queue');
  await expect(page.getByTestId('scenario-origin')).toHaveText('内置');
  await expect(page.getByTestId('scenario-select')).toHaveValue('mmc-3-queue');

  await page.getByTestId('recent-files').click();
  const entry = page.getByTestId('recent-file');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('default-city.json');
  await page.screenshot({ path: `${SCREENSHOTS}/recent-menu.png` });
  await entry.click();
  await expect(page.getByTestId('scenario-origin')).toHaveText('文件 default-city.json');
  expect((await exportScenario(page)).text).toBe(exported.text);
});

test('CSV call history: mapping step, line-numbered problems, incidents added', async ({
  page,
}) => {
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-calls').click();
  const dialog = page.getByTestId('call-import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('call-import-file').setInputFiles(`${FIXTURES}/calls.csv`);

  await expect(dialog.getByTestId('call-preview').locator('thead th')).toHaveText([
    '接警时间',
    '事件类型',
    '经度',
    '纬度',
    '备注',
  ]);
  await expect(dialog.getByTestId('call-preview').locator('tbody tr')).toHaveCount(5);
  await expect(dialog.getByTestId('call-column-time')).toHaveValue('接警时间');
  await expect(dialog.getByTestId('call-column-kind')).toHaveValue('事件类型');
  await expect(dialog.getByTestId('call-column-lon')).toHaveValue('经度');
  await expect(dialog.getByTestId('call-column-lat')).toHaveValue('纬度');

  // Nothing mapped yet: every row fails on its kind.
  await expect(dialog.getByTestId('call-import-result')).toHaveText(
    '可导入 0 起来电，6 行有问题（不导入）',
  );
  await expect(dialog.getByTestId('call-import-confirm')).toBeDisabled();

  await dialog.getByTestId('call-kind-火灾').selectOption('fire');
  await dialog.getByTestId('call-kind-交通事故').selectOption('trafficAccident');
  await dialog.getByTestId('call-kind-医疗急救').selectOption('medical');
  await expect(dialog.getByTestId('call-import-result')).toHaveText(
    '可导入 4 起来电，2 行有问题（不导入）',
  );
  const problems = dialog.getByTestId('call-import-problems').getByTestId('problem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('第 5 行');
  await expect(problems.nth(0)).toContainText('时间“not a time”');
  await expect(problems.nth(1)).toContainText('第 6 行');
  await expect(problems.nth(1)).toContainText('类型“地震”不是本情景的事件类型');
  await page.screenshot({ path: `${SCREENSHOTS}/call-import-mapping.png`, fullPage: true });

  await dialog.getByTestId('call-import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('unsaved-edits')).toHaveAttribute('data-edits', '1');
  await expect(page.getByTestId('undo')).toHaveAttribute(
    'title',
    /导入来电记录 calls\.csv（4 起）/,
  );

  const { doc } = await exportScenario(page);
  expect(doc.arrivals.incidents).toEqual([
    { time: 8 * 3600 + 15 * 60, kind: 'fire', location: [120.07, 30.205] },
    { time: 9 * 3600 + 30 * 60, kind: 'trafficAccident', location: [120.125, 30.2] },
    { time: 10 * 3600 + 5 * 60, kind: 'medical', location: [120.095, 30.19] },
    { time: 13 * 3600 + 45 * 60, kind: 'fire', location: [120.09, 30.21] },
  ]);
  // Exported: nothing left to export.
  await expect(page.getByTestId('unsaved-edits')).toHaveAttribute('data-edits', '0');
});

test('a CSV with wrong columns is refused at the mapping step', async ({ page }) => {
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-calls').click();
  const dialog = page.getByTestId('call-import-dialog');
  await dialog.getByTestId('call-import-file').setInputFiles(`${FIXTURES}/calls-wrong-columns.csv`);
  await expect(dialog.getByTestId('call-mapping-error')).toContainText('该文件只有一列');
  await expect(dialog.getByTestId('call-mapping-error')).toContainText('分隔符');
  await expect(dialog.getByTestId('call-import-confirm')).toBeDisabled();
  await page.screenshot({ path: `${SCREENSHOTS}/call-import-wrong-columns.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('unsaved-edits')).toHaveAttribute('data-edits', '0');
});

test('a GeoJSON road network replaces the roads, and undo brings them back', async ({ page }) => {
  const original = (await exportScenario(page)).doc;
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-roads').click();
  const dialog = page.getByTestId('road-import-dialog');
  await dialog.getByTestId('road-import-file').setInputFiles(`${FIXTURES}/roads.geojson`);
  await expect(dialog.getByTestId('road-class-property')).toHaveValue('highway');

  const points: [number, number][] = [
    [120.066068, 30.206811],
    [120.073335, 30.201352],
    [120.068806, 30.191193],
    [120.075666, 30.212464],
    [120.123515, 30.206607],
  ];
  const km =
    (haversineMetres(points[0], points[1]) +
      haversineMetres(points[1], points[2]) +
      haversineMetres(points[1], points[3]) +
      haversineMetres(points[3], points[4])) /
    1000;
  await expect(dialog.getByTestId('road-import-summary')).toHaveText(
    `5 个节点，4 条路段，总长 ${km.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} 公里；跳过 1 个非道路要素；其中单行路段 0 条（0.0%）；0 个形状点已并入路段`,
  );
  // "primary" is new to the scenario (default speed 50); "residential" goes to its local roads.
  await dialog.getByTestId('road-class-residential').getByRole('combobox').selectOption('local');
  await expect(dialog.getByTestId('road-import-replaces')).toContainText('479 个节点，873 条路段');
  await page.screenshot({ path: `${SCREENSHOTS}/road-import.png` });
  await dialog.getByTestId('road-import-confirm').click();
  await expect(dialog).toBeHidden();

  const { doc } = await exportScenario(page);
  expect(doc.travel.model).toBe('roadGraph');
  expect(doc.travel.nodes).toEqual(points);
  // Each edge with its length along the line, to the decimetre.
  const dm = (a: number, b: number) => Math.round(haversineMetres(points[a], points[b]) * 10) / 10;
  expect(doc.travel.edges).toEqual([
    { from: 0, to: 1, roadClass: 'primary', lengthM: dm(0, 1) },
    { from: 1, to: 2, roadClass: 'primary', lengthM: dm(1, 2) },
    { from: 1, to: 3, roadClass: 'local', lengthM: dm(1, 3) },
    { from: 3, to: 4, roadClass: 'trunk', lengthM: dm(3, 4) },
  ]);
  expect(Object.keys(doc.travel.roadClasses).sort()).toEqual(['local', 'primary', 'trunk']);
  expect(doc.travel.roadClasses.primary).toEqual({ speedKmh: 50 });
  expect(doc.travel.roadClasses.local).toEqual(original.travel.roadClasses.local);
  expect(doc.travel.emergencySpeedFactor).toBe(original.travel.emergencySpeedFactor);

  await page.getByTestId('undo').click();
  const undone = (await exportScenario(page)).doc;
  expect(undone.travel.nodes).toHaveLength(479);
});

test('unexported edits: opening another scenario asks, and keeps the edited one', async ({
  page,
}) => {
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-roads').click();
  await page.getByTestId('road-import-file').setInputFiles(`${FIXTURES}/roads.geojson`);
  await page.getByTestId('road-import-confirm').click();
  await expect(page.getByTestId('unsaved-edits')).toHaveText('1 处修改未导出');

  await page.getByTestId('scenario-select').selectOption('mmc-3-queue');
  const confirm = page.getByTestId('confirm-open-dialog');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('有 1 处修改尚未导出');
  await page.screenshot({ path: `${SCREENSHOTS}/confirm-open.png` });
  await confirm.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
  await expect(page.getByTestId('unsaved-edits')).toHaveAttribute('data-edits', '1');

  await page.getByTestId('scenario-select').selectOption('mmc-3-queue');
  await confirm.getByTestId('confirm-open').click();
  await expect(page.getByTestId('scenario-select')).toHaveValue('mmc-3-queue');

  await page.getByTestId('recent-files').click();
  const entry = page.getByTestId('recent-file');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('临城（示例城市）（修改稿');
  await entry.click();
  const { doc } = await exportScenario(page);
  expect(doc.travel.nodes).toHaveLength(5);
});

test('a file dropped on the page opens, with an overlay while dragging', async ({ page }) => {
  const exported = (await exportScenario(page)).text;
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return data;
  }, exported);
  await page.dispatchEvent('main >> nth=0', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await expect(page.getByTestId('drop-overlay')).toContainText('松开鼠标打开文件');
  await page.screenshot({ path: `${SCREENSHOTS}/drop-overlay.png` });
  await page.dispatchEvent('main >> nth=0', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toBeHidden();
  await expect(page.getByTestId('scenario-origin')).toHaveText('文件 dropped.json');
});

test('district boundaries from GeoJSON: update one, add one', async ({ page }) => {
  const original = (await exportScenario(page)).doc;
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-districts').click();
  const dialog = page.getByTestId('district-import-dialog');
  await dialog.getByTestId('district-import-file').setInputFiles(`${FIXTURES}/districts.geojson`);
  await expect(dialog.getByTestId('district-id-property')).toHaveValue('code');
  await expect(dialog.getByTestId('district-name-property')).toHaveValue('名称');
  await expect(dialog.getByTestId('district-import-summary')).toHaveText(
    '2 个辖区：临城区（新界） (lincheng)、新港区 (xingang)',
  );
  // Replacing all would orphan the run cards and streams of the other districts: said up front.
  await expect(dialog).toContainText('指向将被删除的辖区');
  await dialog.getByTestId('district-mode-add').check();
  await expect(dialog).not.toContainText('指向将被删除的辖区');
  await page.screenshot({ path: `${SCREENSHOTS}/district-import.png` });
  await dialog.getByTestId('district-import-confirm').click();
  await expect(dialog).toBeHidden();

  const { doc } = await exportScenario(page);
  expect(doc.districts).toHaveLength(7);
  const lincheng = doc.districts.find((d: { id: string }) => d.id === 'lincheng');
  const before = original.districts.find((d: { id: string }) => d.id === 'lincheng');
  expect(lincheng).toEqual({
    ...before,
    // Renamed by the file: the English name of the old name goes.
    nameEn: undefined,
    name: '临城区（新界）',
    polygon: [
      [120.03, 30.17],
      [120.1, 30.17],
      [120.1, 30.23],
      [120.03, 30.23],
    ],
  });
  expect(doc.districts[6]).toMatchObject({ id: 'xingang', name: '新港区', area: 'urban' });
  expect(doc.districts[6].polygons).toHaveLength(2);
});

test('the library speaks English too', async ({ page }) => {
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('open-file')).toHaveText('Open file…');
  await expect(page.getByTestId('unsaved-edits')).toHaveText('No edits left to export');
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-calls').click();
  const dialog = page.getByTestId('call-import-dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    'Import call history (CSV / Excel)',
  );
  await dialog.getByTestId('call-import-file').setInputFiles(`${FIXTURES}/calls.csv`);
  await dialog.getByTestId('call-kind-火灾').selectOption('fire');
  const problems = dialog.getByTestId('call-import-problems').getByTestId('problem');
  await expect(problems.first()).toHaveText(
    'Line 3kind "交通事故" is not an incident kind of the scenario',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/call-import-english.png`, fullPage: true });
});

test('an OSM file dropped on the page goes to the road import', async ({ page }) => {
  const osm = readFileSync(`${FIXTURES}/roads.osm`, 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'lincheng.osm', { type: 'application/xml' }));
    return data;
  }, osm);
  await page.dispatchEvent('main >> nth=0', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main >> nth=0', 'drop', { dataTransfer: transfer });
  const dialog = page.getByTestId('road-import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('road-import-file-name')).toHaveText('lincheng.osm');
  await expect(dialog.getByTestId('road-import-summary')).toContainText('4 个节点，3 条路段，总长');
  await expect(dialog.getByTestId('road-import-summary')).toContainText('跳过 1 个非道路要素');
  await dialog.getByTestId('road-import-confirm').click();
  const { doc } = await exportScenario(page);
  expect(doc.travel.nodes).toHaveLength(4);
  expect(doc.travel.edges).toHaveLength(3);
});

test('a US export: AM/PM dates detected, one point column, rows grouped by incident number', async ({
  page,
}) => {
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-calls').click();
  const dialog = page.getByTestId('call-import-dialog');
  await dialog.getByTestId('call-import-file').setInputFiles(`${FIXTURES}/calls-us.csv`);
  await expect(dialog.getByTestId('call-column-time')).toHaveValue('Received Time');
  await expect(dialog.getByTestId('call-place-point')).toBeChecked();
  await expect(dialog.getByTestId('call-column-point')).toHaveValue('Location');
  await expect(dialog.getByTestId('call-time-format').locator('option').first()).toHaveText(
    '自动判断 · 月/日/年',
  );
  await dialog.getByTestId('call-kind-Structure Fire').selectOption('fire');
  await dialog.getByTestId('call-kind-Medical Incident').selectOption('medical');
  await expect(dialog.getByTestId('call-import-result')).toHaveText(
    '可导入 4 起来电，1 行有问题（不导入）',
  );
  await dialog.getByTestId('call-column-groupBy').selectOption('Incident Number');
  await expect(dialog.getByTestId('call-import-result')).toHaveText(
    '可导入 3 起来电，1 行有问题（不导入）',
  );
  const problems = dialog.getByTestId('call-import-problems').getByTestId('problem');
  await expect(problems).toHaveCount(1);
  await expect(problems.nth(0)).toContainText('第 6 行');
  await expect(problems.nth(0)).toContainText('小时为 1 至 12');
  await page.screenshot({ path: `${SCREENSHOTS}/call-import-us-grouped.png`, fullPage: true });

  // The last call is past the run's end, so fitting the run to the calls is offered, checked;
  // unchecked, the calls keep their times from the scenario's own start.
  await expect(dialog.getByTestId('call-fit-run')).toBeChecked();
  await dialog.getByTestId('call-fit-run').uncheck();
  await dialog.getByTestId('call-import-confirm').click();
  await expect(dialog).toBeHidden();
  const { doc } = await exportScenario(page);
  expect(doc.arrivals.incidents).toEqual([
    { time: 8 * 3600 + 14 * 60 + 10, kind: 'fire', location: [120.07, 30.205] },
    { time: 13 * 3600 + 5 * 60, kind: 'medical', location: [120.095, 30.19] },
    { time: 7 * 86_400 + 23 * 3600 + 57 * 60 + 56, kind: 'medical', location: [120.125, 30.2] },
  ]);
});
