/**
 * What a report's readers need to name its figures, taken from the scenario that was run and
 * from its trace header when the report is made: the scenario's names for agencies, districts
 * incident kinds and units (with their English names), an agency's tier and sector, a district's area, the units' agencies and
 * the arrival targets. A report carries them so that a view, a CSV export or a merged shard is
 * labelled by the scenario it was computed from, not by whatever scenario is open later.
 *
 * Lists in the scenario's order rather than records by id: ids are anyone's ("__proto__" is a
 * valid one), and JSON or a structured clone would give a record its prototype back.
 */
import type { Agency, District, Scenario } from '../../scenarios/schema.ts';
import type { Targets } from './metrics.ts';
import type { TraceHeader } from '../trace.ts';

export interface AgencyLabel {
  id: string;
  /** As written in the scenario (Chinese, e.g. 市消防救援支队); '' where it has none. */
  name: string;
  /** The scenario's English name, where it gives one. */
  nameEn?: string;
  tier: Agency['tier'];
  sector: Agency['sector'];
}

export interface DistrictLabel {
  id: string;
  name: string;
  nameEn?: string;
  /** Decides which arrival target applies (城区 / 农村). */
  area: District['area'];
}

export interface IncidentKindLabel {
  id: string;
  name: string;
  nameEn?: string;
}

export interface UnitLabel {
  /** As in the trace: copies of a unit are `id#2`, `id#3`…; reinforcement pools' units too. */
  id: string;
  agency: string;
  /** Its name in the scenario, with the copy's number ("临城站水罐车 #2"); '' where it has none. */
  name?: string;
  /** Its English name with the copy's number, where the scenario gives one. */
  nameEn?: string;
}

export interface ReportLabels {
  /** The scenario's title (its id is the report's `scenario`). */
  scenarioName: string;
  agencies: AgencyLabel[];
  districts: DistrictLabel[];
  incidentKinds: IncidentKindLabel[];
  units: UnitLabel[];
  /** Arrival targets after the order (s), by tier and area; tier 3 has none. */
  targets: Targets;
}

/**
 * The labels of a scenario's report. Names, tiers, areas and targets come from the scenario;
 * the units from the header of one of its traces, which lists them as the figures know them.
 */
export function reportLabels(scenario: Scenario, header: TraceHeader): ReportLabels {
  if (header.scenario !== scenario.id) {
    throw new Error(`a trace of "${header.scenario}" cannot label a report of "${scenario.id}"`);
  }
  const specNames = new Map<string, string>();
  for (const spec of [...scenario.units, ...scenario.rules.reinforcement.pools]) {
    specNames.set(spec.id, spec.name);
  }
  const specEnglish = new Map<string, string>();
  for (const unit of scenario.units) if (unit.nameEn) specEnglish.set(unit.id, unit.nameEn);
  return {
    scenarioName: scenario.name,
    agencies: scenario.agencies.map(({ id, name, nameEn, tier, sector }) => ({
      id,
      name,
      ...english(nameEn),
      tier,
      sector,
    })),
    districts: scenario.districts.map(({ id, name, nameEn, area }) => ({
      id,
      name,
      ...english(nameEn),
      area,
    })),
    incidentKinds: scenario.incidentKinds.map(({ id, name, nameEn }) => ({
      id,
      name,
      ...english(nameEn),
    })),
    units: header.units.map((id, i) => ({
      id,
      agency: header.unitAgencies[i],
      name: unitName(id, specNames),
      ...english(unitName(id, specEnglish)),
    })),
    targets: {
      tier1: { ...scenario.targets.tier1 },
      tier2: { ...scenario.targets.tier2 },
    },
  };
}

/** `nameEn` where the scenario gives one, and no key at all where it does not. */
function english(nameEn: string | undefined): { nameEn?: string } {
  return nameEn ? { nameEn } : {};
}

/** A unit of the trace (`spec` or `spec#n`) by its spec's name and copy number; '' without a name. */
function unitName(id: string, specNames: ReadonlyMap<string, string>): string {
  const hash = id.lastIndexOf('#');
  const copy = hash > 0 && /^\d+$/.test(id.slice(hash + 1)) ? id.slice(hash + 1) : '';
  const name = specNames.get(copy ? id.slice(0, hash) : id) ?? specNames.get(id) ?? '';
  return name && copy ? `${name} #${copy}` : name;
}
