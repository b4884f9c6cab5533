/**
 * Listed incidents in columns (`arrivals.incidentTable`): loaded as the same incidents, run to
 * the same trace; problems named by column and row in both languages; written by the importer
 * when large.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { scenarioJson, TABLE_FROM, toIncidentTable } from '../../src/scenarios/incidentTable.ts';
import { loadScenario, loadScenarioText } from '../../src/scenarios/load.ts';
import { run } from '../../src/sim/run.ts';
import { traceDigest } from '../../src/sim/trace.ts';
import { lineScenario } from './fixtures.ts';

const listed = [
  { time: 600, kind: 'fire', location: [0.05, 0.05] as [number, number] },
  { time: 1200, kind: 'fire', district: 'east' },
  { time: 1800, kind: 'fire', location: [0.15, 0.02] as [number, number], district: 'east' },
];

describe('incidentTable', () => {
  it('loads to the same incidents and runs to the same trace as the list', () => {
    const asList = lineScenario({ arrivals: { incidents: listed } });
    const asTable = lineScenario({
      arrivals: { incidents: [listed[0]], incidentTable: toIncidentTable(listed.slice(1)) },
    });
    const a = loadScenario(asList);
    const b = loadScenarioText(scenarioJson(asTable));
    if (!a.ok || !b.ok) throw new Error('not loaded');
    expect(b.scenario.arrivals.incidents).toEqual(a.scenario.arrivals.incidents);
    expect('incidentTable' in b.scenario.arrivals).toBe(false);
    const digest = (s: typeof a.scenario) => traceDigest(run(s, 3).trace);
    expect(digest(b.scenario)).toBe(digest(a.scenario));
  });

  it('keeps what was observed of each call (for calibration) through the table', () => {
    const observed = { handledAfter: 75, units: [{ unit: 'e1', enRoute: 140, onScene: 610 }] };
    const withObserved = [{ ...listed[0], observed }, listed[1], listed[2]];
    const table = toIncidentTable(withObserved);
    expect(table.observed).toEqual([observed, null, null]);
    const loaded = loadScenarioText(
      scenarioJson(lineScenario({ arrivals: { incidentTable: table } })),
    );
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.arrivals.incidents.map((i) => i.observed)).toEqual([
      observed,
      undefined,
      undefined,
    ]);
    const bad = loadScenario(
      lineScenario({
        arrivals: {
          incidentTable: { ...table, observed: [{ handledAfter: -1 }, null, null] },
        },
      }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].path).toBe('arrivals.incidentTable.observed[0].handledAfter');
  });

  it('writes each column on one line', () => {
    const text = scenarioJson(
      lineScenario({ arrivals: { incidentTable: toIncidentTable(listed) } }),
    );
    expect(text).toContain('  "time": [600,1200,1800]');
    expect(text).toContain('  "lon": [0.05,null,0.15]');
    expect(JSON.parse(text).arrivals.incidentTable.district).toEqual([null, 0, 0]);
  });

  it('names a bad row by its column and row, a bad kind by where it is in the file', () => {
    const table = { ...toIncidentTable(listed), kind: [0, 0, 3] };
    const bad = loadScenario(lineScenario({ arrivals: { incidentTable: table } }), 'zh');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual([
      { path: 'arrivals.incidentTable.kind[2]', message: '3 不是“kinds”的序号（它只有 1 项）' },
    ]);
    const short = { ...toIncidentTable(listed), time: [600, 1200] };
    const shorter = loadScenario(lineScenario({ arrivals: { incidentTable: short } }));
    expect(!shorter.ok && shorter.errors[0].path).toBe('arrivals.incidentTable.kind');
    const unknown = { ...toIncidentTable(listed), kinds: ['flood'] };
    const flood = loadScenario(lineScenario({ arrivals: { incidentTable: unknown } }));
    expect(!flood.ok && flood.errors.map((e) => e.path)).toContain(
      'arrivals.incidentTable.kind[0]',
    );
    const negative = { ...toIncidentTable(listed), time: [600, -1, 1800] };
    const early = loadScenario(lineScenario({ arrivals: { incidentTable: negative } }));
    expect(!early.ok && early.errors[0].path).toBe('arrivals.incidentTable.time[1]');
  });
});

describe('sim import-calls writes a large history as a table', () => {
  let err: string[];
  beforeEach(() => {
    err = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  it(`from ${TABLE_FROM.toLocaleString('en')} calls on, and it loads to the calls imported`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-table-'));
    const scenario = join(dir, 'line.json');
    writeFileSync(scenario, JSON.stringify(lineScenario({ duration: 30 * 86_400 })));
    const rows = ['time,kind,lon,lat'];
    for (let i = 0; i < TABLE_FROM; i++)
      rows.push(`${i * 60},fire,${(0.001 + (i % 97) / 1000).toFixed(3)},0.05`);
    const csv = join(dir, 'calls.csv');
    writeFileSync(csv, rows.join('\n'));
    const out = join(dir, 'out.json');
    expect(main(['import-calls', csv, '--scenario', scenario, '--out', out])).toBe(0);
    expect(err).toContain(
      '10,000 listed incidents written in columns, as arrivals.incidentTable (the compact form)',
    );
    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(text).arrivals.incidents).toEqual([]);
    const loaded = loadScenarioText(text);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.arrivals.incidents.length).toBe(TABLE_FROM);
    expect(loaded.scenario.arrivals.incidents[98]).toEqual({
      time: 98 * 60,
      kind: 'fire',
      location: [0.002, 0.05],
    });
  });
});
