/**
 * The pure parts of autosave: the write-through scheduler, the field drafts and their store,
 * and the message after a restore.
 */
import { describe, expect, it } from 'vitest';
import {
  DraftStore,
  draftFor,
  readDraftMap,
  withDraft,
  withoutDraft,
  type DraftMap,
  type DraftStatus,
} from '../../src/ui/workspace/drafts.ts';
import { restoreMessage, type RestoreFacts } from '../../src/ui/workspace/restoreMessage.ts';
import { createSaveScheduler, type SaveOutcome } from '../../src/ui/workspace/saveScheduler.ts';

/** A write that finishes when the test says so. */
function manualWrites<T>() {
  const calls: { value: T; finish(ok?: boolean): void }[] = [];
  const write = (value: T) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ value, finish: (ok = true) => (ok ? resolve() : reject(new Error('full'))) });
    });
  return { calls, write };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('save scheduler', () => {
  it('writes at once, without waiting for edits to pause', () => {
    const { calls, write } = manualWrites<number>();
    const scheduler = createSaveScheduler(write, () => undefined);
    scheduler.request(1);
    expect(calls.map((call) => call.value)).toEqual([1]);
    expect(scheduler.busy()).toBe(true);
  });

  it('keeps only the newest value while a write is under way, and writes it next', async () => {
    const { calls, write } = manualWrites<number>();
    const outcomes: SaveOutcome<number>[] = [];
    let clock = 0;
    const scheduler = createSaveScheduler(
      write,
      (outcome) => outcomes.push(outcome),
      () => clock,
    );
    scheduler.request(1, 0);
    clock = 5;
    scheduler.request(2, 5);
    scheduler.request(3, 7);
    expect(calls.map((call) => call.value)).toEqual([1]);
    clock = 10;
    calls[0].finish();
    await settle();
    expect(calls.map((call) => call.value)).toEqual([1, 3]);
    clock = 20;
    calls[1].finish();
    await settle();
    // The write of 3 carries the edit made at 5 (value 2's): its window starts there.
    expect(outcomes).toEqual([
      { value: 1, ok: true, since: 0, at: 10 },
      { value: 3, ok: true, since: 5, at: 20 },
    ]);
    expect(scheduler.busy()).toBe(false);
  });

  it('reports a failed write and goes on with the next', async () => {
    const { calls, write } = manualWrites<string>();
    const outcomes: boolean[] = [];
    const scheduler = createSaveScheduler(write, (outcome) => outcomes.push(outcome.ok));
    scheduler.request('a');
    scheduler.request('b');
    calls[0].finish(false);
    await settle();
    calls[1].finish();
    await scheduler.flushed();
    expect(outcomes).toEqual([false, true]);
  });
});

describe('field drafts', () => {
  const crew = { label: '乘员', text: '9', over: '5' };

  it('shows a draft only in a field that still shows what it was typed over', () => {
    const drafts = withDraft({}, 'units[0].crew', crew);
    expect(draftFor(drafts, 'units[0].crew', '5')).toBe('9');
    expect(draftFor(drafts, 'units[0].crew', '6')).toBeNull();
    expect(draftFor(withoutDraft(drafts, 'units[0].crew'), 'units[0].crew', '5')).toBeNull();
  });

  it('drops anything malformed when read back', () => {
    expect(readDraftMap(null)).toEqual({});
    expect(readDraftMap(['x'])).toEqual({});
    expect(readDraftMap({ 'units[0].crew': crew, bad: { text: 1 }, worse: 'x' })).toEqual({
      'units[0].crew': crew,
    });
  });

  it('writes each keystroke through and says when everything is written', async () => {
    const { calls, write } = manualWrites<DraftMap>();
    const store = new DraftStore(write);
    const statuses: DraftStatus[] = [];
    store.subscribe((status) => statuses.push(status));
    store.keep('units[0].crew', { ...crew, text: '1' });
    store.keep('units[0].crew', { ...crew, text: '12' });
    expect(statuses.at(-1)).toEqual({ count: 1, pending: true, ok: true });
    calls[0].finish();
    await settle();
    // The first write is done, the newest text not yet.
    expect(statuses.at(-1)!.pending).toBe(true);
    expect(calls[1].value['units[0].crew'].text).toBe('12');
    calls[1].finish();
    await settle();
    expect(statuses.at(-1)).toEqual({ count: 1, pending: false, ok: true });
    store.drop('units[0].crew');
    expect(calls[2].value).toEqual({});
    expect(store.shownIn('units[0].crew', '5')).toBeNull();
  });

  it('takes restored drafts as written already', () => {
    const { calls, write } = manualWrites<DraftMap>();
    const store = new DraftStore(write);
    store.restore({ 'units[0].crew': crew });
    expect(calls).toEqual([]);
    expect(store.shownIn('units[0].crew', '5')).toBe('9');
    store.flush();
    expect(calls).toEqual([]);
  });
});

describe('restore message', () => {
  const crash: RestoreFacts = {
    endedCleanly: false,
    savedAt: Date.UTC(2026, 11, 6, 5, 4, 3),
    revision: 12,
    lastEdit: '临城站水罐消防车：乘员 16 → 17',
    undoSteps: 12,
    draftLabels: [],
  };

  it('after a crash says what was restored and from when, in both languages', () => {
    expect(restoreMessage(crash, 'zh', 'Asia/Shanghai')).toBe(
      '上次没有正常关闭（页面崩溃或被强制关闭）。已恢复 2026/12/06 13:04:03 自动保存的情景：共 12 次修改，最后一次是“临城站水罐消防车：乘员 16 → 17”，可撤销 12 步。',
    );
    expect(restoreMessage({ ...crash, lastEdit: 'Crew 16 → 17' }, 'en', 'UTC')).toBe(
      'The last session did not end normally (the page crashed or was closed by force). Restored the scenario saved at 06/12/2026, 05:04:03: 12 edits, the last “Crew 16 → 17”; 12 steps can be undone.',
    );
  });

  it('says nothing after a clean end, or when nothing had been edited', () => {
    expect(restoreMessage({ ...crash, endedCleanly: true }, 'zh')).toBeNull();
    expect(restoreMessage({ ...crash, revision: 0, undoSteps: 0, lastEdit: '' }, 'en')).toBeNull();
  });

  it('names the fields whose typed values were put back, never their paths', () => {
    const facts = { ...crash, endedCleanly: true, draftLabels: ['乘员', '名称'] };
    expect(restoreMessage(facts, 'zh')).toBe(
      '未提交的输入已放回原处：乘员、名称（按 Enter 提交，Esc 放弃）。',
    );
    expect(restoreMessage({ ...facts, draftLabels: ['Crew'] }, 'en')).toBe(
      'Uncommitted input put back where it was typed: Crew (Enter commits it, Esc drops it).',
    );
  });
});
