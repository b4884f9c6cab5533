/**
 * The events form's words: an event's time as a day of the run and a local clock time and back,
 * a road segment by the places it joins, segments found by a place near them.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/builtin/index.ts';
import {
  clockOf,
  formatClock,
  roadLabel,
  roadsNear,
  secondsOf,
  startSecondOfDay,
} from '../../src/ui/editors/eventTimes.ts';
import { newEvent } from '../../src/ui/editors/EventsEditor.tsx';
import { loadScenario } from '../../src/scenarios/load.ts';
import type { ScenarioDoc } from '../../src/ui/workspace/history.ts';

const huzhou = builtinScenarios.find((b) => b.id === 'huzhou-flood')!.input as ScenarioDoc;

describe('event times as days and clock times', () => {
  it('reads seconds after the start as the day of the run and the local time', () => {
    expect(startSecondOfDay('2026-07-07T08:00')).toBe(8 * 3600);
    expect(clockOf('2026-08-10T00:00', 0)).toEqual({ day: 1, time: '00:00' });
    expect(clockOf('2026-08-10T00:00', 108_000)).toEqual({ day: 2, time: '06:00' });
    // A drill starting at 08:00: 17 hours on is 01:00 the next day.
    expect(clockOf('2026-07-07T08:00', 17 * 3600)).toEqual({ day: 2, time: '01:00' });
    expect(formatClock({ day: 2, time: '14:30' }, 'zh')).toBe('第2天 14:30');
    expect(formatClock({ day: 2, time: '14:30' }, 'en')).toBe('day 2, 14:30');
  });

  it('turns a day and a clock time back into seconds, and says why not', () => {
    expect(secondsOf('2026-08-10T00:00', { day: 2, time: '14:30' })).toEqual({
      ok: true,
      at: 86_400 + 14.5 * 3600,
    });
    expect(secondsOf('2026-07-07T08:00', { day: 1, time: '09:00' })).toEqual({
      ok: true,
      at: 3600,
    });
    expect(secondsOf('2026-07-07T08:00', { day: 1, time: '07:59' })).toEqual({
      ok: false,
      reason: 'beforeStart',
    });
    expect(secondsOf('2026-07-07T08:00', { day: 1, time: '25:00' })).toMatchObject({ ok: false });
    expect(secondsOf('2026-07-07T08:00', { day: 1, time: '9点' })).toMatchObject({ ok: false });
    for (const at of [0, 3600, 108_000, 410_400]) {
      const clock = clockOf('2026-04-02T00:00', at);
      expect(secondsOf('2026-04-02T00:00', clock)).toEqual({ ok: true, at });
    }
  });
});

describe('roads by the places they join', () => {
  it('names the typhoon’s closed segments by nearby bases, not only by number', () => {
    const closed = (huzhou.events as Array<{ type: string; edges?: number[] }>).find(
      (e) => e.type === 'closeRoad',
    )!;
    const label = roadLabel(huzhou, closed.edges![0], 'zh')!;
    expect(label).toMatch(new RegExp(`^#${closed.edges![0]} .+ → .+（\\d+\\.\\d km）$`));
    expect(label).not.toMatch(/°N/);
    expect(roadLabel(huzhou, 10_000_000, 'zh')).toBeNull();
  });

  it('finds segments near a place by its name', () => {
    const found = roadsNear(huzhou, '消防', 'zh');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].label).toContain('消防');
    expect(roadsNear(huzhou, '没有这个地方', 'zh')).toEqual([]);
  });
});

describe('a new event from the form', () => {
  it('is a valid event of every kind', () => {
    const kinds = [
      'closeRoad',
      'damageRoad',
      'openRoad',
      'unitOutOfService',
      'unitInService',
      'season',
      'responseLevel',
      'callRateFactor',
    ] as const;
    const events = kinds.map((kind) => newEvent(kind, 3600, huzhou));
    const loaded = loadScenario({ ...huzhou, events });
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });
});
