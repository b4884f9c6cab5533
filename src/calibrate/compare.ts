/**
 * Observed against simulated response: the scenario run on the history's own calls (its listed
 * incidents; generated streams left out, as the history is the whole load) for R replications,
 * and each listed incident's response (call → first arrival) compared with the one observed,
 * pooled overall, by district and by kind: median and 90th percentile.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { quantile } from '../sim/analysis/metrics.ts';
import { run } from '../sim/run.ts';
import { RecordKind } from '../sim/trace.ts';

export interface ResponseStats {
  n: number;
  median: number;
  p90: number;
}

export interface GroupRow {
  /** District or kind id ('' overall). */
  key: string;
  observed: ResponseStats;
  before: ResponseStats;
  after?: ResponseStats;
}

export interface Comparison {
  overall: GroupRow;
  byDistrict: GroupRow[];
  byKind: GroupRow[];
}

export function stats(values: readonly number[]): ResponseStats {
  const sorted = Float64Array.from(values).sort();
  return { n: sorted.length, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
}

/** The scenario that plays the history: its listed calls only. */
export function historyRun(scenario: Scenario): Scenario {
  return { ...scenario, arrivals: { ...scenario.arrivals, streams: [] } };
}

/**
 * Each listed incident's simulated responses (index in `arrivals.incidents` → one value per
 * replication that reached it), over seeds 1 … R.
 */
export function simulatedResponses(
  scenario: Scenario,
  replications: number,
  onReplication?: (done: number) => void,
): Map<number, number[]> {
  const listed = scenario.arrivals.incidents;
  // The trace numbers listed calls in order of time (a stable sort), after the scenario's events.
  const byTime = listed.map((_, i) => i).sort((a, b) => listed[a].time - listed[b].time);
  const result = new Map<number, number[]>();
  const played = historyRun(scenario);
  for (let seed = 1; seed <= replications; seed++) {
    const { trace } = run(played, seed);
    const events = trace.header.commands.scenarioEvents;
    const listedOf = new Int32Array(trace.incidentCount).fill(-1);
    const callTime = new Float64Array(trace.incidentCount);
    const first = new Float64Array(trace.incidentCount).fill(NaN);
    for (let r = 0; r < trace.length; r++) {
      const incident = trace.incident[r];
      if (trace.kind[r] === RecordKind.callReceived) {
        const command = trace.command[r] - events;
        if (command >= 0 && command < listed.length) listedOf[incident] = byTime[command];
        callTime[incident] = trace.time[r];
      } else if (trace.kind[r] === RecordKind.arrived && Number.isNaN(first[incident]))
        first[incident] = trace.time[r];
    }
    for (let incident = 0; incident < trace.incidentCount; incident++) {
      const index = listedOf[incident];
      if (index < 0 || Number.isNaN(first[incident])) continue;
      const list = result.get(index) ?? [];
      list.push(first[incident] - callTime[incident]);
      result.set(index, list);
    }
    onReplication?.(seed);
  }
  return result;
}

/** Groups of listed incidents (overall, by district, by kind) with the observed response. */
export function compareResponses(
  observed: ReadonlyMap<number, number>,
  groupOf: { district: (index: number) => string | null; kind: (index: number) => string },
  before: ReadonlyMap<number, number[]>,
  after?: ReadonlyMap<number, number[]>,
): Comparison {
  const row = (key: string, members: number[]): GroupRow => {
    const pick = (sim: ReadonlyMap<number, number[]>) =>
      stats(members.flatMap((i) => sim.get(i) ?? []));
    const result: GroupRow = {
      key,
      observed: stats(members.map((i) => observed.get(i)!)),
      before: pick(before),
    };
    if (after) result.after = pick(after);
    return result;
  };
  const grouped = (keyOf: (index: number) => string | null) => {
    const groups = new Map<string, number[]>();
    for (const index of observed.keys()) {
      const key = keyOf(index);
      if (key === null) continue;
      const list = groups.get(key) ?? [];
      list.push(index);
      groups.set(key, list);
    }
    return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, m]) => row(k, m));
  };
  return {
    overall: row('', [...observed.keys()]),
    byDistrict: grouped(groupOf.district),
    byKind: grouped(groupOf.kind),
  };
}
