/**
 * End-to-end: real map data into the app — an OpenStreetMap extract whose one-way streets stay
 * one-way, a shapefile with GBK attributes and a .prj, and GCJ-02 roads converted to WGS-84.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';
import { haversineMetres } from '../../src/lib/geo.ts';

const GEO = 'tests/fixtures/geo';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-select')).toHaveValue('default-city');
});

async function exportScenario(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-scenario').click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

async function openRoadImport(page: Page) {
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-roads').click();
  return page.getByTestId('road-import-dialog');
}

type Edge = { from: number; to: number; roadClass: string; lengthM: number; oneWay?: boolean };

test('an OSM extract keeps its one-way streets one-way, in their direction', async ({ page }) => {
  const dialog = await openRoadImport(page);
  await dialog.getByTestId('road-import-file').setInputFiles(`${GEO}/oneway.osm`);
  await expect(dialog.getByTestId('road-crs')).toHaveValue('wgs84');
  await expect(dialog.getByTestId('road-crs-how')).toHaveText('OpenStreetMap 数据均为 WGS-84');
  const summary = dialog.getByTestId('road-import-summary');
  await expect(summary).toContainText('10 个节点，11 条路段');
  await expect(summary).toContainText('其中单行路段 6 条（54.5%）；6 个形状点已并入路段');
  // A class per highway and speed limit, the limit as its speed; 30 mph is 48 km/h.
  await expect(dialog.getByTestId('road-class-secondary@48')).toBeVisible();
  await expect(dialog.getByTestId('road-class-primary@50').getByRole('spinbutton')).toHaveValue(
    '50',
  );
  const warnings = dialog.getByTestId('road-import-warnings').getByTestId('problem');
  await expect(warnings).toHaveCount(2);
  await expect(warnings.nth(0)).toContainText('限速“signals”不是以 km/h 或 mph 表示的速度');
  await expect(warnings.nth(1)).toContainText('单行取值“reversible”无法识别，按双向道路导入');
  await page.screenshot({ path: `${SCREENSHOTS}/road-import-osm-oneway.png`, fullPage: true });
  await dialog.getByTestId('road-import-confirm').click();
  await expect(dialog).toBeHidden();
  // On the map, the one-way edges carry arrowheads (those long enough at this scale to show one).
  const arrows = page.getByTestId('scenario-map').getByTestId('map-one-way');
  await expect(arrows).toHaveAttribute('data-count', /^[1-6]$/);
  await page.screenshot({ path: `${SCREENSHOTS}/road-import-osm-map.png` });
  await page.getByTestId('scenario-map').screenshot({
    path: `${SCREENSHOTS}/road-import-osm-map-detail.png`,
    scale: 'device',
  });

  const doc = await exportScenario(page);
  const nodes: [number, number][] = doc.travel.nodes;
  const edges: Edge[] = doc.travel.edges;
  const at = (lon: number, lat: number) => nodes.findIndex(([x, y]) => x === lon && y === lat);
  // 解放路 (oneway=yes), drawn west to east: one edge, one way, as long as its line.
  const jiefang = edges.find((e) => e.roadClass === 'primary@50')!;
  expect(jiefang).toMatchObject({ from: at(120.1, 30.25), to: at(120.112, 30.25), oneWay: true });
  expect(jiefang.lengthM).toBeGreaterThan(haversineMetres([120.1, 30.25], [120.112, 30.25]));
  // 中山路 (oneway=-1), drawn south to north: drivable north to south only.
  const zhongshan = edges.filter((e) => e.roadClass === 'secondary@48');
  expect(zhongshan.map((e) => [e.from, e.to])).toEqual([
    [at(120.1121, 30.255), at(120.112, 30.25)],
    [at(120.112, 30.26), at(120.1121, 30.255)],
  ]);
  expect(zhongshan.every((e) => e.oneWay)).toBe(true);
  expect(edges.filter((e) => e.oneWay)).toHaveLength(6);
  expect(edges.find((e) => e.roadClass === 'residential')?.oneWay).toBeUndefined();
});

test('a shapefile with GBK attributes and a .prj, its parts chosen together', async ({ page }) => {
  const dialog = await openRoadImport(page);
  await dialog
    .getByTestId('road-import-file')
    .setInputFiles(['shp', 'dbf', 'prj', 'cpg'].map((ext) => `${GEO}/roads.${ext}`));
  await expect(dialog.getByTestId('road-import-file-name')).toHaveText('roads.shp');
  await expect(dialog.getByTestId('road-crs-how')).toHaveText(
    '已据 .prj 文件换算为经纬度（属性文字编码：GBK）',
  );
  await expect(dialog.getByTestId('road-class-property')).toHaveValue('CLASS');
  await expect(dialog.getByTestId('road-oneway-property')).toHaveValue('单行');
  await expect(dialog.getByTestId('road-length-property')).toHaveValue('长度');
  await expect(dialog.getByTestId('road-import-summary')).toContainText('其中单行路段 2 条');
  await expect(dialog.getByTestId('road-import-warnings')).toContainText(
    '长度“0”不是大于 0 的米数',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/road-import-shapefile.png`, fullPage: true });
  await dialog.getByTestId('road-import-confirm').click();
  const doc = await exportScenario(page);
  expect(doc.travel.edges[0]).toMatchObject({ roadClass: 'primary', lengthM: 1000, oneWay: true });
  expect(doc.travel.edges[1]).toMatchObject({ roadClass: 'secondary', lengthM: 1200 });
});

test('GCJ-02 roads, detected from the file name, come in as WGS-84', async ({ page }) => {
  const dialog = await openRoadImport(page);
  await dialog.getByTestId('road-import-file').setInputFiles(`${GEO}/roads-gcj02.geojson`);
  await expect(dialog.getByTestId('road-crs')).toHaveValue('gcj02');
  await expect(dialog.getByTestId('road-crs-how')).toHaveText('已自动识别');
  await expect(dialog.getByTestId('road-oneway-property')).toHaveValue('ONEWAY');
  await page.screenshot({ path: `${SCREENSHOTS}/road-import-gcj02.png`, fullPage: true });
  await dialog.getByTestId('road-import-confirm').click();
  const doc = await exportScenario(page);
  // 郑州's published reference point: GCJ-02 in the file, WGS-84 in the scenario.
  expect(haversineMetres(doc.travel.nodes[0], [113.6192856, 34.7478004])).toBeLessThan(1);
  expect(doc.travel.edges[0]).toMatchObject({ lengthM: 620, oneWay: true });
});

test('districts from a zipped shapefile in Gauss–Krüger metres, in English', async ({ page }) => {
  const { zipSync } = await import('fflate');
  const zip = zipSync(
    Object.fromEntries(
      ['shp', 'shx', 'dbf', 'prj'].map((ext) => [
        `districts.${ext}`,
        new Uint8Array(readFileSync(`${GEO}/districts.${ext}`)),
      ]),
    ),
  );
  await page.getByTestId('language-switch').click();
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-districts').click();
  const dialog = page.getByTestId('district-import-dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    'Import district boundaries (GeoJSON / shapefile)',
  );
  await dialog.getByTestId('district-import-file').setInputFiles({
    name: '杭州区划.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zip),
  });
  await expect(dialog.getByTestId('district-crs-how')).toHaveText(
    'converted to longitude/latitude by the .prj file (attribute text encoding: GBK)',
  );
  await expect(dialog.getByTestId('district-id-property')).toHaveValue('CODE');
  await expect(dialog.getByTestId('district-name-property')).toHaveValue('名称');
  await expect(dialog.getByTestId('district-import-summary')).toHaveText(
    '2 districts: 西湖区 (330106), 上城区 (330102)',
  );
  await dialog.getByTestId('district-mode-add').check();
  await page.screenshot({ path: `${SCREENSHOTS}/district-import-shapefile.png`, fullPage: true });
  await dialog.getByTestId('district-import-confirm').click();
  const doc = await exportScenario(page);
  const xihu = doc.districts.find((d: { id: string }) => d.id === '330106');
  expect(xihu.polygon[1][0]).toBeCloseTo(120.1, 6);
  expect(xihu.polygon[1][1]).toBeCloseTo(30.3, 6);
});

test('a zipped road shapefile dropped on the page goes to the road import', async ({ page }) => {
  const { zipSync } = await import('fflate');
  const zip = zipSync(
    Object.fromEntries(
      ['shp', 'dbf', 'prj', 'cpg'].map((ext) => [
        `roads.${ext}`,
        new Uint8Array(readFileSync(`${GEO}/roads.${ext}`)),
      ]),
    ),
  );
  const transfer = await page.evaluateHandle(
    (bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], '路网.zip', { type: 'application/zip' }));
      return data;
    },
    [...zip],
  );
  await page.dispatchEvent('main >> nth=0', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main >> nth=0', 'drop', { dataTransfer: transfer });
  const dialog = page.getByTestId('road-import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('road-import-file-name')).toHaveText('路网.zip');
  await expect(dialog.getByTestId('road-crs-how')).toHaveText(
    '已据 .prj 文件换算为经纬度（属性文字编码：GBK）',
  );
  await expect(dialog.getByTestId('road-import-summary')).toContainText('4 个节点，3 条路段');
});
