/**
 * A scenario with every realism knob on (issue 14, item 3) runs end to end through the CLI:
 * `sim validate` lists the defaults the knobs leave, `sim run` reports it, `sim trace` writes
 * the transport records.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import type { Report } from '../../src/sim/analysis/report.ts';
import { lineScenario } from './fixtures.ts';

let out: string[];
let stdout: string[];

beforeEach(() => {
  out = [];
  stdout = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void out.push(args.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk) => (stdout.push(String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const line = lineScenario();
const realistic = {
  ...line,
  duration: 3 * 86_400,
  travel: {
    model: 'distance',
    metric: 'manhattan',
    speedKmh: 57,
    detourFactor: 1.2,
    emergencySpeedFactor: 1.2,
    tripOverheadSeconds: 39,
    shortTrip: { model: 'squareRoot', accelerationMps2: 0.41 },
  },
  hospitals: [
    { id: 'westHospital', name: '西区医院', nameEn: 'West Hospital', location: [0.05, 0.05] },
  ],
  units: [
    ...line.units,
    {
      id: 'ambulance',
      agency: 'fire',
      base: 'westBase',
      count: 2,
      capabilities: ['medical'],
      mobilisation: { type: 'fixed', value: 60 },
    },
  ],
  incidentKinds: [
    ...line.incidentKinds,
    {
      id: 'medical',
      name: '医疗救护',
      needs: [
        { capability: 'medical', units: 1 },
        { capability: 'fire', units: 1 },
      ],
      callHandling: { type: 'lognormalMedianP90', median: 70, p90: 150 },
      workTime: { type: 'fixed', value: 660 },
      workTimeByCapability: { medical: { type: 'lognormal', mean: 1500, sd: 600 } },
      transport: { capability: 'medical', share: 0.7, handover: { type: 'fixed', value: 900 } },
    },
    {
      id: 'alarm',
      name: '自动报警核查',
      responseMode: 'nonEmergency',
      needs: [{ capability: 'fire', units: 1 }],
      workTime: { type: 'fixed', value: 600 },
    },
  ],
  arrivals: {
    streams: [
      { kind: 'medical', callsPerDay: 12 },
      { kind: 'alarm', callsPerDay: 6 },
    ],
  },
};
const dir = mkdtempSync(join(tmpdir(), 'drill-realism-'));
const scenarioFile = join(dir, 'realistic.json');
writeFileSync(scenarioFile, JSON.stringify(realistic));

describe('a scenario using the realism knobs, through the CLI', () => {
  it('validates, naming the defaults its knobs leave, in Chinese', () => {
    expect(main(['validate', scenarioFile, '--lang', 'zh'])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('travel.nonEmergencySpeedFactor: 非紧急出警车速系数 1');
    expect(text).toContain('送医途中不用警灯警报（1 类事件）');
  });

  it('runs replications and reports the units’ workload, transport included', () => {
    expect(main(['run', '--scenario', scenarioFile, '--replications', '2', '--json'])).toBe(0);
    const report = JSON.parse(out.join('\n')) as Report;
    expect(report.aggregate['calls'].mean).toBeGreaterThan(30);
    expect(report.aggregate['response.overall.median'].mean).toBeGreaterThan(0);
    expect(report.aggregate['utilisation.byUnit.ambulance'].mean).toBeGreaterThan(0);
  });

  it('writes the transport records in the trace', () => {
    expect(main(['trace', '--scenario', scenarioFile, '--seed', '3'])).toBe(0);
    const lines = stdout.join('').trim().split('\n');
    const kinds = new Set(lines.slice(1).map((l) => (JSON.parse(l) as { ev: string }).ev));
    for (const kind of ['transportStarted', 'atHospital', 'handedOver'])
      expect(kinds).toContain(kind);
  });
});
