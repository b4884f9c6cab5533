/**
 * A synthetic call history made by the simulator itself: a built-in city run with known
 * parameters, its trace read back into listed incidents with what was observed of each unit
 * (ordered, left, arrived, cleared), as an import of a dispatch system's records would give.
 */
import { builtinScenario } from '../src/scenarios/builtin/index.ts';
import type { ListedIncident, ObservedUnit, Scenario } from '../src/scenarios/schema.ts';
import { run } from '../src/sim/run.ts';
import { RecordKind } from '../src/sim/trace.ts';

/** The true parameters of the synthetic city. */
export const TRUTH = {
  speeds: { expressway: 75, arterial: 45, local: 28, county: 55, village: 25 } as Record<
    string,
    number
  >,
  overhead: 45,
  /** Mobilisation mean of agency i (in the scenario's order): 50 + 10·(i mod 6) s, sd 20 %. */
  mobilisationMean: (i: number) => 50 + 10 * (i % 6),
  /** On-scene mean of kind i: 900 + 300·(i mod 5) s, sd 25 %. */
  workMean: (i: number) => 900 + 300 * (i % 5),
  handlingMean: 75,
};

/** Lincheng with the true parameters, for `days` days. */
export function truthScenario(days: number): Scenario {
  const base = builtinScenario('default-city');
  if (base.travel.model !== 'roadGraph') throw new Error('default-city has a road graph');
  const roadClasses = Object.fromEntries(
    Object.entries(base.travel.roadClasses).map(([c, v]) => [
      c,
      { ...v, speedKmh: TRUTH.speeds[c] ?? v.speedKmh },
    ]),
  );
  const agencyIndex = new Map(base.agencies.map((a, i) => [a.id, i]));
  return {
    ...base,
    duration: days * 86_400,
    warmup: 0,
    travel: { ...base.travel, roadClasses, tripOverheadSeconds: TRUTH.overhead },
    units: base.units.map((unit) => {
      const mean = TRUTH.mobilisationMean(agencyIndex.get(unit.agency)!);
      return { ...unit, mobilisation: { type: 'lognormal', mean, sd: 0.2 * mean } };
    }),
    incidentKinds: base.incidentKinds.map((kind, i) => {
      const mean = TRUTH.workMean(i);
      return { ...kind, workTime: { type: 'lognormal', mean, sd: 0.25 * mean } };
    }),
    dispatch: {
      ...base.dispatch,
      callHandling: { type: 'lognormal', mean: TRUTH.handlingMean, sd: 20 },
    },
  };
}

/** The calls of one run of `truth`, with each unit's observed times. */
export function historyOf(truth: Scenario, seed: number): ListedIncident[] {
  const { trace } = run(truth, seed);
  const { header } = trace;
  const incidents: ListedIncident[] = [];
  const callTime = new Float64Array(trace.incidentCount);
  const units = new Map<number, Map<number, ObservedUnit>>();
  const unitOf = (incident: number, unit: number) => {
    let byUnit = units.get(incident);
    if (!byUnit) units.set(incident, (byUnit = new Map()));
    let seen = byUnit.get(unit);
    if (!seen) byUnit.set(unit, (seen = { unit: header.units[unit] }));
    return seen;
  };
  for (let r = 0; r < trace.length; r++) {
    const incident = trace.incident[r];
    const unit = trace.unit[r];
    const after = Math.round(trace.time[r] - callTime[incident]);
    switch (trace.kind[r]) {
      case RecordKind.callReceived: {
        callTime[incident] = trace.time[r];
        const place = trace.incidentPlace[incident];
        incidents[incident] = {
          time: Math.round(trace.time[r]),
          kind: header.incidentKinds[trace.incidentKind[incident]],
          location: [trace.places[2 * place], trace.places[2 * place + 1]],
          district: header.districts[trace.incidentDistrict[incident]],
        };
        break;
      }
      case RecordKind.dispatched:
        unitOf(incident, unit).dispatched ??= after;
        break;
      case RecordKind.enRoute:
        unitOf(incident, unit).enRoute ??= after;
        break;
      case RecordKind.arrived:
        unitOf(incident, unit).onScene ??= after;
        break;
      case RecordKind.cleared:
        unitOf(incident, unit).cleared ??= after;
        break;
    }
  }
  incidents.forEach((incident, i) => {
    const seen = [...(units.get(i)?.values() ?? [])];
    if (seen.length === 0) return;
    const orders = seen.flatMap((u) => (u.dispatched === undefined ? [] : [u.dispatched]));
    incident.observed = { units: seen };
    if (orders.length > 0) incident.observed.handledAfter = Math.min(...orders);
  });
  return incidents.filter(Boolean);
}

/** What a planner starts from: the city with its guesses (slower roads, no overhead, fixed times) and the history. */
export function perturbedWithHistory(truth: Scenario, history: ListedIncident[]): Scenario {
  if (truth.travel.model !== 'roadGraph') throw new Error('road graph expected');
  const roadClasses = Object.fromEntries(
    Object.entries(truth.travel.roadClasses).map(([c, v]) => [
      c,
      { ...v, speedKmh: v.speedKmh * 0.6 },
    ]),
  );
  return {
    ...truth,
    travel: { ...truth.travel, roadClasses, tripOverheadSeconds: 0 },
    units: truth.units.map((u) => ({ ...u, mobilisation: { type: 'fixed', value: 60 } })),
    incidentKinds: truth.incidentKinds.map((k) => ({
      ...k,
      workTime: { type: 'exponential', mean: 1800 },
    })),
    dispatch: { ...truth.dispatch, callHandling: { type: 'fixed', value: 30 } },
    arrivals: { streams: [], incidents: history },
  };
}
