/**
 * Import of call history from CSV into a scenario's list of incidents. A column mapping says
 * which column holds the time, the kind and the place (lon/lat, or a district). Every row that
 * cannot be read is reported with its line in the file and the reason; nothing is evaluated.
 * What it gives is what the loader accepts: kinds and districts are those of the scenario, the
 * dates are real dates, and the calls fit the scenario's limit on listed incidents.
 */
import { cut, type Language } from './messages.ts';
import { LIMITS, type ListedIncident } from './schema.ts';

/** Bounds of a call file: the size of a scenario file, and a column count no export has. */
export const CSV_LIMITS = {
  bytes: LIMITS.fileBytes,
  rows: LIMITS.listedIncidents,
  columns: 1_000,
} as const;

/** Stray quotes recovered from before the rest of the file is given up (each rereads the rest). */
const QUOTE_RECOVERIES = 10;

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The import's messages in both languages (the CLI writes in its --lang, the page in its own). */
const en = {
  empty: () => 'the file is empty',
  headerOnly: () => 'the file has a header line but no calls below it',
  tooLarge: (bytes: number, limit: number) =>
    `the file has ${(bytes / 1048576).toFixed(1)} MB; a call file may have at most ${limit / 1048576} MB`,
  tooManyRows: (limit: number) =>
    `more than ${limit.toLocaleString('en')} calls: a scenario holds at most ${limit.toLocaleString('en')} listed incidents; the rest of the file was not read`,
  tooManyColumns: (count: number, limit: number) =>
    `the header has ${count.toLocaleString('en')} columns; a call file may have at most ${limit.toLocaleString('en')} (is it a call history?)`,
  unclosedQuote: (lines: number) =>
    `a quote opened in this row is never closed (it would swallow ${lines.toLocaleString('en')} more line(s) to the end of the file): the row is skipped and reading goes on at the next line`,
  unclosedGiveUp: (lines: number) =>
    `a quote opened in this row is never closed: the remaining ${lines.toLocaleString('en')} line(s) were not read (close or remove the stray quotes)`,
  unclosedLast: () => 'a quote opened in this row is never closed: the row is skipped',
  noColumn: (name: string, columns: string) => `no column "${name}" (columns: ${columns})`,
  noPlace: () => 'map either the lon and lat columns or a district column',
  badTime: (value: string) => `time "${value}" is not a date-time YYYY-MM-DD HH:MM or seconds`,
  noSuchDate: (value: string, why: string) => `time "${value}" is not a real date-time: ${why}`,
  monthRange: (month: number) => `there is no month ${month}`,
  dayRange: (month: number, days: number) => `${MONTHS_EN[month - 1]} has ${days} days`,
  clockRange: () => 'hours go to 23, minutes and seconds to 59',
  beforeStart: () => 'the call is before the scenario start',
  unknownKind: (kind: string) => `kind "${kind}" is not an incident kind of the scenario`,
  badPlace: (lon: string, lat: string) => `"${lon}", "${lat}" is not a longitude, latitude`,
  noDistrict: () => 'the district is empty',
  unknownDistrict: (value: string) =>
    `district "${value}" is not a district of the scenario (by id or name)`,
  overLimit: (existing: number, limit: number) =>
    `the scenario lists ${existing.toLocaleString('en')} incidents already; with these calls it would list more than ${limit.toLocaleString('en')}`,
};

const zh: typeof en = {
  empty: () => '文件为空',
  headerOnly: () => '文件只有列名一行，下面没有来电记录',
  tooLarge: (bytes: number, limit: number) =>
    `文件大小为 ${(bytes / 1048576).toFixed(1)} MB，来电记录文件最大 ${limit / 1048576} MB`,
  tooManyRows: (limit: number) =>
    `来电超过 ${limit.toLocaleString('zh-CN')} 起：一个情景最多列明 ${limit.toLocaleString('zh-CN')} 起事件；其余部分未读取`,
  tooManyColumns: (count: number, limit: number) =>
    `列名行有 ${count.toLocaleString('zh-CN')} 列，来电记录文件最多 ${limit.toLocaleString('zh-CN')} 列（这是来电记录吗？）`,
  unclosedQuote: (lines: number) =>
    `此行有一个引号没有闭合（会把到文件末尾的 ${lines.toLocaleString('zh-CN')} 行吞进一个字段）：此行跳过，从下一行继续读取`,
  unclosedGiveUp: (lines: number) =>
    `此行有一个引号没有闭合：其后 ${lines.toLocaleString('zh-CN')} 行未读取（请补上或删去多余的引号）`,
  unclosedLast: () => '此行有一个引号没有闭合：此行跳过',
  noColumn: (name: string, columns: string) => `没有名为“${name}”的列（现有列：${columns}）`,
  noPlace: () => '请选择经度和纬度列，或辖区列',
  badTime: (value: string) => `时间“${value}”既不是 YYYY-MM-DD HH:MM 格式的日期时间，也不是秒数`,
  noSuchDate: (value: string, why: string) => `时间“${value}”不是真实存在的日期时间：${why}`,
  monthRange: (month: number) => `没有 ${month} 月`,
  dayRange: (month: number, days: number) => `${month} 月只有 ${days} 天`,
  clockRange: () => '小时最大为 23，分钟和秒最大为 59',
  beforeStart: () => '来电时间早于情景开始时间',
  unknownKind: (kind: string) => `类型“${kind}”不是本情景的事件类型（请在类型对应中选择）`,
  badPlace: (lon: string, lat: string) => `“${lon}”，“${lat}”不是有效的经度、纬度`,
  noDistrict: () => '辖区为空',
  unknownDistrict: (value: string) => `辖区“${value}”不是本情景的辖区（id 或名称）`,
  overLimit: (existing: number, limit: number) =>
    `情景中已列明 ${existing.toLocaleString('zh-CN')} 起事件，加上这些来电将超过 ${limit.toLocaleString('zh-CN')} 起`,
};

export const callText = { en, zh };

/** A user's value in a message: cut to a readable length. */
const shown = (value: string) => cut(value, 80);

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

/** A record of the file and the line it starts on (a quoted field may span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  /** The header first, then the data rows; blank lines left out. */
  rows: CsvRow[];
  /** What stopped or skipped reading: an unclosed quote, too many rows or columns. */
  problems: CallImportProblem[];
}

/**
 * Splits CSV text into records (RFC 4180: quotes, doubled quotes, CRLF, fields spanning lines),
 * each with the line it starts on. A quote never closed is reported at its row, which is
 * skipped, and reading goes on at the next line; the rows and columns are bounded.
 */
export function readCsv(text: string, language: Language = 'en'): ParsedCsv {
  const t = callText[language];
  const rows: CsvRow[] = [];
  const problems: CallImportProblem[] = [];
  if (text.length > CSV_LIMITS.bytes) {
    return { rows, problems: [{ line: 1, message: t.tooLarge(text.length, CSV_LIMITS.bytes) }] };
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const totalLines = text.endsWith('\n') ? lineStarts.length - 1 : lineStarts.length;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  for (let recoveries = 0; ; recoveries++) {
    const stop = parseFrom(text, position, line, rows, problems, t);
    if (stop === null) break;
    // A quote opened on `stop` never closed: skip that line's record, read on after it.
    const left = totalLines - stop;
    if (left <= 0) {
      problems.push({ line: stop, message: t.unclosedLast() });
      break;
    }
    if (recoveries >= QUOTE_RECOVERIES) {
      problems.push({ line: stop, message: t.unclosedGiveUp(left) });
      break;
    }
    problems.push({ line: stop, message: t.unclosedQuote(left) });
    position = lineStarts[stop];
    line = stop + 1;
  }
  if (rows.length > 0 && rows[0].cells.length > CSV_LIMITS.columns) {
    const count = rows[0].cells.length;
    return {
      rows: [],
      problems: [{ line: 1, message: t.tooManyColumns(count, CSV_LIMITS.columns) }],
    };
  }
  return { rows, problems };
}

/**
 * Reads records from `start` (at line `line`) to the end; returns null, or the line of a quote
 * left open at the end of the text (the records before it are kept).
 */
function parseFrom(
  text: string,
  start: number,
  firstLine: number,
  rows: CsvRow[],
  problems: CallImportProblem[],
  t: typeof en,
): number | null {
  let line = firstLine;
  let rowLine = firstLine;
  let quoteLine = firstLine;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = start;
  const push = () => {
    row.push(field);
    const blank = row.length === 1 && row[0].trim() === '';
    if (!blank) rows.push({ line: rowLine, cells: row });
    row = [];
    field = '';
  };
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === 10) line++;
        // Runs of plain characters are copied at once (a field of a million characters is fine).
        let j = i + 1;
        while (j < text.length) {
          const d = text.charCodeAt(j);
          if (d === 34 || d === 10) break;
          j++;
        }
        field += text.slice(i, j);
        i = j - 1;
      }
    } else if (c === 34 && field === '' && i === fieldStart) {
      quoted = true;
      quoteLine = line;
    } else if (c === 44 /* , */) {
      row.push(field);
      field = '';
      fieldStart = i + 1;
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      push();
      line++;
      rowLine = line;
      fieldStart = i + 1;
      if (rows.length === 1 && rows[0].cells.length > CSV_LIMITS.columns) return null;
      if (rows.length - 1 > CSV_LIMITS.rows) {
        rows.pop();
        problems.push({ line: rowLine - 1, message: t.tooManyRows(CSV_LIMITS.rows) });
        return null;
      }
    } else {
      let j = i + 1;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 10 || d === 13) break;
        j++;
      }
      field += text.slice(i, j);
      i = j - 1;
    }
  }
  if (quoted) return quoteLine;
  if (field !== '' || row.length > 0) push();
  if (rows.length - 1 > CSV_LIMITS.rows) {
    rows.pop();
    problems.push({ line: rowLine, message: t.tooManyRows(CSV_LIMITS.rows) });
  }
  return null;
}

/** Splits CSV text into rows of fields (the records of `readCsv`, without their lines). */
export function parseCsv(text: string): string[][] {
  return readCsv(text).rows.map((row) => row.cells);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a local date-time that matches the pattern is no real one ('' if it is). */
function impossible(text: string, t: typeof en): string {
  const m = DATE_TIME.exec(text);
  if (!m) return '';
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12) return t.monthRange(month);
  if (day < 1 || day > daysIn(year, month)) return t.dayRange(month, daysIn(year, month));
  if (hour > 23 || minute > 59 || second > 59) return t.clockRange();
  return '';
}

/**
 * Seconds from the scenario start (local time) to a local date-time, or NaN if unreadable or no
 * real date (2026-07-32 is not 1 August, month 13 is not next January).
 */
export function secondsFromStart(value: string, startLocal: string): number {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const toMs = (text: string) => {
    const m = DATE_TIME.exec(text);
    if (!m || impossible(text, en) !== '') return NaN;
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  };
  return (toMs(trimmed) - toMs(startLocal)) / 1000;
}

export interface CallImportOptions {
  language?: Language;
  /** The scenario's districts: a district column's values are matched by id or by name. */
  districts?: ReadonlyArray<{ id: string; name?: string }>;
  /** Incidents the scenario lists already (the imported calls are added to them). */
  existing?: number;
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
  const done = () => ({ incidents, problems: problems.sort((a, b) => a.line - b.line) });
  if (rows.length === 0) {
    if (problems.length === 0) problems.push({ line: 1, message: t.empty() });
    return done();
  }
  const header = rows[0].cells.map((h) => h.trim());
  const column = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
  const columns = {
    time: column(mapping.time),
    kind: column(mapping.kind),
    lon: column(mapping.lon),
    lat: column(mapping.lat),
    district: column(mapping.district),
  };
  const before = problems.length;
  for (const key of ['time', 'kind'] as const) {
    if (columns[key] < 0)
      problems.push({
        line: rows[0].line,
        message: t.noColumn(shown(String(mapping[key])), shown(header.join(', '))),
      });
  }
  const hasLonLat = columns.lon >= 0 && columns.lat >= 0;
  if (!hasLonLat && columns.district < 0)
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

  for (const { line, cells: row } of rows.slice(1)) {
    const timeText = row[columns.time] ?? '';
    const time = secondsFromStart(timeText, startLocal);
    if (!Number.isFinite(time)) {
      const why = impossible(timeText.trim(), t);
      problems.push({
        line,
        message: why ? t.noSuchDate(shown(timeText), why) : t.badTime(shown(timeText)),
      });
      continue;
    }
    if (time < 0) {
      problems.push({ line, message: t.beforeStart() });
      continue;
    }
    const rawKind = (row[columns.kind] ?? '').trim();
    const values = mapping.kindValues;
    const kind = values && Object.hasOwn(values, rawKind) ? values[rawKind] : rawKind;
    if (!knownKinds.has(kind)) {
      problems.push({ line, message: t.unknownKind(shown(rawKind)) });
      continue;
    }
    const incident: ListedIncident = { time, kind };
    if (hasLonLat) {
      const lon = Number(row[columns.lon]);
      const lat = Number(row[columns.lat]);
      const blank = !row[columns.lon]?.trim() || !row[columns.lat]?.trim();
      if (blank || !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        problems.push({
          line,
          message: t.badPlace(shown(row[columns.lon] ?? ''), shown(row[columns.lat] ?? '')),
        });
        continue;
      }
      incident.location = [lon, lat];
    }
    if (columns.district >= 0) {
      // The place by district, or (beside a longitude and latitude) the district it is in.
      const value = (row[columns.district] ?? '').trim();
      const id = districtId.get(value);
      if (value ? id === undefined : !hasLonLat) {
        problems.push({ line, message: value ? t.unknownDistrict(shown(value)) : t.noDistrict() });
        continue;
      }
      if (id !== undefined) incident.district = id;
    }
    incidents.push(incident);
  }
  const existing = options.existing ?? 0;
  if (incidents.length > 0 && existing + incidents.length > LIMITS.listedIncidents) {
    problems.push({ line: rows[0].line, message: t.overLimit(existing, LIMITS.listedIncidents) });
    incidents.length = 0;
  }
  return done();
}
