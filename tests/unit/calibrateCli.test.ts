/**
 * `sim import-calls` keeps the observed times of each unit's row, and `sim calibrate` prints
 * observed against simulated response before and after the fit and writes the fitted scenario.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { lineScenario } from './fixtures.ts';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'drill-calibrate-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const history = new URL('../e2e/fixtures/calibration-history.json', import.meta.url).pathname;

describe('sim import-calls with observed times', () => {
  const scenario = file(
    'line.json',
    JSON.stringify({ ...lineScenario(), start: '2016-12-31T00:00' }),
  );
  it('keeps each row of an incident as one unit, its times in seconds after the call', () => {
    const csv = file(
      'units.csv',
      [
        'number,received,kind,district,unit,dispatched,en route,on scene,cleared',
        '7,12/31/2016 11:57:56 PM,fire,west,E1,12/31/2016 11:58:30 PM,12/31/2016 11:59:26 PM,1/1/2017 12:05:10 AM,1/1/2017 12:40:00 AM',
        '7,12/31/2016 11:58:10 PM,fire,west,A2,12/31/2016 11:59:00 PM,,1/1/2017 12:08:00 AM,',
        '8,12/31/2016 10:00:00 PM,fire,east,E1,12/31/2016 10:01:00 PM,12/31/2016 10:00:30 PM,,',
      ].join('\n'),
    );
    const written = join(dir, 'units-out.json');
    const args = [
      'import-calls',
      csv,
      '--scenario',
      scenario,
      '--time',
      'received',
      '--kind',
      'kind',
    ];
    const columns = ['--district', 'district', '--group-by', 'number', '--unit', 'unit'];
    const times = [
      '--dispatched',
      'dispatched',
      '--en-route',
      'en route',
      '--on-scene',
      'on scene',
    ];
    expect(main([...args, ...columns, ...times, '--cleared', 'cleared', '--out', written])).toBe(0);
    const incidents = JSON.parse(readFileSync(written, 'utf8')).arrivals.incidents;
    const seven = incidents.find((i: { time: number }) => i.time === 86_276);
    expect(seven.observed).toEqual({
      handledAfter: 34,
      units: [
        { unit: 'E1', dispatched: 34, enRoute: 90, onScene: 434, cleared: 2524 },
        { unit: 'A2', dispatched: 64, onScene: 604 },
      ],
    });
    // Row 4 left before it was ordered: that row is reported, with the two times named.
    expect(err.join('\n')).toContain(':4: the en-route time is before the dispatched time');
  });

  it('names a missing observed column', () => {
    const csv = file('plain.csv', 'time,kind,district\n60,fire,west\n');
    const written = join(dir, 'plain-out.json');
    const args = ['import-calls', csv, '--scenario', scenario, '--time', 'time', '--kind', 'kind'];
    expect(
      main([...args, '--district', 'district', '--on-scene', '到场时间', '--out', written]),
    ).toBe(1);
    expect(err.join('\n')).toContain('no column "到场时间"');
  });
});

describe('sim calibrate', () => {
  it('prints observed against simulated before and after the fit and writes the fitted scenario', () => {
    const fitted = join(dir, 'fitted.json');
    const args = ['calibrate', '--scenario', history, '--replications', '2', '--out', fitted];
    expect(main(args)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Response, call → first arrival (simulated: 2 replication(s)');
    expect(text).toMatch(/overall\s+\d+\.\d min \/ \d+\.\d min\s+\d+\.\d min/);
    expect(text).toContain('arterial');
    expect(main(['validate', fitted])).toBe(0);
    const scenario = JSON.parse(readFileSync(fitted, 'utf8'));
    expect(scenario.travel.roadClasses.arterial.speedKmh).toBeGreaterThan(40);
    expect(scenario.dispatch.callHandling.type).toBe('lognormal');
  });

  it('speaks Chinese with --lang zh, with names and words, not ids', () => {
    expect(main(['calibrate', '--scenario', history, '--replications', '1', '--lang', 'zh'])).toBe(
      0,
    );
    const text = out.join('\n');
    expect(text).toContain('响应时间：接警至首车到场');
    expect(text).toContain('主干道');
    expect(text).toContain('临城市急救中心');
    expect(text).not.toMatch(/\b(arterial|medical|police|fire)\b/);
  });

  it('gives JSON with --json', () => {
    expect(main(['calibrate', '--scenario', history, '--replications', '1', '--json'])).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.comparison.overall.after.n).toBeGreaterThan(100);
    expect(json.fit.travel.fittedClasses).toContain('local');
  });

  it('says what to do when the scenario holds no observed times', () => {
    expect(main(['calibrate', '--scenario', 'default-city', '--lang', 'zh'])).toBe(1);
    expect(err.at(-1)).toContain('请先导入接处警记录');
  });
});
