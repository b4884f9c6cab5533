/**
 * End-to-end: autosave cannot lose a committed edit. A burst of edits then a renderer crash:
 * every edit is back in a new page, and the page says what it restored and from when (the loss
 * window, edit to end of its IndexedDB transaction, is printed). A value typed but not
 * committed survives a reload in its field. Two tabs: the second is read-only and cannot
 * overwrite the first; when the first closes, the second takes over.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './offline.ts';

/** The offline guard of offline.ts for the further pages a test opens. */
async function openGuardedPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = ['data:', 'blob:'].includes(url.protocol) || url.hostname === '127.0.0.1';
    if (local) return route.continue();
    problems.push(`request to ${url.href}`);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  return page;
}

function crewOf(page: Page) {
  return page.getByTestId('field-units[0].crew');
}

function tierOf(page: Page, agencyId: string) {
  return page.getByTestId(`agency-${agencyId}`).locator('select').first();
}

test('a burst of edits then a renderer crash: every edit is restored, and the page says so', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('editor-tab-units').click();
  const crew = crewOf(page);
  await expect(crew).toHaveValue('5');

  // Twelve committed edits 150 ms apart; the page crashes right after the last Enter.
  const EDITS = 12;
  for (let edit = 1; edit <= EDITS; edit++) {
    await crew.fill(String(5 + edit));
    await crew.press('Enter');
    if (edit === EDITS - 1) {
      const latencies = await page.evaluate(() => window.__drillPlanner!.autosaveLatencies());
      const sorted = [...latencies].sort((a, b) => a - b);
      console.log(
        `autosave loss window (edit → IndexedDB transaction complete), ${sorted.length} edits: ` +
          `median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, ` +
          `max ${sorted.at(-1)!.toFixed(1)} ms`,
      );
      expect(sorted.length).toBeGreaterThanOrEqual(EDITS - 1);
      expect(sorted.at(-1)!).toBeLessThan(250);
    }
    if (edit < EDITS) await page.waitForTimeout(150);
  }
  try {
    await page.goto('chrome://crash', { timeout: 5_000 });
  } catch {
    // The renderer is gone: that is the point.
  }

  const problems: string[] = [];
  const again = await openGuardedPage(context, problems);
  const notice = again.getByTestId('restore-notice');
  await expect(notice).toContainText('上次没有正常关闭');
  await expect(notice).toContainText(`共 ${EDITS} 次修改`);
  await expect(notice).toContainText('乘员 16 → 17');
  await expect(notice).toContainText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
  await again.getByTestId('editor-tab-units').click();
  await expect(crewOf(again)).toHaveValue(String(5 + EDITS));
  await expect(again.getByTestId('undo')).toHaveAttribute('title', /乘员 16 → 17/);
  await expect(again.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await again.screenshot({ path: `${SCREENSHOTS}/autosave-restore-notice.png` });
  // Every edit is in the history: twelve undos lead back to the crew of 5.
  for (let step = 0; step < EDITS; step++) await again.getByTestId('undo').click();
  await expect(crewOf(again)).toHaveValue('5');
  await again.getByTestId('dismiss-notice').click();
  await expect(notice).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('edits right before the tab is closed without its unload handlers are all kept', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('editor-tab-agencies').click();
  await tierOf(page, 'power').selectOption('2');
  await page.getByTestId('editor-tab-units').click();
  await crewOf(page).fill('8');
  await crewOf(page).press('Enter');
  await page.close({ runBeforeUnload: false });

  const problems: string[] = [];
  const again = await openGuardedPage(context, problems);
  await expect(again.getByTestId('readonly-notice')).toHaveCount(0);
  await again.getByTestId('editor-tab-units').click();
  await expect(crewOf(again)).toHaveValue('8');
  await again.getByTestId('editor-tab-agencies').click();
  await expect(tierOf(again, 'power')).toHaveValue('2');
  await expect(again.getByTestId('undo')).toHaveAttribute('title', /乘员 5 → 8/);
  expect(problems).toEqual([]);
});

test('a value typed but not committed survives a reload in its field', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-view')).toBeVisible();
  await page.getByTestId('editor-tab-units').click();
  const crew = crewOf(page);
  await crew.fill('9');
  // Honest header: saved, with the uncommitted input counted.
  const state = page.getByTestId('save-state');
  await expect(state).toHaveAttribute('data-drafts', '1');
  await expect(state).toHaveAttribute('data-state', 'saved');
  await expect(state).toContainText('1 处输入未提交');

  await page.reload();
  await expect(page.getByTestId('restore-notice')).toContainText('未提交的输入已放回原处：乘员');
  await page.getByTestId('editor-tab-units').click();
  await expect(crewOf(page)).toHaveValue('9');
  await expect(page.getByTestId('undo')).toBeDisabled();
  // Enter makes it an edit, and the draft is gone.
  await crewOf(page).press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /乘员 5 → 9/);
  await expect(state).toHaveAttribute('data-drafts', '0');
  await expect(state).toHaveText('已自动保存');
});

test('a second tab is read-only and cannot overwrite the first; it takes over when the first closes', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const problems: string[] = [];
  const second = await openGuardedPage(context, problems);
  await expect(second.getByTestId('readonly-notice')).toContainText('本页只读');
  await expect(second.getByTestId('save-state')).toHaveAttribute('data-state', 'readonly');
  await expect(second.getByTestId('save-state')).toHaveText('只读');
  await expect(page.getByTestId('readonly-notice')).toHaveCount(0);

  // The first tab edits a tier; the second follows and cannot edit.
  await page.getByTestId('editor-tab-agencies').click();
  await tierOf(page, 'power').selectOption('2');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await second.getByTestId('editor-tab-agencies').click();
  await expect(tierOf(second, 'power')).toHaveValue('2');
  await expect(tierOf(second, 'power')).toBeDisabled();
  await expect(second.getByTestId('undo')).toBeDisabled();
  // Nothing else that would replace the scenario works there either.
  await expect(second.getByTestId('scenario-select')).toBeDisabled();
  await expect(second.getByTestId('open-file')).toBeDisabled();
  await expect(second.getByTestId('import-menu')).toBeDisabled();
  await second.getByTestId('editor-tab-units').click();
  await expect(crewOf(second)).toHaveAttribute('readonly', '');
  await second.screenshot({ path: `${SCREENSHOTS}/autosave-readonly-tab.png` });

  // The first tab's undo and redo are followed by the second too.
  await second.getByTestId('editor-tab-agencies').click();
  await page.getByTestId('undo').click();
  await expect(tierOf(second, 'power')).toHaveValue('1');
  await page.getByTestId('redo').click();
  await expect(tierOf(second, 'power')).toHaveValue('2');

  // The first tab closes: the second takes over, with the first's last save.
  await page.close();
  await expect(second.getByTestId('readonly-notice')).toHaveCount(0);
  await expect(second.getByTestId('restore-notice')).toContainText('本页已接管编辑');
  await expect(tierOf(second, 'power')).toBeEnabled();
  await expect(tierOf(second, 'power')).toHaveValue('2');
  await second.getByTestId('editor-tab-units').click();
  await crewOf(second).fill('7');
  await crewOf(second).press('Enter');
  await expect(second.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // A page opened now shows both edits, read-only.
  const third = await openGuardedPage(context, problems);
  await expect(third.getByTestId('readonly-notice')).toBeVisible();
  await third.getByTestId('editor-tab-units').click();
  await expect(crewOf(third)).toHaveValue('7');
  await third.getByTestId('editor-tab-agencies').click();
  await expect(tierOf(third, 'power')).toHaveValue('2');
  expect(problems).toEqual([]);
});
