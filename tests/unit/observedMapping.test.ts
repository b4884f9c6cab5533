/**
 * The call import dialog's observed times and fit: columns guessed from their names, the mapping
 * the importer takes, the edit that moves the run; and the dialog's first mapping of a real
 * export (tests/fixtures/calls-observed-us-dates.csv) imported into Lincheng with the fit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/builtin/index.ts';
import { detectColumns } from '../../src/scenarios/callColumns.ts';
import { importRows, readCsv } from '../../src/scenarios/importCalls.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { appendIncidents, callMapping, guessMapping } from '../../src/ui/library/callMapping.ts';
import {
  applyFit,
  guessObservedColumns,
  listedTimes,
  observedColumns,
  observedCounts,
  outsideRun,
} from '../../src/ui/library/observedMapping.ts';

describe('guessObservedColumns', () => {
  it('picks Chinese dispatch-system columns, leaving the call time and number alone', () => {
    const header = [
      '警情编号',
      '接警时间',
      '事件类型',
      '处警单位',
      '派车时间',
      '出动时间',
      '到场时间',
      '处置完毕时间',
      '所属机构',
    ];
    expect(guessObservedColumns(header, ['接警时间', '事件类型'])).toEqual({
      dispatched: '派车时间',
      enRoute: '出动时间',
      onScene: '到场时间',
      cleared: '处置完毕时间',
      unit: '处警单位',
      agency: '所属机构',
      capability: '',
    });
  });

  it('picks English ones, and 返队时间 or 车辆 as cleared and unit', () => {
    expect(
      guessObservedColumns(
        [
          'Incident number',
          'Call received',
          'Type',
          'Unit',
          'Dispatch time',
          'En route',
          'On scene',
          'Cleared',
          'Capability',
        ],
        ['Call received', 'Type'],
      ),
    ).toEqual({
      dispatched: 'Dispatch time',
      enRoute: 'En route',
      onScene: 'On scene',
      cleared: 'Cleared',
      unit: 'Unit',
      agency: '',
      capability: 'Capability',
    });
    const zh = guessObservedColumns(['接警时间', '车辆', '到达时间', '返队时间']);
    expect(zh.unit).toBe('车辆');
    expect(zh.onScene).toBe('到达时间');
    expect(zh.cleared).toBe('返队时间');
  });

  it('pre-selects no unit column without a time column (which unit went is not enough)', () => {
    const guessed = guessObservedColumns(['警情编号', '接警时间', '辖区', '处警单位']);
    expect(Object.values(guessed).every((column) => column === '')).toBe(true);
  });

  it('guesses nothing for a file without observed columns', () => {
    const none = guessObservedColumns(['time', 'kind', 'lon', 'lat', 'district'], ['time', 'kind']);
    expect(Object.values(none).every((column) => column === '')).toBe(true);
    expect(observedColumns(none)).toBeUndefined();
  });

  it('never offers one column for two observed times', () => {
    const guessed = guessObservedColumns(['arrived / cleared']);
    expect([guessed.onScene, guessed.cleared].filter(Boolean)).toHaveLength(1);
  });
});

describe('applyFit', () => {
  it('moves the start, the duration and the incidents listed already, in list and table', () => {
    const frozen = Object.freeze([Object.freeze({ time: 100, kind: 'fire' })]);
    const draft: Record<string, unknown> = {
      start: '2026-07-06T00:00',
      duration: 86_400,
      arrivals: {
        incidents: frozen,
        incidentTable: { kinds: ['fire'], time: Object.freeze([200, 300]), kind: [0, 0] },
      },
    };
    expect(listedTimes(draft)).toEqual([100, 200, 300]);
    applyFit(draft, { start: '2026-07-05T06:00', duration: 3 * 86_400, shift: 64_800 });
    expect(draft.start).toBe('2026-07-05T06:00');
    expect(draft.duration).toBe(3 * 86_400);
    expect(listedTimes(draft)).toEqual([64_900, 65_000, 65_100]);
    expect(frozen[0].time).toBe(100);
  });
});

describe('the dialog’s first mapping of a dispatch system export', () => {
  const scenario = builtinScenario('default-city');
  const parsed = readCsv(
    readFileSync(new URL('../fixtures/calls-observed-us-dates.csv', import.meta.url), 'utf8'),
    'zh',
  );
  const header = parsed.rows[0].cells;
  const kinds = scenario.incidentKinds.map((k) => ({ id: k.id, name: k.name ?? '' }));
  const mapping = {
    ...guessMapping(header, parsed.rows, kinds, detectColumns(parsed.rows, scenario.districts)),
    groupBy: '警情编号',
  };
  const read = (fit: boolean) =>
    importRows(parsed, callMapping(mapping), scenario.start, new Set(kinds.map((k) => k.id)), {
      language: 'zh',
      districts: scenario.districts,
      fit,
      warmup: scenario.warmup,
      existingTimes: [],
    });

  it('maps the call columns and every observed one', () => {
    expect(mapping.time).toBe('接警时间');
    expect(mapping.observed).toEqual({
      dispatched: '派车时间',
      enRoute: '出动时间',
      onScene: '到场时间',
      cleared: '返队时间',
      unit: '处警单位',
      agency: '',
      capability: '',
    });
  });

  it('finds the calls outside the run (March 2025) and fits the run to them', () => {
    const fitted = read(true);
    expect(fitted.problems).toEqual([]);
    expect(outsideRun(fitted, scenario.duration)).toBe(true);
    // From the hour of the first call (00:07 on 18 March) less Lincheng's day of warm-up.
    expect(fitted.fitted!.start).toBe('2025-03-17T00:00');
    expect(fitted.fitted!.duration).toBe(86_400 + 14 * 3600);
    const counts = observedCounts(fitted.incidents);
    expect(counts.incidents).toBe(fitted.incidents.length);
    expect(counts.units).toBe(parsed.rows.length - 1);
    expect(fitted.groupedRows).toBe(counts.units - counts.incidents);
    // Without the fit every call is before the run's start, and said so line by line.
    const unfitted = read(false);
    expect(unfitted.incidents).toHaveLength(0);
    expect(unfitted.problems).toHaveLength(parsed.rows.length - 1);

    const doc = structuredClone(scenario) as unknown as Record<string, unknown>;
    applyFit(doc, fitted.fitted!);
    appendIncidents(doc, fitted.incidents);
    const loaded = loadScenario(doc, 'zh');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.scenario.start).toBe(fitted.fitted!.start);
    const first = loaded.scenario.arrivals.incidents.find((i) => i.observed)!;
    const unit = first.observed!.units![0];
    expect(unit.unit).toBe('西山卫生院救护车');
    expect(unit.onScene).toBeGreaterThan(unit.dispatched!);
  });
});
