/** --fit: the run fitted to the data's span; warnings said once, never about the base scenario. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { importCalls } from '../../src/scenarios/importCalls.ts';
import { lineScenario } from './fixtures.ts';

let err: string[];
beforeEach(() => {
  err = [];
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'drill-fit-'));
const base = lineScenario({ start: '2026-07-06T00:00', duration: 86_400 });
const scenario = join(dir, 'line.json');
writeFileSync(scenario, JSON.stringify(base));
// Ten days of calls, one an hour, starting the day before the scenario's start.
const rows = ['time,kind,district'];
for (let h = 0; h < 240; h++) {
  const d = new Date(Date.UTC(2026, 6, 5, 6 + h, 30));
  rows.push(`${d.toISOString().slice(0, 16).replace('T', ' ')},fire,west`);
}
const csv = join(dir, 'calls.csv');
writeFileSync(csv, rows.join('\n'));
const args = (out: string, ...more: string[]) => [
  'import-calls',
  csv,
  '--scenario',
  scenario,
  '--time',
  'time',
  '--kind',
  'kind',
  '--district',
  'district',
  '--out',
  out,
  ...more,
];

describe('fitting the run to the data', () => {
  it('moves the start to the hour of the first call and covers the last', () => {
    const { incidents, fitted } = importCalls(
      rows.join('\n'),
      { time: 'time', kind: 'kind', district: 'district' },
      '2026-07-06T00:00',
      new Set(['fire']),
      { fit: true, districts: [{ id: 'west' }] },
    );
    expect(fitted).toEqual({ start: '2026-07-05T06:00', duration: 240 * 3600, shift: 18 * 3600 });
    expect(incidents[0].time).toBe(30 * 60);
    expect(incidents.at(-1)!.time).toBe(239 * 3600 + 30 * 60);
  });

  it('sim import-calls --fit writes a scenario that runs every call, and says so once', () => {
    const out = join(dir, 'fit.json');
    expect(main(args(out, '--fit'))).toBe(0);
    expect(err).toEqual([
      'read as UTF-8',
      'run fitted to the data: start 2026-07-05 06:00, 240 h',
      '240 call(s) imported, 0 row(s) skipped',
    ]);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect([written.start, written.duration]).toEqual(['2026-07-05T06:00', 864_000]);
    expect(loadScenario(written).warnings).toEqual([]);
  });

  it('without --fit: calls before the start are skipped as one group, those past the end are one warning', () => {
    expect(main(args(join(dir, 'nofit.json')))).toBe(0);
    expect(err).toEqual([
      'read as UTF-8',
      `${csv}:2,3,4,5,6…: the call is before the scenario start (18 rows)`,
      'warning arrivals.incidents[24].time: 198 listed calls come after the end of the run and will not be simulated, this one first (lengthen the run, or import with --fit)',
      '222 call(s) imported, 18 row(s) skipped',
    ]);
  });
});
