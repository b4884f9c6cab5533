/**
 * Import of call history from CSV into a scenario's list of incidents. A column mapping says
 * which column holds the time, the kind and the place (lon/lat, or a district). Every row that
 * cannot be read is reported with its line number and the reason; nothing is evaluated.
 */
import type { Language } from './messages.ts';
import type { ListedIncident } from './schema.ts';

/** The import's messages in both languages (the CLI writes English, the page its own). */
const en = {
  empty: () => 'the file is empty',
  noColumn: (name: string, columns: string) => `no column "${name}" (columns: ${columns})`,
  noPlace: () => 'map either the lon and lat columns or a district column',
  badTime: (value: string) => `time "${value}" is not a date-time YYYY-MM-DD HH:MM or seconds`,
  beforeStart: () => 'the call is before the scenario start',
  unknownKind: (kind: string) => `kind "${kind}" is not an incident kind of the scenario`,
  badPlace: (lon: string, lat: string) => `"${lon}", "${lat}" is not a longitude, latitude`,
};

const zh: typeof en = {
  empty: () => '文件为空',
  noColumn: (name: string, columns: string) => `没有名为“${name}”的列（现有列：${columns}）`,
  noPlace: () => '请选择经度和纬度列，或辖区列',
  badTime: (value: string) => `时间“${value}”既不是 YYYY-MM-DD HH:MM 格式的日期时间，也不是秒数`,
  beforeStart: () => '来电时间早于情景开始时间',
  unknownKind: (kind: string) => `类型“${kind}”不是本情景的事件类型（请在类型对应中选择）`,
  badPlace: (lon: string, lat: string) => `“${lon}”，“${lat}”不是有效的经度、纬度`,
};

const callText = { en, zh };

export interface CallColumnMapping {
  /** Column with the call time: ISO local date-time (2026-07-06 08:15[:00]) or seconds from start. */
  time: string;
  kind: string;
  lon?: string;
  lat?: string;
  district?: string;
  /** Values of the kind column mapped to incident kind ids (values not listed are used as they are). */
  kindValues?: Record<string, string>;
}

export interface CallImportProblem {
  line: number;
  message: string;
}

export interface CallImportResult {
  incidents: ListedIncident[];
  problems: CallImportProblem[];
}

/** Splits CSV text into rows of fields (RFC 4180: quotes, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

/** Seconds from the scenario start (local time) to a local date-time, or NaN if unreadable. */
export function secondsFromStart(value: string, startLocal: string): number {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const toMs = (text: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
    if (!m) return NaN;
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  };
  return (toMs(trimmed) - toMs(startLocal)) / 1000;
}

export function importCalls(
  csv: string,
  mapping: CallColumnMapping,
  startLocal: string,
  knownKinds: ReadonlySet<string>,
  language: Language = 'en',
): CallImportResult {
  const t = callText[language];
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
  const problems: CallImportProblem[] = [];
  const incidents: ListedIncident[] = [];
  if (rows.length === 0) return { incidents, problems: [{ line: 1, message: t.empty() }] };
  const header = rows[0].map((h) => h.trim());
  const column = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
  const columns = {
    time: column(mapping.time),
    kind: column(mapping.kind),
    lon: column(mapping.lon),
    lat: column(mapping.lat),
    district: column(mapping.district),
  };
  for (const key of ['time', 'kind'] as const) {
    if (columns[key] < 0)
      problems.push({
        line: 1,
        message: t.noColumn(String(mapping[key]), header.join(', ')),
      });
  }
  const hasLonLat = columns.lon >= 0 && columns.lat >= 0;
  if (!hasLonLat && columns.district < 0) {
    problems.push({ line: 1, message: t.noPlace() });
  }
  if (problems.length > 0) return { incidents, problems };

  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const time = secondsFromStart(row[columns.time] ?? '', startLocal);
    if (!Number.isFinite(time)) {
      problems.push({
        line,
        message: t.badTime(row[columns.time] ?? ''),
      });
      return;
    }
    if (time < 0) {
      problems.push({ line, message: t.beforeStart() });
      return;
    }
    const rawKind = (row[columns.kind] ?? '').trim();
    const values = mapping.kindValues;
    const kind = values && Object.hasOwn(values, rawKind) ? values[rawKind] : rawKind;
    if (!knownKinds.has(kind)) {
      problems.push({ line, message: t.unknownKind(rawKind) });
      return;
    }
    const incident: ListedIncident = { time, kind };
    if (hasLonLat) {
      const lon = Number(row[columns.lon]);
      const lat = Number(row[columns.lat]);
      const blank = !row[columns.lon]?.trim() || !row[columns.lat]?.trim();
      if (blank || !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        problems.push({
          line,
          message: t.badPlace(row[columns.lon], row[columns.lat]),
        });
        return;
      }
      incident.location = [lon, lat];
    }
    if (columns.district >= 0 && row[columns.district]?.trim())
      incident.district = row[columns.district].trim();
    incidents.push(incident);
  });
  return { incidents, problems };
}
