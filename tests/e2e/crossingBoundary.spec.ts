/**
 * End-to-end: a district boundary that crosses itself is named at the district import (the
 * district, the two edges, where) and, once imported, in the scenario check.
 */
import { expect, SCREENSHOTS, test } from './offline.ts';

test('a self-crossing district boundary is named at the import and by the check', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await expect(page.getByTestId('validation-status')).toContainText('情景有效');
  // 新港区 drawn with two corners swapped: a bow tie.
  const bowTie = [
    [120.2, 30.1],
    [120.26, 30.1],
    [120.2, 30.16],
    [120.26, 30.16],
    [120.2, 30.1],
  ];
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: 'xingang', 名称: '新港区' },
        geometry: { type: 'Polygon', coordinates: [bowTie] },
      },
    ],
  });
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-districts').click();
  const dialog = page.getByTestId('district-import-dialog');
  await dialog.getByTestId('district-import-file').setInputFiles({
    name: 'xingang.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(geojson),
  });
  const warnings = dialog.getByTestId('district-import-warnings').getByTestId('problem');
  await expect(warnings).toHaveCount(1);
  await expect(warnings.first()).toHaveText(
    'features[0].geometry.coordinates[0]辖区 新港区 (xingang) 的边界自相交：边 coordinates[0][1]–[2] 与边 coordinates[0][3]–[0] 在 (120.23000, 30.13000) 附近相交；自相交的边界无法确定内外（是否有两个点顺序颠倒？）',
  );
  await dialog.getByTestId('district-mode-add').check();
  await page.screenshot({ path: `${SCREENSHOTS}/district-import-crossing.png` });
  await dialog.getByTestId('district-import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('validation-status')).toContainText('1 条提示');
});
