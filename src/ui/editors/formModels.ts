/**
 * Pure helpers of the forms that replace raw JSON (districts, dispatch, targets, the day-of-week
 * profile): where a district is used, a new district's boundary, durations shown in minutes and
 * stored in seconds, duration distributions in minutes, run cards by name. Tested in Node.
 */
import type { ScenarioDoc } from '../workspace/history.ts';
import { asArray, freshId, getIn, textOf } from './model.ts';

const MINUTE = 60;

/** Seconds → minutes as shown in a field (to 0.01 min, no trailing zeros). */
export function minutesOf(seconds: number): number {
  return Math.round((seconds / MINUTE) * 100) / 100;
}

/** Minutes typed in a field → whole seconds for the file. */
export function secondsOfMinutes(minutes: number): number {
  return Math.round(minutes * MINUTE);
}

/** Why a duration in minutes cannot be taken, or null: the file wants a finite value ≥ 0 (or > 0). */
export function durationProblem(
  minutes: number,
  strict: boolean,
): 'negative' | 'zero' | 'tooLong' | null {
  if (minutes < 0) return 'negative';
  if (strict && secondsOfMinutes(minutes) <= 0) return 'zero';
  // A target or a delay of more than a year is a typing slip (seconds typed as minutes twice).
  if (minutes > 366 * 24 * 60) return 'tooLong';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Day-of-week profile

/** A stream's day profile as shares of the week that sum to 1 (flat when absent or all zero). */
export function dayShares(profile: readonly number[] | undefined): number[] {
  const values = profile && profile.length === 7 ? profile : Array.from({ length: 7 }, () => 1);
  const total = values.reduce((sum, value) => sum + (value > 0 ? value : 0), 0);
  return values.map((value) => (total > 0 ? Math.max(0, value) / total : 1 / 7));
}

/** Why a profile weight cannot be taken, or null. */
export function weightProblem(value: number, positive = false): 'negative' | 'zero' | null {
  if (value < 0) return 'negative';
  if (positive && value <= 0) return 'zero';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Districts

/** A place in the scenario that names a district. */
export type DistrictUse =
  | { where: 'runCard'; index: number; kind: string | null }
  | { where: 'stream'; index: number; kind: string }
  | { where: 'listedIncidents'; count: number }
  | { where: 'matrix' };

/**
 * Everything that names district `id`: run cards, call streams' district weights, listed
 * incidents placed by district and the travel matrix's zones. A district so used cannot be
 * removed without saying where.
 */
export function districtUses(doc: ScenarioDoc, id: string): DistrictUse[] {
  const uses: DistrictUse[] = [];
  asArray(getIn(doc, ['dispatch', 'runCards'])).forEach((card, index) => {
    if (textOf(card, 'district') === id)
      uses.push({ where: 'runCard', index, kind: textOf(card, 'kind') || null });
  });
  asArray(getIn(doc, ['arrivals', 'streams'])).forEach((stream, index) => {
    const weights = getIn(stream, ['districts']);
    if (weights && typeof weights === 'object' && Object.hasOwn(weights, id))
      uses.push({ where: 'stream', index, kind: textOf(stream, 'kind') });
  });
  let listed = 0;
  for (const incident of asArray(getIn(doc, ['arrivals', 'incidents']))) {
    if (textOf(incident, 'district') === id) listed += 1;
  }
  if (listed > 0) uses.push({ where: 'listedIncidents', count: listed });
  if (getIn(doc, ['travel', 'model']) === 'matrix') {
    if (asArray(getIn(doc, ['travel', 'zones'])).includes(id)) uses.push({ where: 'matrix' });
  }
  return uses;
}

/** Half the side of a new district's square boundary, in degrees of latitude (≈ 1 km). */
const NEW_DISTRICT_HALF_SIDE = 0.009;

/**
 * A new district: a fresh id, a square boundary about 2 km across centred on `at` (the planner
 * replaces it by importing the real boundary), urban, with the smallest call weight in use so
 * that it does not take a large share of the calls unasked.
 */
export function newDistrict(doc: ScenarioDoc, at: readonly [number, number], name: string) {
  const districts = asArray(doc.districts);
  const id = freshId(
    'district',
    districts.map((district) => textOf(district, 'id')),
  );
  const [lon, lat] = at;
  const dLat = NEW_DISTRICT_HALF_SIDE;
  const dLon = NEW_DISTRICT_HALF_SIDE / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  const weights = districts
    .map((district) => getIn(district, ['callWeight']))
    .filter((weight): weight is number => typeof weight === 'number' && weight > 0);
  return {
    id,
    name,
    area: 'urban',
    polygon: [
      [round(lon - dLon), round(lat - dLat)],
      [round(lon + dLon), round(lat - dLat)],
      [round(lon + dLon), round(lat + dLat)],
      [round(lon - dLon), round(lat + dLat)],
    ],
    callWeight: weights.length > 0 ? Math.min(...weights) : 1,
  };
}

/** The middle of the scenario's bases (where a new district is put when no place is given). */
export function middleOfBases(doc: ScenarioDoc): [number, number] {
  const points = asArray(doc.bases)
    .map((base) => getIn(base, ['location']))
    .filter(
      (location): location is [number, number] => Array.isArray(location) && location.length === 2,
    );
  if (points.length === 0) return [120, 30];
  const sum = points.reduce((acc, [lon, lat]) => [acc[0] + lon, acc[1] + lat], [0, 0]);
  return [sum[0] / points.length, sum[1] / points.length];
}

/** Share of the generated calls placed in each district by default (callWeight), by id. */
export function callWeightShares(doc: ScenarioDoc): Record<string, number> {
  const districts = asArray(doc.districts);
  const weight = (district: unknown) => {
    const value = getIn(district, ['callWeight']);
    return typeof value === 'number' && value > 0 ? value : value === undefined ? 1 : 0;
  };
  const total = districts.reduce<number>((sum, district) => sum + weight(district), 0);
  return Object.fromEntries(
    districts.map((district) => [textOf(district, 'id'), total > 0 ? weight(district) / total : 0]),
  );
}

// ---------------------------------------------------------------------------------------------
// Duration distributions in minutes

/** The fields of each kind of distribution that are durations (the rest are counts). */
const DURATION_FIELDS: Record<string, readonly string[]> = {
  fixed: ['value'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  exponential: ['mean'],
  lognormal: ['mean', 'sd'],
  lognormalMedianP90: ['median', 'p90'],
  gamma: ['mean'],
  erlang: ['mean'],
};
/** Fields that are not durations: kept as they are. */
const COUNT_FIELDS: Record<string, readonly string[]> = { gamma: ['shape'], erlang: ['phases'] };

/** The kinds of distribution a form offers (empirical and histogram stay in the raw JSON). */
export const FORM_DISTRIBUTIONS = Object.keys(DURATION_FIELDS);

export interface DistributionField {
  key: string;
  /** Shown in minutes (true) or as a plain number. */
  duration: boolean;
  value: number | undefined;
}

/** The fields of a distribution as the form shows them; null for a kind the form does not offer. */
export function distributionFields(distribution: unknown): DistributionField[] | null {
  const type = textOf(distribution, 'type');
  const durations = DURATION_FIELDS[type];
  if (!durations) return null;
  const number = (key: string) => {
    const value = getIn(distribution, [key]);
    return typeof value === 'number' ? value : undefined;
  };
  return [
    ...durations.map((key) => {
      const seconds = number(key);
      return { key, duration: true, value: seconds === undefined ? undefined : minutesOf(seconds) };
    }),
    ...(COUNT_FIELDS[type] ?? []).map((key) => ({ key, duration: false, value: number(key) })),
  ];
}

/**
 * A distribution of kind `type` keeping the central value of `old` (a planner switching a fixed
 * 60 s to lognormal keeps a median of 60 s): the file's fields, in seconds.
 */
export function switchDistribution(old: unknown, type: string): Record<string, unknown> {
  const central =
    ['value', 'mean', 'median', 'mode', 'max']
      .map((key) => getIn(old, [key]))
      .find((value): value is number => typeof value === 'number' && value > 0) ?? 60;
  switch (type) {
    case 'fixed':
      return { type, value: central };
    case 'uniform':
      return { type, min: Math.round(central / 2), max: Math.round(central * 1.5) };
    case 'triangular':
      return { type, min: Math.round(central / 2), mode: central, max: central * 2 };
    case 'exponential':
      return { type, mean: central };
    case 'lognormal':
      return { type, mean: central, sd: Math.round(central / 2) || 1 };
    case 'lognormalMedianP90':
      return { type, median: central, p90: central * 2 };
    case 'gamma':
      return { type, shape: 2, mean: central };
    case 'erlang':
      return { type, phases: 2, mean: central };
    default:
      throw new Error(`no form for a ${type} distribution`);
  }
}

/**
 * Why a value for one field of a distribution cannot be taken (in the file's terms), or null:
 * durations ≥ 0 (means and medians > 0), in order (min ≤ mode ≤ max, p90 > median).
 */
export function distributionProblem(
  distribution: unknown,
  key: string,
  value: number,
): 'negative' | 'zero' | 'order' | 'whole' | null {
  const type = textOf(distribution, 'type');
  const seconds = (DURATION_FIELDS[type] ?? []).includes(key) ? secondsOfMinutes(value) : value;
  if (seconds < 0) return 'negative';
  const positive = ['mean', 'sd', 'median', 'p90', 'shape', 'phases'].includes(key);
  if (positive && seconds <= 0) return 'zero';
  if (key === 'phases' && !Number.isInteger(value)) return 'whole';
  const next = { ...(distribution as Record<string, unknown>), [key]: seconds };
  const at = (field: string) => Number(next[field]);
  if (type === 'uniform' && at('min') > at('max')) return 'order';
  if (type === 'triangular' && (at('min') > at('mode') || at('mode') > at('max'))) return 'order';
  if (type === 'lognormalMedianP90' && at('p90') <= at('median')) return 'order';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Run cards (出动预案)

export interface UnitChoice {
  value: string;
  label: string;
}

/** The scenario's units by name, for choosing a run card's units ("临城站水罐车 · 市消防救援支队"). */
export function unitChoicesByName(doc: ScenarioDoc, language: 'zh' | 'en' = 'zh'): UnitChoice[] {
  const agencies = new Map(
    asArray(doc.agencies).map((agency) => [
      textOf(agency, 'id'),
      (language === 'en' && textOf(agency, 'nameEn')) ||
        textOf(agency, 'name') ||
        textOf(agency, 'id'),
    ]),
  );
  return asArray(doc.units).map((unit) => {
    const id = textOf(unit, 'id');
    const agency = agencies.get(textOf(unit, 'agency'));
    const name = textOf(unit, 'name') || id;
    return { value: id, label: agency ? `${name} · ${agency}` : name };
  });
}

/** A run card's unit by name; a copy ("…#2") by its unit's name and number; the id if unknown. */
export function unitLabel(choices: readonly UnitChoice[], id: string): string {
  const [own, copy] = id.split('#');
  const label = choices.find((unit) => unit.value === own)?.label;
  if (!label) return id;
  if (!copy) return label;
  const [name, ...rest] = label.split(' · ');
  return [`${name} #${copy}`, ...rest].join(' · ');
}

/** A list with the item at `index` moved one place up (−1) or down (+1); unchanged at the ends. */
export function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  const next = [...list];
  if (target < 0 || target >= list.length) return next;
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/**
 * A new run card: the first district and kind without one yet (any kind when every pair has one),
 * listing the first unit.
 */
export function newRunCard(doc: ScenarioDoc): { district: string; kind?: string; units: string[] } {
  const cards = asArray(getIn(doc, ['dispatch', 'runCards']));
  const taken = new Set(cards.map((card) => `${textOf(card, 'district')}|${textOf(card, 'kind')}`));
  const districts = asArray(doc.districts).map((district) => textOf(district, 'id'));
  const kinds = asArray(doc.incidentKinds).map((kind) => textOf(kind, 'id'));
  const firstUnit = textOf(asArray(doc.units)[0], 'id');
  for (const kind of kinds) {
    for (const district of districts) {
      if (!taken.has(`${district}|${kind}`)) return { district, kind, units: [firstUnit] };
    }
  }
  return { district: districts[0] ?? '', units: [firstUnit] };
}
