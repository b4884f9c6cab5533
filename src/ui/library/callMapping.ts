/**
 * The call import dialog's mapping: the first mapping from the columns' detected types, what
 * keeps a mapping from being tried, the mapping as the importer takes it, and the edit that adds
 * the calls (see CallImportDialog.tsx).
 */
import { kindValue, type CallColumnMapping, type CsvRow } from '../../scenarios/importCalls.ts';
import type { TimeFormat } from '../../scenarios/callTimes.ts';
import { suggestMapping, type ColumnInfo } from '../../scenarios/callColumns.ts';
import type { ListedIncident } from '../../scenarios/schema.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import type { LibraryStrings } from './strings.ts';
import { guessObservedColumns, observedColumns, type ObservedKey } from './observedMapping.ts';

export interface Named {
  id: string;
  name: string;
}

export type PlaceBy = 'lonLat' | 'point' | 'district';

export interface Mapping {
  time: string;
  kind: string;
  kindAlso: string;
  placeBy: PlaceBy;
  lon: string;
  lat: string;
  district: string;
  point: string;
  groupBy: string;
  timeFormat: TimeFormat;
  kindValues: Record<string, string>;
  /** The observed columns chosen ('' for none). */
  observed: Record<ObservedKey, string>;
}

export function namedList(value: unknown): Named[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is Record<string, unknown> => typeof item?.id === 'string')
    .map((item) => ({
      id: item.id as string,
      name: typeof item.name === 'string' ? item.name : '',
    }));
}

/** Distinct values of a column (or two, joined) with their row counts, most common first. */
export function valueCounts(rows: CsvRow[], column: number, also = -1): [string, number][] {
  if (column < 0) return [];
  const counts = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const value = kindValue(rows[i].cells, column, also);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A column's detected type in the preview: the type, and for a time how it is written. */
export function typeLabel(column: ColumnInfo, t: LibraryStrings): string {
  const type = t.columnTypes[column.type];
  return column.timeFormat ? `${type} · ${t.timeFormats[column.timeFormat]}` : type;
}

export const COLUMN_GUESSES: Record<
  'time' | 'kind' | 'lon' | 'lat' | 'district' | 'point',
  RegExp
> = {
  time: /时间|日期|time|date/i,
  kind: /类型|类别|事件|kind|type|category/i,
  lon: /经度|^lon|^lng|longitude|^x$/i,
  lat: /纬度|^lat|latitude|^y$/i,
  district: /辖区|区县|区域|街道|乡镇|district|area|zone/i,
  point: /坐标|位置|location|point|geom|coordinates/i,
};

/**
 * A first mapping from the columns' detected types (the names where types say nothing), and
 * kind values matched by kind id or name.
 */
export function guessMapping(
  header: string[],
  rows: CsvRow[],
  kinds: Named[],
  columns: ColumnInfo[],
): Mapping {
  const suggested = suggestMapping(columns);
  const find = (key: keyof typeof COLUMN_GUESSES) =>
    suggested[key] ?? header.find((column) => COLUMN_GUESSES[key].test(column)) ?? '';
  const mapping: Mapping = {
    time: find('time'),
    kind: find('kind'),
    kindAlso: '',
    lon: find('lon'),
    lat: find('lat'),
    district: find('district'),
    point: find('point'),
    groupBy: '',
    timeFormat: 'auto',
    placeBy: 'lonLat',
    kindValues: {},
    observed: guessObservedColumns(header, [
      ...Object.values(suggested),
      find('time'),
      find('kind'),
      find('lon'),
      find('lat'),
      find('district'),
      find('point'),
    ]),
  };
  if (!(mapping.lon && mapping.lat) && mapping.district) mapping.placeBy = 'district';
  else if (!(mapping.lon && mapping.lat) && mapping.point) mapping.placeBy = 'point';
  for (const [value] of valueCounts(rows, header.indexOf(mapping.kind))) {
    const kind = kinds.find((k) => k.id === value || (k.name !== '' && k.name === value));
    if (kind) mapping.kindValues[value] = kind.id;
  }
  return mapping;
}

/** What keeps the mapping from being tried at all, said at the mapping step. */
export function mappingProblem(
  header: string[],
  rows: CsvRow[],
  mapping: Mapping,
  t: LibraryStrings,
): string | null {
  if (rows.length === 0) return t.noRows;
  if (header.length < 2) return t.tooFewColumns(cut(header.join('')) || '—');
  if (rows.length < 2) return t.noRows;
  const chosen: Array<[string, string]> = [
    [t.columnTime, mapping.time],
    [t.columnKind, mapping.kind],
    ...(mapping.placeBy === 'lonLat'
      ? ([
          [t.columnLon, mapping.lon],
          [t.columnLat, mapping.lat],
        ] as Array<[string, string]>)
      : mapping.placeBy === 'point'
        ? ([[t.columnPoint, mapping.point]] as Array<[string, string]>)
        : ([[t.columnDistrict, mapping.district]] as Array<[string, string]>)),
  ];
  const missing = chosen.find(([, column]) => column === '');
  if (missing) return t.mapColumn(missing[0]);
  const columns = chosen.map(([, column]) => column);
  const twice = columns.find((column, i) => columns.indexOf(column) !== i);
  return twice ? t.sameColumn(twice) : null;
}

export function callMapping(mapping: Mapping): CallColumnMapping {
  return {
    time: mapping.time,
    kind: mapping.kind,
    ...(mapping.kindAlso ? { kindAlso: mapping.kindAlso } : {}),
    kindValues: mapping.kindValues,
    timeFormat: mapping.timeFormat,
    ...(mapping.groupBy ? { groupBy: mapping.groupBy } : {}),
    ...(observedColumns(mapping.observed) ? { observed: observedColumns(mapping.observed) } : {}),
    ...(mapping.placeBy === 'lonLat'
      ? { lon: mapping.lon, lat: mapping.lat }
      : mapping.placeBy === 'point'
        ? { point: mapping.point }
        : { district: mapping.district }),
  };
}

/** Incidents the scenario lists already, in its list and its table (the import adds to them, within the limit). */
export function listedCount(doc: ScenarioDoc): number {
  const arrivals = doc.arrivals as { incidents?: unknown; incidentTable?: { time?: unknown } };
  const listed = Array.isArray(arrivals?.incidents) ? arrivals.incidents.length : 0;
  const table = arrivals?.incidentTable?.time;
  return listed + (Array.isArray(table) ? table.length : 0);
}

/** A cell or a column name in the preview: long ones cut. */
export function cut(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function appendIncidents(draft: ScenarioDoc, incidents: ListedIncident[]): void {
  const arrivals = (draft.arrivals ??= {}) as Record<string, unknown>;
  const listed = Array.isArray(arrivals.incidents) ? arrivals.incidents : [];
  arrivals.incidents = [...listed, ...incidents];
}
