/**
 * End-to-end: the drill view (演练) as a planner uses it — a three-step drill written from a
 * built-in scenario, predicted, its script printed (print DOM and PDF) and exported, run in the
 * controller console with two recorded actions and a reload mid-drill, evaluated, and the
 * report exported. Screenshots of each view land in test-results/screenshots/drill-*.png.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, SCREENSHOTS, test } from './offline.ts';

/** Clicks a button that downloads, and returns the file's name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The text of every XML part of an Office file (a zip), concatenated. */
function officeText(bytes: Buffer): { parts: string[]; xml: string } {
  const files = unzipSync(new Uint8Array(bytes));
  const parts = Object.keys(files);
  const xml = parts
    .filter((name) => name.endsWith('.xml'))
    .map((name) => strFromU8(files[name]))
    .join('\n');
  return { parts, xml };
}

async function openDrill(page: Page) {
  await page.goto('/');
  await page.getByTestId('tab-drill').click();
  await expect(page.getByTestId('drill-view')).toBeVisible({ timeout: 30_000 });
}

async function section(page: Page, id: string) {
  await page.getByTestId(`drill-tab-${id}`).click();
  await expect(page.getByTestId(`drill-tab-${id}`)).toHaveAttribute('aria-selected', 'true');
}

async function addStep(
  page: Page,
  title: string,
  minutes: string,
  action: string,
  deadline: string,
) {
  await page.getByTestId('add-step').click();
  const editor = page.getByTestId('step-editor');
  await editor.getByTestId('step-title').fill(title);
  await editor.getByTestId('timing-type').selectOption('at');
  await editor.getByTestId('timing-at').fill(minutes);
  await editor.getByTestId('command-type').selectOption('call');
  await editor.getByTestId('add-expected').click();
  const row = editor.getByTestId('expected-row').last();
  await row.getByTestId('action-description').fill(action);
  await row.getByTestId('action-deadline').fill(deadline);
}

test('write, predict, print, run, evaluate and export a three-step drill', async ({ page }) => {
  test.setTimeout(300_000);
  await openDrill(page);

  // A new drill on the built-in Lincheng scenario: one step to start from.
  await page.getByTestId('drill-library').selectOption('scenario:default-city');
  await expect(page.getByTestId('step-row')).toHaveCount(1);
  await page.getByTestId('drill-name').fill('临城建筑火灾联合处置演练');
  await page.getByTestId('drill-id').fill('lincheng-fire-drill');
  await page.getByTestId('step-title').fill('接警与首批调度');
  await page.getByTestId('inject-text').fill('市民报警：临城区一居民楼起火，有人员被困。');
  // Place the incident on the map.
  const map = page.getByTestId('drill-map').locator('svg.map-svg');
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
  await expect(page.getByTestId('call-location')).toContainText('经度');
  await page.getByTestId('action-description').first().fill('消防救援首车到场');

  await addStep(page, '增援与医疗救护', '10', '第二起警情首支力量到场', '20');
  await addStep(page, '现场处置与总结', '25', '第三起警情首支力量到场', '25');
  await expect(page.getByTestId('step-row')).toHaveCount(3);
  await expect(page.getByTestId('drill-check')).toHaveAttribute('data-state', 'valid', {
    timeout: 10_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/drill-editor.png` });
  await page.getByTestId('drill-timeline').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/drill-editor-steps.png` });

  // Undo takes back the last edit; redo puts it back.
  await page.getByTestId('drill-undo').click();
  await page.getByTestId('drill-redo').click();
  await expect(page.getByTestId('expected-row').last().getByTestId('action-deadline')).toHaveValue(
    '25',
  );

  // Predict (仿真预演).
  await section(page, 'predict');
  await page.getByTestId('predict-replications').fill('12');
  await page.getByTestId('predict-run').click();
  await expect(page.getByTestId('predict-status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('prediction-action')).toHaveCount(3);
  await expect(page.getByTestId('coverage-matrix')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/drill-predict.png`, fullPage: true });

  // Print the script: one row per step, the prediction column filled, on A4 landscape.
  await section(page, 'print');
  await page.getByTestId('print-form').selectOption('script');
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet).toHaveAttribute('data-form', 'script');
  await expect(sheet.getByTestId('form-row')).toHaveCount(3);
  const firstRow = await sheet.getByTestId('form-row').first().innerText();
  expect(firstRow).toContain('接警与首批调度');
  expect(firstRow).toMatch(/下达 T\+\d\d:\d\d/);
  await expect(sheet.locator('tfoot')).toContainText('25 分钟');
  await page.screenshot({ path: `${SCREENSHOTS}/drill-print-script.png` });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('drill-bar')).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/drill-print-script-media.png`, fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfText = pdf.toString('latin1');
  expect(pdf.length).toBeGreaterThan(10_000);
  // A4 landscape: 842 × 595 points.
  expect(pdfText).toMatch(/MediaBox \[0 0 84[12](\.\d+)? 59[45](\.\d+)?\]/);
  await page.emulateMedia({ media: 'screen' });

  // The script, record and evaluation sheets as one workbook.
  const xlsx = await download(page, 'export-sheets');
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const workbook = officeText(xlsx.bytes);
  expect(workbook.parts).toContain('xl/workbook.xml');
  expect(workbook.xml).toContain('接警与首批调度');
  expect(workbook.xml).toContain('增援与医疗救护');
  expect(workbook.xml).toMatch(/下达 T\+\d\d:\d\d/);
  // The plan as Word.
  await page.getByTestId('print-form').selectOption('plan');
  await expect(sheet).toHaveAttribute('data-form', 'plan');
  const plan = await download(page, 'export-docx');
  expect(plan.name).toMatch(/\.docx$/);
  const planXml = officeText(plan.bytes);
  expect(planXml.parts).toContain('word/document.xml');
  expect(planXml.xml).toContain('临城建筑火灾联合处置演练');
  expect(planXml.xml).toContain('仿真预演结论');

  // Drill day: start, record two actions, reload mid-drill.
  await section(page, 'console');
  await page.getByTestId('console-recorder').fill('张记录');
  await page.getByTestId('console-start').click();
  await expect(page.getByTestId('console-status')).toHaveAttribute('data-state', 'running');
  await expect(page.locator('[data-testid="console-inject"][data-released="true"]')).toHaveCount(1);
  const actions = page.getByTestId('console-action');
  await actions.nth(0).getByTestId('console-typed-time').fill('T+12:30');
  await actions.nth(0).getByRole('button', { name: '添加' }).click();
  await actions.nth(0).getByTestId('record-note').fill('首车 12 分半到场');
  // Step 2 released early by hand, and its action stamped as it happens.
  await page
    .locator('[data-testid="console-inject"][data-step="s2"]')
    .getByTestId('console-release')
    .click();
  await actions.nth(1).getByTestId('console-record').click();
  await expect(page.getByTestId('console-record-row')).toHaveCount(2);
  await expect(page.getByTestId('console-saved')).toHaveAttribute('data-saved', 'true');
  await page.screenshot({ path: `${SCREENSHOTS}/drill-console.png` });
  const before = Number(await page.getByTestId('console-clock').getAttribute('data-seconds'));

  await page.reload();
  await page.getByTestId('tab-drill').click();
  // The drill itself came back from IndexedDB too.
  await expect(page.getByTestId('drill-title')).toHaveText('临城建筑火灾联合处置演练');
  await section(page, 'console');
  await expect(page.getByTestId('console-status')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('console-record-row')).toHaveCount(2);
  await expect(page.getByTestId('record-note').first()).toHaveValue('首车 12 分半到场');
  await expect(page.getByTestId('record-time').first()).toHaveValue('T+12:30');
  await expect(page.getByTestId('console-recorder')).toHaveValue('张记录');
  await expect
    .poll(async () => Number(await page.getByTestId('console-clock').getAttribute('data-seconds')))
    .toBeGreaterThanOrEqual(before);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('console-end').click();
  await expect(page.getByTestId('console-status')).toHaveAttribute('data-state', 'ended');

  // Evaluate: the deviation table, and the report as Word.
  await section(page, 'evaluate');
  await expect(page.getByTestId('deviation-row')).toHaveCount(3);
  await expect(page.getByTestId('deviation-row').nth(0)).toContainText('12.5');
  await page.screenshot({ path: `${SCREENSHOTS}/drill-evaluate.png`, fullPage: true });
  const report = await download(page, 'export-report-docx');
  expect(report.name).toMatch(/\.docx$/);
  const reportXml = officeText(report.bytes);
  expect(reportXml.xml).toContain('演练总结报告');
  expect(reportXml.xml).toContain('第二起警情首支力量到场');
  const improvements = await download(page, 'export-improvements-xlsx');
  expect(officeText(improvements.bytes).parts).toContain('xl/workbook.xml');

  // Year plan.
  await section(page, 'plan');
  await page.getByTestId('plan-add-current').click();
  await page.getByTestId('plan-add-builtin').selectOption({ index: 1 });
  await expect(page.getByTestId('plan-drills').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('plan-coverage')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/drill-plan.png` });
});

test('a built-in drill: checked at its fields, predicted, evaluated against its example record, every form in both languages', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openDrill(page);
  await page.getByTestId('drill-library').selectOption({ index: 1 });
  await expect(page.getByTestId('drill-check')).toHaveAttribute('data-state', 'valid', {
    timeout: 30_000,
  });
  const name = await page.getByTestId('drill-name').inputValue();
  expect(name).toContain('演练');

  // A bad edit shows at its field and in the list, and undo takes it back.
  await page.getByTestId('drill-name').fill('');
  await expect(page.getByTestId('drill-check')).toHaveAttribute('data-state', 'invalid');
  await expect(page.locator('[data-path="header.name"] [data-testid="field-error"]')).toBeVisible();
  await expect(page.getByTestId('drill-error').first()).toContainText('header.name');
  await page.screenshot({ path: `${SCREENSHOTS}/drill-editor-error.png` });
  await page.getByTestId('drill-undo').click();
  await expect(page.getByTestId('drill-name')).toHaveValue(name);
  await expect(page.getByTestId('drill-check')).toHaveAttribute('data-state', 'valid');

  // The drill as a file: exported, and a broken copy refused with each error at its path.
  const exported = await (async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('drill-library').selectOption('export:'),
    ]);
    return JSON.parse(await readFile(await file.path(), 'utf8')) as Record<string, unknown>;
  })();
  expect(exported.format).toBe('drill-planner/drill');
  const broken = structuredClone(exported) as {
    header: { name: string };
    steps: Array<{ duration: unknown }>;
  };
  broken.header.name = '';
  broken.steps[1].duration = -5;
  await page.getByTestId('drill-file-input').setInputFiles({
    name: 'broken.drill.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const fileErrors = page.getByTestId('drill-file-errors');
  await expect(fileErrors).toContainText('broken.drill.json');
  await expect(fileErrors).toContainText('header.name');
  await expect(fileErrors).toContainText('steps[1].duration');
  await expect(page.getByTestId('drill-name')).toHaveValue(name);
  // The file as exported opens again.
  await page.getByTestId('drill-file-input').setInputFiles({
    name: 'jinhua.drill.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(page.getByTestId('drill-file-errors')).toHaveCount(0);
  await expect(page.getByTestId('drill-check')).toHaveAttribute('data-state', 'valid');

  await section(page, 'predict');
  // A long prediction cancels within moments.
  await page.getByTestId('predict-replications').fill('1000');
  await page.getByTestId('predict-run').click();
  await expect(page.getByTestId('predict-progress')).toBeVisible();
  await page.getByTestId('predict-cancel').click();
  await expect(page.getByTestId('predict-status')).toHaveAttribute('data-state', 'cancelled', {
    timeout: 5_000,
  });
  await page.getByTestId('predict-replications').fill('10');
  await page.getByTestId('predict-run').click();
  await expect(page.getByTestId('predict-status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/drill-predict-builtin.png`, fullPage: true });

  // The shipped example record (illustrative), loaded in the console and evaluated.
  await section(page, 'console');
  await page.getByTestId('console-example').click();
  await expect(page.getByTestId('console-import-message')).toContainText('已导入');
  await section(page, 'evaluate');
  await expect(page.getByTestId('deviation-row').first()).toBeVisible();
  await expect(page.getByTestId('score-row').first()).toBeVisible();
  await page
    .getByTestId('score-row')
    .first()
    .getByRole('textbox', { name: '效果描述/存在问题' })
    .fill('接警迅速，指令清楚');
  // The fixes the drill carries as scenario variants, priced by re-running the prediction.
  await page.getByTestId('price-remedies').click();
  await expect(page.getByTestId('remedies-status')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  await page.screenshot({ path: `${SCREENSHOTS}/drill-evaluate-builtin.png`, fullPage: true });

  await section(page, 'print');
  for (const form of [
    'plan',
    'script',
    'evaluation',
    'record',
    'handbook',
    'report',
    'improvements',
  ]) {
    await page.getByTestId('print-form').selectOption(form);
    await expect(page.getByTestId('print-sheet')).toHaveAttribute('data-form', form);
    if (form === 'evaluation')
      await expect(page.getByTestId('print-sheet')).toContainText('接警迅速，指令清楚');
    await page.screenshot({ path: `${SCREENSHOTS}/drill-print-${form}.png`, fullPage: true });
  }
  // The plan prints on portrait A4 pages (the script on landscape ones: named @page rules).
  await page.getByTestId('print-form').selectOption('plan');
  await page.emulateMedia({ media: 'print' });
  const planPdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(planPdf).toMatch(/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
  expect(planPdf).not.toMatch(/MediaBox \[0 0 84[12](\.\d+)? 59[45](\.\d+)?\]/);
  expect((planPdf.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('language-switch').click();
  await page.getByTestId('print-form').selectOption('script');
  await expect(page.getByTestId('print-sheet')).toContainText('Drill script');
  await page.screenshot({ path: `${SCREENSHOTS}/drill-print-script-en.png`, fullPage: true });
  await section(page, 'script');
  await page.screenshot({ path: `${SCREENSHOTS}/drill-editor-en.png` });
});

test('a tabletop drill steps through inject, questions, decision and result, typed in and kept', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openDrill(page);
  await page.getByTestId('drill-library').selectOption({ index: 1 });
  await expect(page.getByTestId('drill-check')).toHaveAttribute('data-state', 'valid', {
    timeout: 30_000,
  });
  await page.getByTestId('drill-mode').selectOption('tabletop');
  await section(page, 'console');
  await page.getByTestId('console-start').click();
  const tabletop = page.getByTestId('tabletop');
  await expect(tabletop).toBeVisible();
  await page.getByTestId('tabletop-next').click();
  await page.getByTestId('tabletop-question').fill('泄漏物是否可燃？');
  await page.getByTestId('tabletop-next').click();
  await page.getByTestId('tabletop-decision').fill('划定 300 米警戒区，消防先期堵漏');
  await page.getByTestId('tabletop-next').click();
  await page.getByTestId('tabletop-result').fill('警戒区已划定');
  await expect(page.getByTestId('console-saved')).toHaveAttribute('data-saved', 'true');
  await page.screenshot({ path: `${SCREENSHOTS}/drill-console-tabletop.png` });
  await page.reload();
  await page.getByTestId('tab-drill').click();
  await section(page, 'console');
  await expect(page.getByTestId('tabletop-decision')).toHaveValue(
    '划定 300 米警戒区，消防先期堵漏',
  );
  await page.getByTestId('tabletop-next').click();
  // The next step's inject went out with the move to its first stage.
  await expect(page.locator('[data-testid="console-inject"][data-released="true"]')).toHaveCount(2);
});

test('the year plan: the same drill held twice, one record from the console and one sheet attached, compared action by action', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openDrill(page);
  await page.getByTestId('drill-library').selectOption({ index: 1 });
  await expect(page.getByTestId('drill-check')).toHaveAttribute('data-state', 'valid', {
    timeout: 30_000,
  });
  const exported = await (async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('drill-library').selectOption('export:'),
    ]);
    return JSON.parse(await readFile(await file.path(), 'utf8')) as {
      id: string;
      header: { date: string; name: string };
    };
  })();

  // The drill in the plan without a record: the plan says how to get one.
  await section(page, 'plan');
  await page.getByTestId('plan-add-current').click();
  await expect(page.getByTestId('plan-drills').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('plan-trend-none')).toContainText('导调控制台');
  await expect(page.getByTestId('plan-trend-none')).toContainText('记录表');

  // Held again half a year later (the same expected actions), added as a file.
  const [year, month, day] = exported.header.date.split('-').map(Number);
  const later = `${month > 6 ? year + 1 : year}-${String(((month + 5) % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const again = {
    ...exported,
    id: `${exported.id}-again`,
    header: { ...exported.header, date: later },
  };
  await page.getByTestId('plan-file-input').setInputFiles({
    name: 'again.drill.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(again)),
  });
  await expect(page.getByTestId('plan-drills').locator('tbody tr')).toHaveCount(2);

  // The first holding's record: the shipped example, in the console; its sheet exported.
  await section(page, 'console');
  await page.getByTestId('console-example').click();
  await expect(page.getByTestId('console-import-message')).toContainText('已导入');
  const sheet = (await download(page, 'console-export')).bytes.toString('utf8');
  // The second holding recorded every action a minute sooner.
  const sooner = sheet
    .split('\r\n')
    .map((line) => {
      const [time, type, ...rest] = line.split(',');
      const match = /^T\+(\d+):(\d\d)$/.exec(time ?? '');
      if (type !== '行动' || !match) return line;
      const seconds = Math.max(0, Number(match[1]) * 60 + Number(match[2]) - 60);
      const clock = `T+${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
      return [clock, type, ...rest].join(',');
    })
    .join('\r\n');

  await section(page, 'plan');
  const records = page.getByTestId('plan-record');
  await expect(records.nth(0)).toHaveAttribute('data-source', 'console');
  await expect(records.nth(1)).toHaveAttribute('data-source', 'none');
  await expect(page.getByTestId('plan-trend-none')).toContainText('至少两次');
  // A sheet with an error is refused, by its line.
  await records.nth(1).getByTestId('plan-attach').click();
  await page.getByTestId('plan-sheet-input').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('时间,类型,环节\nT+01:00,行动,9.9\n'),
  });
  await expect(page.getByTestId('plan-sheet-problems')).toContainText('第 2 行');
  await expect(records.nth(1)).toHaveAttribute('data-source', 'none');
  await records.nth(1).getByTestId('plan-attach').click();
  await page.getByTestId('plan-sheet-input').setInputFiles({
    name: 'again.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(sooner),
  });
  await expect(records.nth(1)).toHaveAttribute('data-source', 'sheet');
  await expect(page.getByTestId('plan-sheet-problems')).toHaveCount(0);
  const trend = page.getByTestId('plan-trend-table');
  await expect(trend).toBeVisible();
  await expect(trend.locator('thead th')).toHaveCount(3);
  await expect(trend.locator('td[data-direction="-1"]').first()).toContainText('较上次快');
  await page.getByTestId('plan-trend').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/drill-plan-trend.png`, fullPage: true });
  // Kept across a reload.
  await page.reload();
  await page.getByTestId('tab-drill').click();
  await section(page, 'plan');
  await expect(page.getByTestId('plan-trend-table')).toBeVisible({ timeout: 30_000 });
  // In English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('plan-trend-table')).toContainText('faster than the last');
  await page.getByTestId('plan-trend').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/drill-plan-trend-en.png`, fullPage: true });
});
