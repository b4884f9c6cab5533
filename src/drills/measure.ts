/**
 * Measures of a step's incident read from trace records: when was a unit of the fire service
 * first on scene, when were 30 militiamen there, when was the approval given. One reader for
 * the driver's conditions (records as they are written) and for the expected actions of a
 * finished trace, so both agree.
 */
import type { Scenario } from '../scenarios/schema.ts';
import { CAUSES, RecordKind } from '../sim/trace.ts';
import type { Measure } from './schema.ts';

/** The columns a measure reads (a finished Trace or a session's live records). */
export interface RecordColumns {
  readonly length: number;
  readonly time: ArrayLike<number>;
  readonly kind: ArrayLike<number>;
  readonly incident: ArrayLike<number>;
  readonly unit: ArrayLike<number>;
  readonly cause: ArrayLike<number>;
  readonly value: ArrayLike<number>;
  readonly command: ArrayLike<number>;
}

/** What a measure needs to know of each unit of a run (by its index in the trace's `units`). */
export interface UnitFacts {
  ids: readonly string[];
  agencies: readonly string[];
  capabilities: ReadonlyArray<readonly string[]>;
  crews: readonly number[];
}

/** The facts of the trace's units: agency from the trace, capabilities and crew from the scenario. */
export function unitFacts(
  scenario: Scenario,
  ids: readonly string[],
  agencies: readonly string[],
): UnitFacts {
  const specs = new Map<string, { capabilities: string[]; crew: number }>(
    scenario.units.map((u) => [u.id, u]),
  );
  // Units of another district or city (rule 7) run under their pool's id.
  for (const pool of scenario.rules.reinforcement.pools) specs.set(pool.id, pool);
  const capabilities: string[][] = [];
  const crews: number[] = [];
  for (const id of ids) {
    const spec = specs.get(id.split('#')[0]);
    capabilities.push(spec ? spec.capabilities : []);
    crews.push(spec ? spec.crew : 0);
  }
  return { ids, agencies, capabilities, crews };
}

/** A unit counts for a measure when it is of its agency and has its capability (if given). */
export function unitMatches(facts: UnitFacts, unit: number, measure: Measure): boolean {
  if (unit < 0) return false;
  if (measure.agency !== undefined && facts.agencies[unit] !== measure.agency) return false;
  if (measure.capability !== undefined && !facts.capabilities[unit].includes(measure.capability))
    return false;
  return true;
}

const causeIs = (code: number, cause: string | undefined) =>
  cause === undefined || CAUSES[code] === cause;

/**
 * The first time (scenario seconds) the measure holds for the incident, reading the records at
 * `indices` (the incident's records, in order); null if it never does. `manual` never holds.
 */
export function measureTime(
  records: RecordColumns,
  indices: readonly number[],
  measure: Measure,
  facts: UnitFacts,
): number | null {
  const arrivedUnits = new Set<number>();
  let count = 0;
  for (const i of indices) {
    const kind = records.kind[i];
    const unit = records.unit[i];
    const t = records.time[i];
    switch (measure.what) {
      case 'dispatched':
        if (kind === RecordKind.dispatched && unitMatches(facts, unit, measure)) return t;
        break;
      case 'firstArrival':
        if (kind === RecordKind.arrived && unitMatches(facts, unit, measure)) return t;
        break;
      case 'arrivals':
        if (kind === RecordKind.arrived && unitMatches(facts, unit, measure)) {
          if (arrivedUnits.has(unit)) break;
          arrivedUnits.add(unit);
          count += measure.countOf === 'people' ? facts.crews[unit] : 1;
          if (count >= measure.count) return t;
        }
        break;
      case 'approved':
        if (
          kind === RecordKind.approved &&
          causeIs(records.cause[i], measure.cause) &&
          (unit < 0 || unitMatches(facts, unit, measure))
        )
          return t;
        break;
      case 'planActivated':
        if (kind === RecordKind.planActivated) return t;
        break;
      case 'commandHandedOver':
        if (kind === RecordKind.commandHandedOver && causeIs(records.cause[i], measure.cause))
          return t;
        break;
      case 'requested':
        if (kind === RecordKind.requested && causeIs(records.cause[i], measure.cause)) return t;
        break;
      case 'reported':
        if (
          (kind === RecordKind.reported || kind === RecordKind.reportedLate) &&
          causeIs(records.cause[i], measure.cause) &&
          unitMatches(facts, unit, measure)
        )
          return t;
        break;
      case 'graded':
        if (kind === RecordKind.graded && causeIs(records.cause[i], measure.cause)) return t;
        break;
      case 'prepositioned':
        if (kind === RecordKind.prepositioned && unitMatches(facts, unit, measure)) {
          count += measure.countOf === 'people' ? facts.crews[unit] : 1;
          if (count >= measure.count) return t;
        }
        break;
      case 'closed':
        if (kind === RecordKind.closed) return t;
        break;
      case 'manual':
        return null;
    }
  }
  return null;
}

/**
 * Indexes records by incident as they come: `add` the records written since the last call; the
 * incidents watched are those whose call a drill command made.
 */
export class IncidentRecords {
  /** Incident → its records' indices, in order. */
  readonly byIncident = new Map<number, number[]>();
  /** Command number → the incident its call made. */
  readonly incidentOfCommand = new Map<number, number>();
  /** Command number → the records written while it was applied (an event's effects). */
  readonly byCommand = new Map<number, number[]>();
  private read = 0;

  constructor(private readonly commands: ReadonlySet<number>) {}

  /** Reads the records written since the last call; true if any concerned a watched command or incident. */
  add(records: RecordColumns): boolean {
    let touched = false;
    for (let i = this.read; i < records.length; i++) {
      const command = records.command[i];
      if (this.commands.has(command)) {
        let own = this.byCommand.get(command);
        if (!own) this.byCommand.set(command, (own = []));
        own.push(i);
        touched = true;
        if (records.kind[i] === RecordKind.callReceived && !this.incidentOfCommand.has(command)) {
          this.incidentOfCommand.set(command, records.incident[i]);
          this.byIncident.set(records.incident[i], []);
        }
      }
      const list = records.incident[i] >= 0 ? this.byIncident.get(records.incident[i]) : undefined;
      if (list) {
        list.push(i);
        touched = true;
      }
    }
    this.read = records.length;
    return touched;
  }
}

/** The records a step's measures read: its incident's, or (an event step) those its command wrote. */
export function stepRecords(index: IncidentRecords, command: number | null): readonly number[] {
  if (command === null) return [];
  const incident = index.incidentOfCommand.get(command);
  if (incident !== undefined) return index.byIncident.get(incident) ?? [];
  return index.byCommand.get(command) ?? [];
}
