/**
 * What each column of a call file holds, from its name and a sample of its values: a time (and
 * how it is written), a longitude or latitude, a point, a district of the scenario, an incident
 * number, a kind (a few values repeated), a number or text. From that, the mapping to start from:
 * the app shows it to be changed, the CLI uses it for each option left out and says so.
 */
import type { CsvRow } from './callCsv.ts';
import { detectNumericClock, type NumericClock } from './callClock.ts';
import { detectPointOrder, readPoint } from './callPlaces.ts';
import { detectOrder, looksLikeDate } from './callTimes.ts';

export type ColumnType =
  | 'time'
  | 'lon'
  | 'lat'
  | 'point'
  | 'district'
  | 'incidentNumber'
  | 'kind'
  | 'number'
  | 'text'
  | 'empty';

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  /** For a time: how it is written (a date order, or a numeric clock). */
  timeFormat?: 'ymd' | 'mdy' | 'dmy' | 'undecided' | NumericClock;
  /** Distinct values in the sample. */
  distinct: number;
}

export interface SuggestedMapping {
  time?: string;
  kind?: string;
  lon?: string;
  lat?: string;
  point?: string;
  district?: string;
  /** A column that looks like an incident number (not used unless chosen). */
  incidentNumber?: string;
}

/** Rows looked at: enough to tell a column's type, few enough to do it at once on any file. */
const SAMPLE_ROWS = 2_000;

const NAMES = {
  time: /时间|日期|time|date/i,
  kind: /类型|类别|事件|案由|kind|type|category/i,
  lon: /经度|^lon|^lng|longitude|^x$/i,
  lat: /纬度|^lat|latitude|^y$/i,
  district: /辖区|区县|区域|街道|乡镇|district|area|zone|battalion/i,
  point: /坐标|位置|location|point|geom|coordinates/i,
  incidentNumber: /编号|案件号|警情号|单号|incident.*(number|id|no)|call.*(number|id|no)|^id$/i,
};

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The type of each column, from the first rows (after the header). */
export function detectColumns(
  rows: readonly CsvRow[],
  districts: ReadonlyArray<{ id: string; name?: string }> = [],
): ColumnInfo[] {
  const header = (rows[0]?.cells ?? []).map((h) => h.trim());
  const sample = rows.slice(1, 1 + SAMPLE_ROWS);
  const districtNames = new Set<string>();
  for (const d of districts) {
    districtNames.add(d.id);
    if (d.name) districtNames.add(d.name);
  }
  return header.map((name, column) => {
    const values = sample.map((r) => (r.cells[column] ?? '').trim()).filter((v) => v !== '');
    const distinct = new Set(values).size;
    const info = (type: ColumnType, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
      name,
      type,
      distinct,
      ...extra,
    });
    if (values.length === 0) return info('empty');
    const share = (test: (v: string) => boolean) => values.filter(test).length / values.length;
    if (share(looksLikeDate) >= 0.8) {
      const order = detectOrder(values);
      return info('time', { timeFormat: order === 'none' ? 'ymd' : order });
    }
    if (share((v) => NUMBER.test(v)) === 1) {
      const clock = detectNumericClock(values);
      if (clock && clock !== 'seconds') return info('time', { timeFormat: clock });
      const numbers = values.map(Number);
      const fractional = numbers.some((n) => !Number.isInteger(n));
      const within = (limit: number) => numbers.every((n) => Math.abs(n) <= limit);
      if (fractional && within(180) && !within(90)) return info('lon');
      if (fractional && within(90) && NAMES.lat.test(name)) return info('lat');
      if (fractional && within(180) && NAMES.lon.test(name)) return info('lon');
      if (NAMES.time.test(name)) return info('time', { timeFormat: 'seconds' });
      if (NAMES.incidentNumber.test(name) && distinct < values.length)
        return info('incidentNumber');
      return info('number');
    }
    const order = detectPointOrder(values);
    if (share((v) => readPoint(v, order === 'undecided' ? 'lonlat' : order) !== null) >= 0.9)
      return info('point');
    if (districtNames.size > 0 && share((v) => districtNames.has(v)) >= 0.5)
      return info('district');
    const repeats = distinct < values.length;
    if (NAMES.incidentNumber.test(name) && repeats) return info('incidentNumber');
    if (NAMES.kind.test(name) && !NAMES.incidentNumber.test(name)) return info('kind');
    if (repeats && distinct <= Math.max(2, Math.min(200, values.length / 5))) return info('kind');
    if (repeats && distinct >= values.length / 10 && /\d/.test(values[0]))
      return info('incidentNumber');
    return info('text');
  });
}

/** The mapping to start from: by type, a column whose name says so first. */
export function suggestMapping(columns: readonly ColumnInfo[]): SuggestedMapping {
  const pick = (type: ColumnType, names?: RegExp) => {
    const of = columns.filter((c) => c.type === type);
    return (names && of.find((c) => names.test(c.name))?.name) ?? of[0]?.name;
  };
  const lonLat = columns.filter((c) => c.type === 'lat').length > 0 && pick('lon');
  const out: SuggestedMapping = {
    time: pick('time', NAMES.time),
    kind: pick('kind', NAMES.kind),
    incidentNumber: pick('incidentNumber', NAMES.incidentNumber),
  };
  if (lonLat) {
    out.lon = pick('lon', NAMES.lon);
    out.lat = pick('lat', NAMES.lat);
  } else if (pick('point')) out.point = pick('point', NAMES.point);
  else if (pick('district')) out.district = pick('district', NAMES.district);
  if (!out.lon && pick('district')) out.district = pick('district', NAMES.district);
  for (const key of Object.keys(out) as (keyof SuggestedMapping)[])
    if (out[key] === undefined) delete out[key];
  return out;
}
