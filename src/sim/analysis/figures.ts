/**
 * What a figure of a report is about, so that readers (views, CSV, the CLI) need not take its
 * path apart: the record of `ReplicationMetrics` it comes from, the member of a breakdown (tier,
 * kind, district, agency, cause, tier and area) and the statistic. The keys that name those
 * members are made here too (`complianceKey`, `histogramKey`), next to the code that reads them
 * back.
 */

/** The key of a tier and area in `arrivalCompliance`, e.g. `tier1/urban`. */
export function complianceKey(tier: number, area: 'urban' | 'rural'): string {
  return `tier${tier}/${area}`;
}

/**
 * Which part of a record a figure is about: all of it (`overall`), a tier (of the first unit on
 * scene: `1`, `2`, `3`, `outside` help, `none`; or of the units measured), an incident kind, a
 * district, an agency or a capability by the scenario's id or word, the cause of a wait, or a tier and area of the
 * arrival targets.
 */
export type Breakdown =
  | { group: 'overall' }
  | {
      group: 'tier' | 'kind' | 'district' | 'agency' | 'unit' | 'capability' | 'cause';
      key: string;
    }
  | { group: 'tierArea'; key: string; tier: number; area: 'urban' | 'rural' };

/** What an aggregate path is, so that readers need not take the path apart. */
export interface FigureKey {
  /** The record of `ReplicationMetrics` it comes from: `calls`, `response`, `utilisation`… */
  figure: string;
  /** The part of the record's breakdown it is about; absent for a figure with none (`calls`). */
  breakdown?: Breakdown;
  /** The statistic or count of that record (`mean`, `p90`, `withinTarget`, `deductions`…); absent where the record is the value. */
  stat?: string;
}

/** Records of `ReplicationMetrics` keyed directly by the members of a breakdown. */
const KEYED_RECORDS: Record<string, Exclude<Breakdown['group'], 'overall'>> = {
  arrivalCompliance: 'tierArea',
  approvals: 'cause',
  handovers: 'cause',
  assessment: 'agency',
};

/** Sub-records `by…` and the breakdown each is keyed by. */
const BY_RECORDS = {
  byTier: 'tier',
  byKind: 'kind',
  byDistrict: 'district',
  byAgency: 'agency',
  byUnit: 'unit',
  byCapability: 'capability',
} as const satisfies Record<string, Exclude<Breakdown['group'], 'overall'>>;

function breakdownOf(group: Exclude<Breakdown['group'], 'overall'>, key: string): Breakdown {
  if (group !== 'tierArea') return { group, key };
  // The key was made by complianceKey: `tier<N>/<area>`.
  const [tier, area] = key.slice('tier'.length).split('/');
  return { group, key, tier: Number(tier), area: area === 'rural' ? 'rural' : 'urban' };
}

/**
 * What the figure at a path of a replication is, from the path's parts as the replication nests
 * them (the aggregate's paths join them with dots, and ids may hold dots too).
 */
export function figureKey(parts: readonly string[]): FigureKey {
  const [figure, ...rest] = parts;
  let breakdown: Breakdown | undefined;
  if (Object.hasOwn(KEYED_RECORDS, figure)) {
    breakdown = breakdownOf(KEYED_RECORDS[figure], rest.shift() ?? '');
  } else if (rest[0] === 'overall') {
    rest.shift();
    breakdown = { group: 'overall' };
  } else if (rest.length > 0 && Object.hasOwn(BY_RECORDS, rest[0])) {
    const group = BY_RECORDS[rest.shift() as keyof typeof BY_RECORDS];
    breakdown = breakdownOf(group, rest.shift() ?? '');
  }
  const stat = rest.join('.');
  return { figure, ...(breakdown && { breakdown }), ...(stat && { stat }) };
}

/** The key of one member's response-time histogram, e.g. `tier/1` for `response.byTier.1`. */
export function histogramKey(record: keyof typeof BY_RECORDS, key: string): string {
  return `${BY_RECORDS[record]}/${key}`;
}

/** The breakdown of a response-time histogram by its key (`overall`, `tier/1`, `kind/fire`…). */
export function histogramBreakdown(key: string): Breakdown {
  const slash = key.indexOf('/');
  if (slash < 0) return { group: 'overall' };
  const group = key.slice(0, slash) as (typeof BY_RECORDS)[keyof typeof BY_RECORDS];
  return breakdownOf(group, key.slice(slash + 1));
}

/** One figure of a breakdown: its path in the aggregate, and the part it is about and its id. */
export interface Member {
  path: string;
  breakdown: Breakdown;
  /** The tier, kind, district, agency or cause; '' for `overall`. */
  key: string;
}

/**
 * The members of one breakdown of a record with one statistic, in path order: e.g. the
 * `withinTarget` of `response` by `district`, or `utilisation` by `agency` (no statistic).
 */
export function breakdownMembers(
  figures: Readonly<Record<string, FigureKey>>,
  figure: string,
  group: Breakdown['group'],
  stat?: string,
): Member[] {
  return Object.entries(figures).flatMap(([path, what]) => {
    const breakdown = what.breakdown;
    if (what.figure !== figure || breakdown?.group !== group || what.stat !== stat) return [];
    return [{ path, breakdown, key: 'key' in breakdown ? breakdown.key : '' }];
  });
}
