/**
 * Import of call history from CSV into a scenario's list of incidents. A column mapping says
 * which column holds the time, the kind and the place (lon/lat, or a district). Every row that
 * cannot be read is reported with its line in the file and the reason; nothing is evaluated.
 * What it gives is what the loader accepts: kinds and districts are those of the scenario, the
 * dates are real dates, and the calls fit the scenario's limit on listed incidents.
 */
import type { Language } from './messages.ts';
import { LIMITS, type ListedIncident } from './schema.ts';
import { callText, en, shown } from './callImportText.ts';
import { unmappedKinds } from './callKinds.ts';
import { readCsv, type CallImportProblem, type ParsedCsv } from './callCsv.ts';
import {
  detectPointOrder,
  readPoint,
  type DetectedPointOrder,
  type PointOrder,
} from './callPlaces.ts';
import { detectOrder, localText, readTime, startMs, type TimeFormat } from './callTimes.ts';
import {
  detectNumericClock,
  excelSerialMs,
  NUMERIC_CLOCKS,
  zoneClock,
  type NumericClock,
} from './callClock.ts';
import { ObservedReader, type ObservedColumns } from './callObserved.ts';

export { callText } from './callImportText.ts';
export {
  CSV_LIMITS,
  parseCsv,
  readCsv,
  type CallImportProblem,
  type CsvRow,
  type ParsedCsv,
} from './callCsv.ts';

export interface CallColumnMapping {
  /** Column with the call time: a local date-time (see `callTimes.ts`) or seconds from start. */
  time: string;
  kind: string;
  /** A second column for the kind: the value is both joined by " / " ("Medical / Alarm"). */
  kindAlso?: string;
  lon?: string;
  lat?: string;
  district?: string;
  /** One column with both coordinates: "(lat, lon)", "lon,lat", "POINT (lon lat)" (see `callPlaces.ts`). */
  point?: string;
  /** Which comes first in a bare pair of the point column; detected when left out. */
  pointOrder?: PointOrder;
  /** Column with an incident number: rows that share one are one incident (first row's kind and place, earliest time). */
  groupBy?: string;
  /** How a date with the year last is read (day/month or month/day); detected when 'auto'. */
  timeFormat?: TimeFormat;
  /** Values of the kind column mapped to incident kind ids (values not listed are used as they are). */
  kindValues?: Record<string, string>;
  /** Columns of what was observed per unit (times, unit): kept in `observed` for calibration. */
  observed?: ObservedColumns;
}

export interface CallImportResult {
  incidents: ListedIncident[];
  problems: CallImportProblem[];
  /** Values of the kind column that map to no kind of the scenario, with counts. */
  unmappedKinds: { value: string; count: number }[];
  /** With `fit`: the run fitted to the data, and what to add to the times the scenario lists. */
  fitted?: { start: string; duration: number; shift: number };
  /** With `groupBy`: rows read into an incident of an earlier row with the same number. */
  groupedRows: number;
  /**
   * How the times were read: dates (`clock: 'date'`, year-last ones in `order`) or numbers
   * (Excel serials, Unix seconds or milliseconds, seconds from the start); and whether that was
   * detected from the file.
   */
  times: {
    order: 'ymd' | 'mdy' | 'dmy' | 'undecided';
    detected: boolean;
    clock: 'date' | NumericClock;
  };
}

/**
 * Seconds from the scenario start (local time) to a local date-time, or NaN if unreadable or no
 * real date (2026-07-32 is not 1 August, month 13 is not next January). A year-last date is read
 * in `order` (month/day unless told).
 */
export function secondsFromStart(
  value: string,
  startLocal: string,
  order: 'ymd' | 'mdy' | 'dmy' = 'mdy',
): number {
  const read = readTime(value, order, en, shown);
  if (!read.ok) return NaN;
  return 'seconds' in read ? read.seconds : (read.ms - startMs(startLocal)) / 1000;
}

/** Problems of one kind: how many rows, the first lines, and the first row's message. */
export interface ProblemGroup {
  message: string;
  count: number;
  lines: number[];
}

/**
 * Identical problems grouped (the same reason, and for kinds and districts the same value), in
 * the order of their first line, each with its count and first `shownLines` lines.
 */
export function groupProblems(problems: CallImportProblem[], shownLines = 5): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const key = problem.group ?? problem.message;
    const group = groups.get(key);
    if (!group) groups.set(key, { message: problem.message, count: 1, lines: [problem.line] });
    else {
      group.count++;
      if (group.lines.length < shownLines) group.lines.push(problem.line);
    }
  }
  return [...groups.values()].sort((a, b) => a.lines[0] - b.lines[0]);
}

export interface CallImportOptions {
  language?: Language;
  /** The scenario's districts: a district column's values are matched by id or by name. */
  districts?: ReadonlyArray<{ id: string; name?: string }>;
  /**
   * Fit the run to the data: the start moved to the hour of the earliest call (of these and of
   * `existingTimes`), less the warm-up, the duration to cover the last; times are then from the
   * new start.
   */
  fit?: boolean;
  /** The scenario's warm-up: with `fit`, the run starts that long before the first call. */
  warmup?: number;
  /** Times of the incidents the scenario lists already (seconds from the old start), for `fit`. */
  existingTimes?: readonly number[];
  /** Incidents the scenario lists already (the imported calls are added to them). */
  existing?: number;
  /** The scenario's IANA time zone: Unix times are instants, shown on its clock (default Asia/Shanghai). */
  timeZone?: string;
}

/** Imports call history from CSV text; see `importRows` for the mapping. */
export function importCalls(
  csv: string,
  mapping: CallColumnMapping,
  startLocal: string,
  knownKinds: ReadonlySet<string>,
  options: CallImportOptions | Language = {},
): CallImportResult {
  const opts = typeof options === 'string' ? { language: options } : options;
  return importRows(readCsv(csv, opts.language), mapping, startLocal, knownKinds, opts);
}

/** Imports the records of a CSV file already read (the dialog reads once, maps many times). */
export function importRows(
  parsed: ParsedCsv,
  mapping: CallColumnMapping,
  startLocal: string,
  knownKinds: ReadonlySet<string>,
  options: CallImportOptions = {},
): CallImportResult {
  const t = callText[options.language ?? 'en'];
  const { rows } = parsed;
  const problems: CallImportProblem[] = [...parsed.problems];
  const incidents: ListedIncident[] = [];
  let groupedRows = 0;
  /** Incident number → index of its incident in `incidents`. */
  const groups = new Map<string, number>();
  const times: CallImportResult['times'] = { order: 'ymd', detected: false, clock: 'date' };
  const result: Pick<CallImportResult, 'fitted'> = {};
  const done = () => ({
    ...result,
    incidents,
    groupedRows,
    problems: problems.sort((a, b) => a.line - b.line),
    unmappedKinds:
      columns.kind >= 0 && incidents.length + problems.length > 0
        ? unmappedKinds(
            rows.slice(1).map((r) => kindValue(r.cells, columns.kind, columns.kindAlso)),
            mapping.kindValues,
            knownKinds,
          )
        : [],
    times,
  });
  const header = (rows[0]?.cells ?? []).map((h) => h.trim());
  const column = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
  const columns = {
    time: column(mapping.time),
    kind: column(mapping.kind),
    kindAlso: column(mapping.kindAlso),
    lon: column(mapping.lon),
    lat: column(mapping.lat),
    district: column(mapping.district),
    point: column(mapping.point),
    groupBy: column(mapping.groupBy),
  };
  if (rows.length === 0) {
    if (problems.length === 0) problems.push({ line: 1, message: t.empty() });
    return done();
  }
  const before = problems.length;
  for (const key of ['time', 'kind', 'kindAlso', 'point', 'groupBy'] as const) {
    if (columns[key] < 0 && (key === 'time' || key === 'kind' || mapping[key] !== undefined))
      problems.push({
        line: rows[0].line,
        message: t.noColumn(shown(String(mapping[key])), shown(header.join(', '))),
      });
  }
  const observed = new ObservedReader(header, mapping.observed ?? {}, options.language ?? 'en');
  for (const name of observed.missingColumns())
    problems.push({
      line: rows[0].line,
      message: t.noColumn(shown(name), shown(header.join(', '))),
    });
  const hasLonLat = columns.lon >= 0 && columns.lat >= 0;
  const hasPoint = columns.point >= 0;
  if (!hasLonLat && !hasPoint && columns.district < 0)
    problems.push({ line: rows[0].line, message: t.noPlace() });
  if (problems.length > before) return done();
  if (rows.length === 1 && problems.length === 0) {
    problems.push({ line: rows[0].line + 1, message: t.headerOnly() });
    return done();
  }

  const districtId = new Map<string, string>();
  for (const district of options.districts ?? []) {
    if (district.name) districtId.set(district.name, district.id);
  }
  for (const district of options.districts ?? []) districtId.set(district.id, district.id);

  const format = mapping.timeFormat ?? 'auto';
  const timeValues = () => rows.slice(1).map((r) => r.cells[columns.time] ?? '');
  if (format === 'auto') {
    const clock = detectNumericClock(timeValues());
    if (clock !== null && clock !== 'seconds') {
      times.clock = clock;
      times.detected = true;
    } else {
      const found = detectOrder(timeValues());
      times.order = found === 'none' ? 'ymd' : found;
      times.detected = found !== 'none';
    }
  } else if ((NUMERIC_CLOCKS as readonly string[]).includes(format))
    times.clock = format as NumericClock;
  else times.order = format as 'ymd' | 'mdy' | 'dmy';
  const start = startMs(startLocal);
  const toLocal = times.clock.startsWith('unix')
    ? zoneClock(options.timeZone ?? 'Asia/Shanghai')
    : (ms: number) => ms;
  const pointOrder: DetectedPointOrder = !hasPoint
    ? 'undecided'
    : (mapping.pointOrder ??
      detectPointOrder(rows.slice(1).map((r) => r.cells[columns.point] ?? '')));

  for (const { line, cells: row } of rows.slice(1)) {
    // Every problem of the row is said at once, so that one pass shows them all.
    const found: CallImportProblem[] = [];
    const problem = (group: string, message: string) => found.push({ line, message, group });
    const timeText = row[columns.time] ?? '';
    const read =
      times.clock === 'date'
        ? readTime(timeText, times.order, t, shown)
        : readNumericTime(timeText, times.clock, t, toLocal);
    let time = NaN;
    if (!read.ok) problem('time', read.message);
    else {
      time = 'seconds' in read ? read.seconds : (read.ms - start) / 1000;
      if (time < 0 && !options.fit) problem('beforeStart', t.beforeStart());
    }
    const rawKind = kindValue(row, columns.kind, columns.kindAlso);
    const values = mapping.kindValues;
    const kind = values && Object.hasOwn(values, rawKind) ? values[rawKind] : rawKind;
    if (!knownKinds.has(kind)) problem(`kind:${rawKind}`, t.unknownKind(shown(rawKind)));
    const incident: ListedIncident = { time, kind };
    let placed = true;
    if (hasLonLat) {
      const lon = Number(row[columns.lon]);
      const lat = Number(row[columns.lat]);
      const blank = !row[columns.lon]?.trim() || !row[columns.lat]?.trim();
      if (blank || !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        placed = false;
        problem('place', t.badPlace(shown(row[columns.lon] ?? ''), shown(row[columns.lat] ?? '')));
      } else incident.location = [lon, lat];
    } else if (hasPoint) {
      const cell = row[columns.point] ?? '';
      const byDistrict = cell.trim() === '' && columns.district >= 0;
      const point = byDistrict ? null : readPoint(cell, pointOrder);
      if (point === 'order') problem('pointOrder', t.undecidedPoint(shown(cell)));
      else if (point === null && !byDistrict) problem('point', t.badPoint(shown(cell)));
      else if (point) incident.location = point;
      placed = point !== 'order' && (point !== null || byDistrict);
    }
    if (columns.district >= 0 && placed) {
      // The place by district, or (beside a longitude and latitude) the district it is in.
      const value = (row[columns.district] ?? '').trim();
      const id = districtId.get(value);
      if (value && id === undefined) problem(`district:${value}`, t.unknownDistrict(shown(value)));
      else if (!value && !incident.location) problem('noDistrict', t.noDistrict());
      if (id !== undefined) incident.district = id;
    }
    const number = columns.groupBy >= 0 ? (row[columns.groupBy] ?? '').trim() : '';
    const first = number ? groups.get(number) : undefined;
    // The observed times are read as the call time is.
    const readCell = (text: string) =>
      times.clock === 'date'
        ? readTime(text, times.order, t, shown)
        : readNumericTime(text, times.clock, t, toLocal);
    const unit = observed.active ? observed.read(row, time, readCell, start, problem) : null;
    if (found.length > 0) problems.push(...found);
    else if (first === undefined) {
      if (number) groups.set(number, incidents.length);
      observed.add(incidents.length, unit);
      incidents.push(incident);
    } else {
      observed.add(first, unit);
      // Another unit's row of an incident already read: the call is the earliest row's time.
      groupedRows++;
      if (time < incidents[first].time) incidents[first].time = time;
    }
  }
  observed.finish(incidents);
  if (options.fit && incidents.length > 0) result.fitted = fitRun(incidents, startLocal, options);
  const existing = options.existing ?? 0;
  if (incidents.length > 0 && existing + incidents.length > LIMITS.listedIncidents) {
    problems.push({ line: rows[0].line, message: t.overLimit(existing, LIMITS.listedIncidents) });
    incidents.length = 0;
  }
  return done();
}

const HOUR = 3600;

/** The kind's value of a row: its kind column, and the second one's joined by " / " if any. */
export function kindValue(cells: readonly string[], kind: number, also = -1): string {
  const first = (cells[kind] ?? '').trim();
  if (also < 0) return first;
  const second = (cells[also] ?? '').trim();
  return first && second ? `${first} / ${second}` : first || second;
}

/** A time written as a number, read on `clock` (local clock milliseconds, or seconds from start). */
function readNumericTime(
  value: string,
  clock: NumericClock,
  t: (typeof callText)['en'],
  toLocal: (instantMs: number) => number,
): ReturnType<typeof readTime> {
  const text = value.trim();
  const n = /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n)) return { ok: false, message: t.notNumber(shown(value), t.clockName[clock]) };
  if (clock === 'seconds') return { ok: true, seconds: n };
  if (clock === 'unix') return { ok: true, ms: toLocal(Math.round(n * 1000)) };
  if (clock === 'unix-ms') return { ok: true, ms: toLocal(Math.round(n)) };
  const ms = excelSerialMs(n);
  if (ms === 'leap') return { ok: false, message: t.excelLeap(shown(value)) };
  if (ms === null) return { ok: false, message: t.notNumber(shown(value), t.clockName[clock]) };
  return { ok: true, ms };
}

/**
 * The run that covers the calls: from the hour of the earliest (imported or already listed) to
 * the end of the hour of the latest. The imported times are moved to the new start in place.
 */
function fitRun(
  incidents: ListedIncident[],
  startLocal: string,
  options: CallImportOptions,
): NonNullable<CallImportResult['fitted']> {
  let first = Infinity;
  let last = -Infinity;
  for (const time of [...incidents.map((i) => i.time), ...(options.existingTimes ?? [])]) {
    if (time < first) first = time;
    if (time > last) last = time;
  }
  // The scenario's warm-up (left out of the statistics) comes before the first call.
  const warmup = options.warmup ?? 0;
  const from = Math.floor(first / HOUR) * HOUR - warmup;
  const duration = Math.max(HOUR, Math.ceil((last - from + 1) / HOUR) * HOUR);
  for (const incident of incidents) incident.time -= from;
  return { start: localText(startMs(startLocal) + from * 1000), duration, shift: -from };
}
