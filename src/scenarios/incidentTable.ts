/**
 * Listed incidents in columns (`arrivals.incidentTable`): a year of a city's calls is hundreds of
 * thousands of incidents, and as one object each ({"time":…,"kind":…,"location":[…]}) the file
 * is two to three times the size of the same data in columns. The loader expands the table into
 * `arrivals.incidents` (after those listed there, in the table's order) before anything else
 * reads the scenario, so a run is the same whichever form the file uses; a problem in a table
 * row is named by the table's column and row.
 */
import { z } from 'zod';
import { documented } from './schemaParts.ts';
import { ObservedTimes } from './observedSchema.ts';
import type { Language } from './messages.ts';

/** From this many listed incidents on, the importer writes them as a table. */
export const TABLE_FROM = 10_000;

const column = <T extends z.ZodType>(
  item: T,
  description: string,
  unit?: Parameters<typeof documented>[2],
) => documented(z.array(item), description, unit);

export const IncidentTable = z.strictObject({
  kinds: column(z.string(), 'The incident kind ids the table uses; `kind` holds indexes into it.'),
  time: column(z.number().finite().min(0), 'Time of each call after the scenario start.', 's'),
  kind: column(z.number().int().min(0), 'Index into `kinds` of each call’s kind.'),
  lon: column(
    z.number().min(-180).max(180).nullable(),
    'Longitude of each call, or null where the call is placed by district.',
  ).optional(),
  lat: column(
    z.number().min(-90).max(90).nullable(),
    'Latitude of each call, or null where the call is placed by district.',
  ).optional(),
  districts: column(
    z.string(),
    'District ids the table uses; `district` holds indexes into it.',
  ).optional(),
  district: column(
    z.number().int().min(0).nullable(),
    'Index into `districts` of each call’s district, or null.',
  ).optional(),
  observed: column(
    ObservedTimes.nullable(),
    'What the records show of each call (imported history, for calibration), or null.',
  ).optional(),
});
export type IncidentTable = z.infer<typeof IncidentTable>;

interface Listed {
  time: number;
  kind: string;
  location?: [number, number];
  district?: string;
  observed?: ObservedTimes;
}

const words = {
  en: {
    length: (got: number, rows: number) =>
      `has ${got} values but "time" has ${rows}: every column has one value per call`,
    index: (value: number, list: string, size: number) =>
      `${value} is no index into "${list}" (it has ${size})`,
    pair: () => 'a call has a longitude without a latitude or the other way round',
    needs: (name: string) => `"${name}" goes with "${name === 'lon' ? 'lat' : 'districts'}"`,
  },
  zh: {
    length: (got: number, rows: number) =>
      `有 ${got} 个值，而“time”有 ${rows} 个：每列每起来电一个值`,
    index: (value: number, list: string, size: number) =>
      `${value} 不是“${list}”的序号（它只有 ${size} 项）`,
    pair: () => '一起来电只有经度没有纬度，或只有纬度没有经度',
    needs: (name: string) => `“${name}”须与“${name === 'lon' ? 'lat' : 'districts'}”同时给出`,
  },
};

export interface TableProblem {
  path: string;
  message: string;
}

/**
 * The table's calls as listed incidents; or the problems of a table that passed the schema
 * (lengths, indexes, lon without lat), each with its column and row.
 */
export function expandIncidentTable(
  table: IncidentTable,
  language: Language,
): { incidents: Listed[] } | { problems: TableProblem[] } {
  const w = words[language];
  const at = (name: string, row?: number) =>
    `arrivals.incidentTable.${name}${row === undefined ? '' : `[${row}]`}`;
  const rows = table.time.length;
  const problems: TableProblem[] = [];
  for (const name of ['kind', 'lon', 'lat', 'district', 'observed'] as const) {
    const values = table[name];
    if (values && values.length !== rows)
      problems.push({ path: at(name), message: w.length(values.length, rows) });
  }
  if (!table.lon !== !table.lat)
    problems.push({ path: at(table.lon ? 'lon' : 'lat'), message: w.needs('lon') });
  if (!table.district !== !table.districts)
    problems.push({ path: at('district'), message: w.needs('district') });
  if (problems.length > 0) return { problems };
  const incidents: Listed[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const k = table.kind[i];
    if (k >= table.kinds.length) {
      problems.push({ path: at('kind', i), message: w.index(k, 'kinds', table.kinds.length) });
      if (problems.length >= 20) break;
      continue;
    }
    const incident: Listed = { time: table.time[i], kind: table.kinds[k] };
    const lon = table.lon?.[i] ?? null;
    const lat = table.lat?.[i] ?? null;
    if ((lon === null) !== (lat === null)) problems.push({ path: at('lon', i), message: w.pair() });
    else if (lon !== null && lat !== null) incident.location = [lon, lat];
    const d = table.district?.[i] ?? null;
    if (d !== null && table.districts) {
      if (d >= table.districts.length)
        problems.push({
          path: at('district', i),
          message: w.index(d, 'districts', table.districts.length),
        });
      else incident.district = table.districts[d];
    }
    const observed = table.observed?.[i] ?? null;
    if (observed !== null) incident.observed = observed;
    incidents[i] = incident;
    if (problems.length >= 20) break;
  }
  return problems.length > 0 ? { problems } : { incidents };
}

/**
 * Where a problem found in the expanded incidents is in the file: `arrivals.incidents[i].field`
 * for a table row (i from `first`) becomes the table's column and row.
 */
export function tablePath(path: string, first: number): string {
  const m = /^arrivals\.incidents\[(\d+)\](?:\.(\w+))?(.*)$/.exec(path);
  if (!m || Number(m[1]) < first) return path;
  const row = Number(m[1]) - first;
  const field = m[2] === 'location' ? 'lon' : (m[2] ?? 'time');
  return `arrivals.incidentTable.${field}[${row}]`;
}

/** Listed incidents as a table (the kinds and districts in the order first met). */
export function toIncidentTable(incidents: readonly Listed[]): IncidentTable {
  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  const districts: string[] = [];
  const districtIndex = new Map<string, number>();
  const index = (value: string, list: string[], map: Map<string, number>) => {
    let i = map.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      map.set(value, i);
    }
    return i;
  };
  const time: number[] = [];
  const kind: number[] = [];
  const lon: (number | null)[] = [];
  const lat: (number | null)[] = [];
  const district: (number | null)[] = [];
  const observed: (ObservedTimes | null)[] = [];
  for (const incident of incidents) {
    observed.push(incident.observed ?? null);
    time.push(incident.time);
    kind.push(index(incident.kind, kinds, kindIndex));
    lon.push(incident.location ? incident.location[0] : null);
    lat.push(incident.location ? incident.location[1] : null);
    district.push(
      incident.district === undefined ? null : index(incident.district, districts, districtIndex),
    );
  }
  const table: IncidentTable = { kinds, time, kind };
  if (lon.some((v) => v !== null)) Object.assign(table, { lon, lat });
  if (districts.length > 0) Object.assign(table, { districts, district });
  if (observed.some((v) => v !== null)) table.observed = observed;
  return table;
}

/**
 * A scenario as JSON text: indented as usual, but a table's columns each on one line (one value
 * a line would add a newline and indentation to each of millions of numbers).
 */
export function scenarioJson(scenario: object): string {
  const arrivals = (scenario as { arrivals?: { incidentTable?: IncidentTable } }).arrivals;
  const table = arrivals?.incidentTable;
  if (!table) return JSON.stringify(scenario, null, 1);
  const marker = '\u0000incidentTable\u0000';
  const text = JSON.stringify(
    { ...scenario, arrivals: { ...arrivals, incidentTable: marker } },
    null,
    1,
  );
  const columns = Object.entries(table)
    .map(([name, values]) => `  ${JSON.stringify(name)}: ${JSON.stringify(values)}`)
    .join(',\n');
  return text.replace(JSON.stringify(marker), () => `{\n${columns}\n }`);
}
