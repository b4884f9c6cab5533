/**
 * The command line: `npm run sim -- <command> …`. The same runs as the app, from Node, for
 * batch work, sharded sweeps and CI.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { builtinScenarios, DEFAULT_SCENARIO_ID } from '../scenarios/builtin/index.ts';
import { decodeText } from '../scenarios/decode.ts';
import { defaultsInEffect } from '../scenarios/defaultsInEffect.ts';
import {
  callText,
  CSV_LIMITS,
  groupProblems,
  importRows,
  readCsv,
  type CallColumnMapping,
  type ParsedCsv,
} from '../scenarios/importCalls.ts';
import {
  CALL_ENCODINGS,
  decodeCalls,
  isZip,
  readCallFile,
  type CallEncoding,
  type CallFile,
} from '../scenarios/callFile.ts';
import { detectedMapping, encodingLine } from './callImportLines.ts';
import { scenarioJson, TABLE_FROM, toIncidentTable } from '../scenarios/incidentTable.ts';
import { TIME_FORMATS, type TimeFormat } from '../scenarios/callTimes.ts';
import type { PointOrder } from '../scenarios/callPlaces.ts';
import { readKindMap } from '../scenarios/callKinds.ts';
import { OBSERVED_OPTIONS, type ObservedColumns } from '../scenarios/callObserved.ts';
import { loadScenario, loadScenarioText, type ScenarioProblem } from '../scenarios/load.ts';
import type { Language } from '../scenarios/messages.ts';
import { Scenario } from '../scenarios/schema.ts';
import { makeReport, mergeReports, type Report } from '../sim/analysis/report.ts';
import { reportLabels } from '../sim/analysis/reportLabels.ts';
import { run } from '../sim/run.ts';
import { RecordKind, traceToNdjson, type Trace, type TraceHeader } from '../sim/trace.ts';
import { dispatchReasons } from '../sim/dispatch/why.ts';
import { bulletin } from '../sim/analysis/assessment.ts';
import { explainIncident } from '../sim/analysis/explain.ts';
import { commandCalibrate } from './calibrate.ts';
import { DRILL_USAGE, drillJsonSchema, drillMain } from './drill.ts';
import { formatReport } from './format.ts';
import { GEO_USAGE, importDistrictsMain, importRoadsMain, type GeoIo } from './geo.ts';
import { TRAINING_USAGE, trainingMain } from './training.ts';

const USAGE = `Drill planner simulator (应急联动演练规划)

Usage: npm run sim -- <command> [options]

Commands:
  list                         built-in scenarios
  schema [drill]               the scenario (or drill) file format as JSON Schema
  validate FILE                check a scenario file; lists every error (exit 1 on errors)
  export ID [--out FILE] [--force]
                               a built-in scenario as a scenario file to start from, every
                               default written out (stdout without --out; --force overwrites)
  run [options]                run replications and print the readiness report
      --scenario FILE|ID       scenario file or built-in id (default: ${DEFAULT_SCENARIO_ID})
      --seed N                 first seed (default 1)
      --replications R         number of replications, seeds N … N+R−1 (default 1)
      --seeds A..B             run the seeds A to B (a shard of a larger sweep)
      --until DURATION         simulated time, e.g. 36h, 7d, 90m, 3600s (default: the scenario's)
      --json                   print the report as JSON (mergeable)
      --out FILE               also write the JSON report to FILE
  trace [options]              the event trace of one run as NDJSON on stdout
      --scenario, --seed, --until as above
  merge REPORT.json…           combine shard reports into one report (--json for JSON)
  why --incident N [--scenario …] [--seed N]
                               why units were late for one incident: waits, mobilisation, travel
  bulletin [--scenario …] [--seed N]
                               the Fuyang-style assessment bulletin per unit and period
  import-calls FILE --scenario FILE|ID [--time COL] [--kind COL[,COL]]
               [--group-by COL] [--lon COL --lat COL | --point COL [--point-order lonlat|latlon] | --district COL]
               [--time-format auto|ymd|mdy|dmy|excel|unix|unix-ms|seconds] [--encoding auto|utf8|gbk]
               [--kind-map value=kind,…] [--kind-map-file MAP.csv|MAP.json] [--fit] [--out FILE]
               [--dispatched COL] [--en-route COL] [--on-scene COL] [--cleared COL] [--unit COL]
               [--agency COL] [--capability COL]
                               add call history from CSV (UTF-8 or GBK) or .xlsx to a scenario as
                               listed incidents; columns left out are detected and said; times:
                               dates (year first, month/day/year, day/month/year), Excel serial
                               days, Unix seconds or milliseconds, or seconds from the start;
                               two kind columns are joined as "A / B"; --fit (or --fit-run)
                               fits the run to the calls' span; the observed
                               times of each unit are kept for calibrate
  calibrate --scenario FILE [--replications R] [--json] [--out FITTED.json]
                               fit travel speeds and overhead, mobilisation, on-scene and call
                               handling to the observed times of the listed incidents; print
                               observed against simulated response before and after the fit
${GEO_USAGE}
${DRILL_USAGE}
${TRAINING_USAGE}

Options for every command:
  --lang zh|en                 language of messages (default: from LANG)
`;

class UsageError extends Error {}

/** Options that never take a value, so that `--force ID` leaves ID as a positional argument. */
const FLAGS = new Set(['json', 'force', 'fit', 'fit-run', 'no-contract', 'add']);

interface Args {
  positional: string[];
  options: Map<string, string | true>;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) options.set(name, inline);
      else if (!FLAGS.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith('--'))
        options.set(name, argv[++i]);
      else options.set(name, true);
    } else positional.push(arg);
  }
  return { positional, options };
}

function option(args: Args, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

function integerOption(args: Args, name: string, fallback: number): number {
  const value = option(args, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a whole number ≥ 0, got "${value}"`);
  return Number(value);
}

/** Parses 36h, 7d, 90m, 3600s or a plain number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new UsageError(`"${text}" is not a duration (e.g. 36h, 7d, 90m, 3600s)`);
  const factor = { s: 1, m: 60, h: 3600, d: 86_400 }[match[2] ?? 's']!;
  return Number(match[1]) * factor;
}

function languageOf(args: Args): Language {
  const value = option(args, 'lang') ?? process.env.LANG ?? '';
  return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function printProblems(problems: ScenarioProblem[], label: string): void {
  for (const problem of problems) {
    console.error(`${label} ${problem.path || '(file)'}: ${problem.message}`);
  }
}

/** A scenario from a file path or a built-in id; exits with every error listed if invalid. */
function scenarioFrom(args: Args, language: Language, quiet = false): Scenario {
  const reference = option(args, 'scenario') ?? DEFAULT_SCENARIO_ID;
  const builtin = builtinScenarios.find((s) => s.id === reference);
  let result = builtin
    ? loadScenario(builtin.input, language)
    : loadScenarioText(readText(reference, language), language);
  const until = option(args, 'until');
  if (result.ok && until !== undefined) {
    // Checked again: a shorter run must still be longer than the warm-up, and so on.
    result = loadScenario({ ...result.scenario, duration: parseDuration(until) }, language);
  }
  if (!result.ok) {
    printProblems(result.errors, language === 'zh' ? '错误' : 'error');
    throw new ExitError(1);
  }
  if (!quiet) printProblems(result.warnings, language === 'zh' ? '警告' : 'warning');
  return result.scenario;
}

class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const readFailure: Record<string, { en: string; zh: string }> = {
  ENOENT: { en: 'no such file', zh: '文件不存在' },
  EISDIR: { en: 'it is a folder, not a file', zh: '这是文件夹，不是文件' },
  EACCES: { en: 'permission denied', zh: '没有读取权限' },
  EPERM: { en: 'permission denied', zh: '没有读取权限' },
  EMFILE: { en: 'too many open files', zh: '打开的文件过多' },
};

/** A text file's content, decoded (UTF-8 with or without BOM, UTF-16, GBK); errors in `language`. */
function readText(path: string, language: Language, tooLarge?: (bytes: number) => string): string {
  const decoded = decodeText(readBytes(path, language, tooLarge), language);
  if (!decoded.ok) throw new UsageError(`${path}: ${decoded.message}`);
  return decoded.text;
}

/** A file's bytes; errors in `language`. */
function readBytes(
  path: string,
  language: Language,
  tooLarge?: (bytes: number) => string,
): Uint8Array {
  let bytes: Uint8Array;
  try {
    const size = tooLarge ? statSync(path).size : 0;
    if (tooLarge && size > CSV_LIMITS.bytes) throw new UsageError(`${path}: ${tooLarge(size)}`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = readFailure[code]?.[language] ?? (error as Error).message;
    throw new UsageError(
      language === 'zh' ? `无法读取“${path}”：${reason}` : `cannot read "${path}": ${reason}`,
    );
  }
  return bytes;
}

function seedsFrom(args: Args): number[] {
  const range = option(args, 'seeds');
  if (range !== undefined) {
    const match = /^(\d+)\.\.(\d+)$/.exec(range);
    if (!match || Number(match[2]) < Number(match[1])) {
      throw new UsageError(`--seeds must be A..B with A ≤ B, got "${range}"`);
    }
    const [from, to] = [Number(match[1]), Number(match[2])];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const first = integerOption(args, 'seed', 1);
  const count = integerOption(args, 'replications', 1);
  if (count < 1) throw new UsageError('--replications must be ≥ 1');
  return Array.from({ length: count }, (_, i) => first + i);
}

function commandRun(args: Args, language: Language): void {
  const scenario = scenarioFrom(args, language);
  const seeds = seedsFrom(args);
  let header: TraceHeader | undefined;
  const replications = seeds.map((seed, i) => {
    if (!args.options.has('json'))
      process.stderr.write(`\rreplication ${i + 1}/${seeds.length} (seed ${seed})…`);
    const { trace, summary } = run(scenario, seed);
    header ??= trace.header;
    return summary;
  });
  if (!args.options.has('json')) process.stderr.write('\n');
  if (!header) throw new UsageError('no seeds to run');
  const report = makeReport(scenario.id, replications, reportLabels(scenario, header));
  const out = option(args, 'out');
  if (out) writeFileSync(out, JSON.stringify(report, null, 1));
  emitReport(report, args, language);
}

function emitReport(report: Report, args: Args, language: Language): void {
  if (args.options.has('json')) console.log(JSON.stringify(report, null, 1));
  else console.log(formatReport(report, language));
}

function commandTrace(args: Args, language: Language): void {
  const scenario = scenarioFrom(args, language);
  const { trace } = run(scenario, integerOption(args, 'seed', 1));
  const lines: string[] = [];
  for (const line of traceToNdjson(trace)) {
    lines.push(line);
    if (lines.length === 10_000) {
      process.stdout.write(lines.join('\n') + '\n');
      lines.length = 0;
    }
  }
  process.stdout.write(lines.join('\n') + (lines.length ? '\n' : ''));
}

function commandValidate(args: Args, language: Language): void {
  const file = args.positional[1];
  if (!file) throw new UsageError('validate needs a FILE');
  const text = readText(file, language);
  const result = loadScenarioText(text, language);
  printProblems(result.warnings, language === 'zh' ? '警告' : 'warning');
  if (!result.ok) {
    printProblems(result.errors, language === 'zh' ? '错误' : 'error');
    console.error(
      language === 'zh' ? `${result.errors.length} 个错误` : `${result.errors.length} error(s)`,
    );
    throw new ExitError(1);
  }
  console.log(language === 'zh' ? `${file}：有效` : `${file}: valid`);
  // The file parsed (it loaded): what it leaves out, as written.
  printDefaults(JSON.parse(text.replace(/^\uFEFF/, '')), language);
}

/** The settings the file leaves to their defaults: a study changed by one is not silent. */
function printDefaults(input: unknown, language: Language): void {
  const defaults = defaultsInEffect(input);
  if (defaults.length === 0) return;
  console.log(
    language === 'zh'
      ? '以下设置文件中未写出，按默认值计：'
      : 'Left out of the file, so their defaults apply:',
  );
  for (const entry of defaults) {
    const count = entry.count
      ? language === 'zh'
        ? `（${entry.count[1]} 项中 ${entry.count[0]} 项）`
        : ` (${entry.count[0]} of ${entry.count[1]})`
      : '';
    console.log(`  ${entry.path}: ${entry.value[language]}${count}`);
  }
}

/** The built-in scenarios as `list` prints them: id and title, one a line. */
function builtinLines(language: Language): string[] {
  return builtinScenarios.map((s) => `${s.id.padEnd(20)} ${s.title[language]}`);
}

/**
 * A built-in scenario as a scenario file: the checked scenario, every default filled in, so that
 * whoever edits it sees every field. Loading the file gives the built-in back, deep-equal.
 */
function commandExport(args: Args, language: Language): void {
  const zh = language === 'zh';
  const id = args.positional[1];
  if (!id) throw new UsageError('export needs the ID of a built-in scenario (see list)');
  const builtin = builtinScenarios.find((s) => s.id === id);
  if (!builtin) {
    console.error(
      zh
        ? `没有内置场景“${id}”。内置场景有：`
        : `There is no built-in scenario "${id}". The built-in scenarios are:`,
    );
    for (const line of builtinLines(language)) console.error(`  ${line}`);
    throw new ExitError(1);
  }
  const result = loadScenario(builtin.input, language);
  if (!result.ok) {
    printProblems(result.errors, zh ? '错误' : 'error');
    throw new ExitError(1);
  }
  printProblems(result.warnings, zh ? '警告' : 'warning');
  const text = JSON.stringify(result.scenario, null, 2) + '\n';
  const out = option(args, 'out');
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text, { flag: args.options.has('force') ? 'w' : 'wx' });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    console.error(
      code === 'EEXIST'
        ? zh
          ? `“${out}”已存在，未覆盖；如需覆盖请加 --force`
          : `"${out}" already exists and was left as it is; add --force to overwrite it`
        : zh
          ? `无法写入“${out}”：${message}`
          : `cannot write "${out}": ${message}`,
    );
    throw new ExitError(1);
  }
  console.log(zh ? `已将 ${id} 写入 ${out}` : `wrote ${id} to ${out}`);
}

function commandMerge(args: Args, language: Language): void {
  const files = args.positional.slice(1);
  if (files.length === 0) throw new UsageError('merge needs one or more report files');
  const reports = files.map((file) => {
    try {
      return JSON.parse(readText(file, language)) as Report;
    } catch (error) {
      throw new UsageError(`"${file}" is not a JSON report: ${(error as Error).message}`);
    }
  });
  emitReport(mergeReports(reports), args, language);
}

/** The observed-time columns given (--dispatched, --en-route, …), or none. */
function observedColumnsOption(args: Args): ObservedColumns | undefined {
  const columns: ObservedColumns = {};
  for (const [key, name] of Object.entries(OBSERVED_OPTIONS))
    columns[key as keyof ObservedColumns] = option(args, name);
  return Object.values(columns).some((c) => c !== undefined) ? columns : undefined;
}

function commandImportCalls(args: Args, language: Language): number | Promise<number> {
  const csvFile = args.positional[1];
  if (!csvFile) throw new UsageError('import-calls needs a CSV or .xlsx file');
  // The base scenario's warnings ("no calls") are not this import's: the result's are printed.
  const scenario = scenarioFrom(args, language, true);
  const timeFormat = option(args, 'time-format') ?? 'auto';
  if (!(TIME_FORMATS as readonly string[]).includes(timeFormat))
    throw new UsageError(`--time-format is one of ${TIME_FORMATS.join(', ')}`);
  const encoding = option(args, 'encoding') ?? 'auto';
  if (!(CALL_ENCODINGS as readonly string[]).includes(encoding))
    throw new UsageError(`--encoding is one of ${CALL_ENCODINGS.join(', ')}`);
  const t = callText[language];
  const bytes = readBytes(csvFile, language, (size) => t.tooLarge(size, CSV_LIMITS.bytes));
  const then = (file: CallFile) => {
    if (!file.ok) {
      console.error(`${csvFile}: ${file.message}`);
      throw new ExitError(1);
    }
    importCallFile(args, language, scenario, csvFile, file.parsed, file.encoding);
    return 0;
  };
  if (isZip(bytes)) return readCallFile(bytes, { language }).then(then);
  const decoded = decodeCalls(bytes, encoding as CallEncoding, language);
  if (!decoded.ok) throw new UsageError(`${csvFile}: ${decoded.message}`);
  const parsed = readCsv(decoded.text, language);
  return then({ ok: true, parsed, format: 'csv', encoding: decoded.encoding });
}

function importCallFile(
  args: Args,
  language: Language,
  scenario: Scenario,
  csvFile: string,
  parsed: ParsedCsv,
  encoding: string,
): void {
  const t = callText[language];
  const given = (name: string) => option(args, name);
  const detected = detectedMapping(parsed.rows, scenario, given, language);
  for (const line of detected.lines) console.error(line);
  const mapping: CallColumnMapping = {
    ...detected.mapping,
    timeFormat: (option(args, 'time-format') ?? 'auto') as TimeFormat,
    groupBy: option(args, 'group-by'),
    pointOrder: pointOrderOption(args),
    kindValues: kindValuesOption(args, scenario, language),
    observed: observedColumnsOption(args),
  };
  if (!mapping.time || !mapping.kind)
    throw new UsageError('import-calls needs --time COL and --kind COL (no column looks like one)');
  const kinds = new Set(scenario.incidentKinds.map((k) => k.id));
  console.error(encodingLine(encoding, language));
  const { incidents, problems, times, unmappedKinds, groupedRows, fitted } = importRows(
    parsed,
    mapping,
    scenario.start,
    kinds,
    {
      language,
      districts: scenario.districts,
      timeZone: scenario.timeZone,
      existing: scenario.arrivals.incidents.length,
      fit: args.options.has('fit') || args.options.has('fit-run'),
      warmup: scenario.warmup,
      existingTimes: scenario.arrivals.incidents.map((i) => i.time),
    },
  );
  const zh = language === 'zh';
  // Identical problems once each, with their count and first lines: one pass shows every kind.
  for (const group of groupProblems(problems)) {
    const more = group.count - group.lines.length;
    const lines = group.lines.join(',') + (more > 0 ? '…' : '');
    const count =
      group.count === 1 ? '' : zh ? `（共 ${group.count} 行）` : ` (${group.count} rows)`;
    console.error(`${csvFile}:${lines}: ${group.message}${count}`);
  }
  if (times.detected) console.error(timeOrderLine(times, zh));
  if (unmappedKinds.length > 0) {
    const locale = zh ? 'zh-CN' : 'en';
    const list = unmappedKinds
      .map(({ value, count }) =>
        zh
          ? `“${value}”（${count.toLocaleString(locale)} 行）`
          : `"${value}" (${count.toLocaleString(locale)})`,
      )
      .join(zh ? '，' : ', ');
    console.error(t.unmapped(list));
  }
  const skipped = new Set(problems.map((p) => p.line)).size;
  const grouped =
    mapping.groupBy === undefined
      ? ''
      : zh
        ? `（${groupedRows} 行按“${mapping.groupBy}”并入同一事件）`
        : ` (${groupedRows} row(s) grouped into them by ${mapping.groupBy})`;
  const summary = zh
    ? `已导入 ${incidents.length} 起来电${grouped}，${skipped} 行跳过`
    : `${incidents.length} call(s) imported${grouped}, ${skipped} row(s) skipped`;
  if (incidents.length === 0) {
    console.error(summary);
    console.error(zh ? '未导入任何来电，未写出情景' : 'no call imported; no scenario written');
    throw new ExitError(1);
  }
  const listed = fitted
    ? scenario.arrivals.incidents.map((i) => ({ ...i, time: i.time + fitted.shift }))
    : scenario.arrivals.incidents;
  const all = [...listed, ...incidents];
  // A large history in columns: a third of the size, the same incidents when loaded.
  const { incidentTable: _, ...arrivals } = scenario.arrivals;
  const updated = {
    ...scenario,
    ...(fitted ? { start: fitted.start, duration: fitted.duration } : {}),
    arrivals:
      all.length >= TABLE_FROM
        ? { ...arrivals, incidents: [], incidentTable: toIncidentTable(all) }
        : { ...arrivals, incidents: all },
  };
  if (fitted) {
    const hours = (fitted.duration / 3600).toLocaleString(zh ? 'zh-CN' : 'en');
    console.error(
      zh
        ? `模拟已按数据调整：开始 ${fitted.start.replace('T', ' ')}，时长 ${hours} 小时`
        : `run fitted to the data: start ${fitted.start.replace('T', ' ')}, ${hours} h`,
    );
  }
  // What is written is what the loader accepts: checked as the next command will read it.
  const checked = loadScenario(updated, language);
  if (!checked.ok) {
    printProblems(checked.errors, zh ? '错误' : 'error');
    console.error(
      zh ? '导入后的情景无效，未写出' : 'the scenario with these calls is not valid; not written',
    );
    throw new ExitError(1);
  }
  printProblems(checked.warnings, zh ? '警告' : 'warning');
  const text = scenarioJson(updated);
  const out = option(args, 'out');
  if (out) writeFileSync(out, text);
  else console.log(text);
  if ('incidentTable' in updated.arrivals) {
    const count = all.length.toLocaleString(zh ? 'zh-CN' : 'en');
    console.error(
      zh
        ? `${count} 起列明事件按列写入 arrivals.incidentTable（紧凑形式）`
        : `${count} listed incidents written in columns, as arrivals.incidentTable (the compact form)`,
    );
  }
  console.error(summary);
}

/** Kind values from --kind-map-file (CSV or JSON) and --kind-map value=kind,… (which wins). */
function kindValuesOption(
  args: Args,
  scenario: Scenario,
  language: Language,
): Record<string, string> {
  const values: Record<string, string> = {};
  const file = option(args, 'kind-map-file');
  if (file) {
    const kinds = new Set(scenario.incidentKinds.map((k) => k.id));
    const map = readKindMap(readText(file, language), kinds, language);
    for (const problem of map.problems)
      console.error(`${file}:${problem.line}: ${problem.message}`);
    if (map.problems.length > 0) throw new ExitError(1);
    Object.assign(values, map.values);
  }
  for (const pair of (option(args, 'kind-map') ?? '').split(',').filter(Boolean)) {
    const [value, kind = ''] = pair.split('=', 2);
    values[value] = kind;
  }
  return values;
}

function pointOrderOption(args: Args): PointOrder | undefined {
  const order = option(args, 'point-order');
  if (order === undefined || order === 'lonlat' || order === 'latlon') return order;
  throw new UsageError('--point-order is lonlat or latlon');
}

/** How year-last dates were read, when detected (so that a wrong guess is seen and overridden). */
function timeOrderLine(times: { order: string; clock: string }, zh: boolean): string {
  if (times.clock !== 'date') {
    const name = callText[zh ? 'zh' : 'en'].clockName[times.clock];
    return zh
      ? `时间按“${name}”读取（自动判断，--time-format ${times.clock}）`
      : `times read as ${name} (detected, --time-format ${times.clock})`;
  }
  const order = times.order;
  const names: Record<string, [string, string]> = {
    mdy: ['month/day/year', '月/日/年'],
    dmy: ['day/month/year', '日/月/年'],
    undecided: [
      'undecided (give --time-format mdy or dmy)',
      '无法判断（请用 --time-format mdy 或 dmy 指定）',
    ],
  };
  const [en, cn] = names[order] ?? [order, order];
  return zh ? `日期按“${cn}”读取（自动判断）` : `dates read as ${en} (detected)`;
}

function minutes(seconds: number): string {
  return Number.isNaN(seconds) ? '—' : (seconds / 60).toFixed(1);
}

function commandWhy(args: Args, language: Language): void {
  const scenario = scenarioFrom(args, language);
  const incident = integerOption(args, 'incident', -1);
  if (incident < 0) throw new UsageError('why needs --incident N');
  // Kept to be explained: each dispatch's decision, with the candidates the policy weighed.
  const { trace } = run(scenario, integerOption(args, 'seed', 1), [], { explain: true });
  let explanation;
  try {
    explanation = explainIncident(trace, incident);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const zh = language === 'zh';
  console.log(
    zh
      ? `警情 ${incident}（${explanation.kind}，${explanation.district}），接警时间 ${minutes(explanation.calledAt)} 分钟`
      : `Incident ${incident} (${explanation.kind}, ${explanation.district}), called at ${minutes(explanation.calledAt)} min`,
  );
  for (const u of explanation.units) {
    const waits =
      u.waits.map((w) => `${w.cause} ${minutes(w.seconds)}`).join(' + ') || (zh ? '无' : 'none');
    const total = Number.isNaN(u.arrivedAt) ? NaN : u.arrivedAt - u.dispatchedAt;
    console.log(
      zh
        ? `  ${u.unit}：${minutes(u.dispatchedAt)} 分钟调派（${u.cause}）；等待 ${waits}；出动准备 ${minutes(u.mobilisation)}；行驶 ${minutes(u.travel)}；调派至到场共 ${minutes(total)} 分钟`
        : `  ${u.unit}: sent at ${minutes(u.dispatchedAt)} min (${u.cause}); waits ${waits}; mobilisation ${minutes(u.mobilisation)}; travel ${minutes(u.travel)}; order to arrival ${minutes(total)} min`,
    );
    const considered = consideredUnits(trace, incident, u.unit, u.dispatchedAt);
    if (considered) console.log(`    ${zh ? '当时可调派' : 'could have gone'}: ${considered}`);
  }
  for (const e of explanation.events) {
    const value = Number.isInteger(e.value) ? e.value : e.value.toFixed(1);
    console.log(`  ${minutes(e.t)} min  ${e.ev} (${e.cause}) ${value}`);
  }
}

/**
 * The units the dispatch decision weighed, best first: travel (+ expected approval wait) in
 * minutes, the one sent marked ✓; null when the decision was not kept.
 */
function consideredUnits(trace: Trace, incident: number, unit: string, at: number): string | null {
  const unitIndex = trace.header.units.indexOf(unit);
  for (let i = 0; i < trace.length; i++) {
    if (trace.kind[i] !== RecordKind.dispatched || trace.incident[i] !== incident) continue;
    if (trace.unit[i] !== unitIndex || trace.time[i] !== at) continue;
    const reasons = dispatchReasons(trace, i);
    if (!reasons) return null;
    const listed = reasons.candidates.map((c) => {
      const delay = c.orderDelaySeconds > 0 ? ` + ${minutes(c.orderDelaySeconds)}` : '';
      const mark = c.chosen ? ' ✓' : '';
      return `${trace.header.units[c.unit]} ${minutes(c.travelSeconds)}${delay}${mark}`;
    });
    const more = reasons.total - reasons.candidates.length;
    return listed.join(', ') + (more > 0 ? ` (+${more})` : '');
  }
  return null;
}

function commandBulletin(args: Args, language: Language): void {
  const scenario = scenarioFrom(args, language);
  const { trace } = run(scenario, integerOption(args, 'seed', 1));
  const rows = bulletin(trace, scenario.targets, scenario.rules.assessment, scenario.warmup);
  const head =
    language === 'zh'
      ? [
          '期',
          '力量',
          '单位',
          '出动',
          '到场',
          '超时',
          '反馈',
          '迟报',
          '漏报',
          '不满意',
          '按时率',
          '扣分',
        ]
      : [
          'period',
          'unit',
          'agency',
          'sent',
          'arrived',
          'late',
          'reports',
          'late rep.',
          'missing',
          'unsatisfied',
          'on time',
          'deducted',
        ];
  console.log(head.join('\t'));
  for (const r of rows) {
    console.log(
      [
        r.period + 1,
        r.unit,
        r.agency,
        r.dispatches,
        r.arrivals,
        r.lateArrivals,
        r.reports,
        r.lateReports,
        r.missingReports,
        r.unsatisfiedCallBacks,
        Number.isNaN(r.onTimeShare) ? '—' : r.onTimeShare.toFixed(2),
        r.deductions,
      ].join('\t'),
    );
  }
}

/** What `sim drill` needs of the command line: options, files and the ways out. */
function drillIo(args: Args, language: Language) {
  return {
    option: (name: string) => option(args, name),
    has: (name: string) => args.options.has(name),
    integer: (name: string, fallback: number) => integerOption(args, name, fallback),
    readText: (path: string) => readText(path, language),
    usage: (message: string): never => {
      throw new UsageError(message);
    },
    exit: (code: number): never => {
      throw new ExitError(code);
    },
  };
}

/** What `sim import-roads` and `sim import-districts` need of the command line. */
function geoIo(args: Args, language: Language): GeoIo {
  return {
    positional: args.positional.slice(1),
    option: (name) => option(args, name),
    has: (name) => args.options.has(name),
    readBytes: (path) => readBytes(path, language),
    readText: (path) => readText(path, language),
    // The base scenario's own warnings are not this import's: the result's are printed.
    scenario: () => scenarioFrom(args, language, true),
    write: (path, text) => {
      if (path) writeFileSync(path, text);
      else console.log(text);
    },
    printProblems,
    usage: (message) => {
      throw new UsageError(message);
    },
    exit: (code) => {
      throw new ExitError(code);
    },
  };
}

/**
 * Runs one command; its exit code. `import-calls` of an .xlsx workbook answers later (the
 * workbook is read asynchronously); every other command at once.
 */
export function main(argv: string[]): number | Promise<number> {
  const args = parseArgs(argv);
  try {
    const language = languageOf(args);
    const command = args.positional[0];
    switch (command) {
      case 'list':
        for (const line of builtinLines(language)) console.log(line);
        return 0;
      case 'schema': {
        const schema =
          args.positional[1] === 'drill'
            ? drillJsonSchema()
            : z.toJSONSchema(Scenario, { io: 'input' });
        console.log(JSON.stringify(schema, null, 2));
        return 0;
      }
      case 'drill':
        drillMain(args.positional.slice(1), drillIo(args, language), language);
        return 0;
      case 'validate':
        commandValidate(args, language);
        return 0;
      case 'export':
        commandExport(args, language);
        return 0;
      case 'run':
        commandRun(args, language);
        return 0;
      case 'trace':
        commandTrace(args, language);
        return 0;
      case 'merge':
        commandMerge(args, language);
        return 0;
      case 'why':
        commandWhy(args, language);
        return 0;
      case 'bulletin':
        commandBulletin(args, language);
        return 0;
      case 'import-calls': {
        const done = commandImportCalls(args, language);
        return typeof done === 'number' ? done : done.catch(failed);
      }
      case 'calibrate':
        return commandCalibrate(
          scenarioFrom(args, language, true),
          {
            replications: Math.max(1, integerOption(args, 'replications', 10)),
            json: args.options.has('json'),
            out: option(args, 'out'),
          },
          language,
        );
      case 'import-roads':
        importRoadsMain(geoIo(args, language), language);
        return 0;
      case 'import-districts':
        importDistrictsMain(geoIo(args, language), language);
        return 0;
      case 'training':
        return trainingMain(argv.slice(argv.indexOf('training') + 1), language);
      case undefined:
      case 'help':
        console.log(USAGE);
        return command ? 0 : 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    return failed(error);
  }
}

/** The exit code of a command that threw, its message printed. */
function failed(error: unknown): number {
  if (error instanceof ExitError) return error.code;
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  console.error(error instanceof Error ? error.message : String(error));
  return 1;
}
