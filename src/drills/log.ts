/**
 * The drill's record (演练记录表) read from a CSV sheet, as Excel or WPS export it: UTF-8 with
 * or without BOM, comma, semicolon or tab separated, quoted fields with doubled quotes. Columns
 * are found by their header (Chinese or English); the pre-printed ones (planned and predicted
 * times, deviation) are ignored. A step or action is named by its id (编号) or by the number the
 * printed sheet shows in its 环节 column ("1" or "1. title" for step 1, "1.2" for its second
 * expected action). A pre-printed row the recorders left without a time — a step not released,
 * an action not seen, with no note — is no record and is skipped. Every bad row is reported
 * with its line.
 */
import type { Language } from '../scenarios/messages.ts';
import { drillText } from './messages.ts';
import type { Drill } from './schema.ts';
import type { DrillProblem, LogEntry, LogParseResult } from './types.ts';

const MAX_ROWS = 20_000;

const COLUMNS = {
  time: ['时间', '时刻', '实际时刻', 'time', 't'],
  type: ['类型', '记录类型', 'type'],
  id: ['编号', '环节/行动编号', 'id'],
  number: ['环节', '序号', 'step', 'no.'],
  note: ['实际响应/动作', '说明', '备注', '意外情况及处置', 'note', 'notes'],
  recorder: ['记录人', 'recorder'],
} as const;

const TYPES: Record<string, LogEntry['type']> = {
  release: 'release',
  下达: 'release',
  环节下达: 'release',
  注入: 'release',
  action: 'action',
  行动: 'action',
  期望行动: 'action',
  pause: 'pause',
  暂停: 'pause',
  中断: 'pause',
  resume: 'resume',
  恢复: 'resume',
  继续: 'resume',
  note: 'note',
  备注: 'note',
};

/** Splits CSV text into rows of fields, with the line each row starts on. */
function csvRows(
  text: string,
  separator: string,
): { rows: Array<{ line: number; fields: string[] }>; unclosed: number | null } {
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += c;
  }
  if (quoted) return { rows, unclosed: rowLine };
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return { rows, unclosed: null };
}

/** T+mm:ss, T+h:mm:ss, hh:mm:ss, mm:ss or plain seconds → seconds; NaN if none. */
export function parseClock(value: string): number {
  const text = value.trim().replace(/^T\s*\+\s*/i, '');
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const match = /^(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/.exec(text);
  if (!match) return NaN;
  const [, a, b, c] = match;
  return c === undefined
    ? Number(a) * 60 + Number(b)
    : Number(a) * 3600 + Number(b) * 60 + Number(c);
}

export function parseDrillLogCsv(text: string, drill: Drill, lang: Language): LogParseResult {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = [',', ';', '\t'].sort(
    (a, b) => firstLine.split(b).length - firstLine.split(a).length,
  )[0];
  const { rows, unclosed } = csvRows(text, separator);
  const t = drillText;
  if (unclosed !== null)
    return {
      ok: false,
      errors: [
        { path: `line ${unclosed}`, message: t.logLine[lang](unclosed, t.logQuote[lang]()) },
      ],
    };
  const nonEmpty = rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonEmpty.length < 2)
    return { ok: false, errors: [{ path: '', message: t.logEmpty[lang]() }] };
  if (nonEmpty.length > MAX_ROWS + 1)
    return { ok: false, errors: [{ path: '', message: t.logTooLarge[lang](MAX_ROWS) }] };

  const header = nonEmpty[0].fields.map((h) => h.trim().toLowerCase());
  const column = (names: readonly string[]) =>
    header.findIndex((h) => names.some((n) => h === n.toLowerCase()));
  const at = {
    time: column(COLUMNS.time),
    type: column(COLUMNS.type),
    id: column(COLUMNS.id),
    number: column(COLUMNS.number),
    note: column(COLUMNS.note),
    recorder: column(COLUMNS.recorder),
  };
  const errors: DrillProblem[] = [];
  for (const key of ['time', 'type', 'id'] as const) {
    if (at[key] < 0 && !(key === 'id' && at.number >= 0))
      errors.push({
        path: 'line 1',
        message: t.logLine[lang](
          1,
          t.logColumn[lang](COLUMNS[key][lang === 'zh' ? 0 : COLUMNS[key].length - 1]),
        ),
      });
  }
  if (errors.length > 0) return { ok: false, errors };

  const steps = new Set(drill.steps.map((s) => s.id));
  const actions = new Set(drill.steps.flatMap((s) => s.expected.map((a) => a.id)));
  /** The id a cell names: an id as it is, or the printed number ("1", "1. title", "1.2"). */
  const resolve = (text: string, type: 'release' | 'action'): string => {
    if (type === 'release') {
      if (steps.has(text)) return text;
      const match = /^(\d+)(?:[.．、]?(?:\s|$))/.exec(text);
      return match ? (drill.steps[Number(match[1]) - 1]?.id ?? text) : text;
    }
    if (actions.has(text)) return text;
    const match = /^(\d+)[.．](\d+)(?:\s|$)/.exec(text);
    if (!match) return text;
    return drill.steps[Number(match[1]) - 1]?.expected[Number(match[2]) - 1]?.id ?? text;
  };
  const entries: LogEntry[] = [];
  for (const { line, fields } of nonEmpty.slice(1)) {
    const cell = (index: number) => (index >= 0 ? (fields[index] ?? '').trim() : '');
    const bad = (message: string) =>
      errors.push({ path: `line ${line}`, message: t.logLine[lang](line, message) });
    const typeText = cell(at.type);
    const type = TYPES[typeText] ?? TYPES[typeText.toLowerCase()];
    if (!type) {
      bad(t.logType[lang](typeText));
      continue;
    }
    const timeText = cell(at.time);
    const note = cell(at.note);
    const recorder = cell(at.recorder) || undefined;
    // A pre-printed release or action row left unfilled: nothing happened there on the day.
    if (timeText === '' && (type === 'release' || (type === 'action' && !note && !recorder)))
      continue;
    const time = timeText === '' && type === 'action' ? null : parseClock(timeText);
    if (time !== null && !Number.isFinite(time)) {
      bad(t.logTime[lang](timeText));
      continue;
    }
    const named = cell(at.id) || cell(at.number);
    const id = type === 'release' || type === 'action' ? resolve(named, type) : named;
    const extra = { ...(note ? { note } : {}), ...(recorder ? { recorder } : {}) };
    if (type === 'release') {
      if (!steps.has(id)) bad(t.logUnknownId[lang](id));
      else entries.push({ type, step: id, t: time ?? 0, ...extra });
    } else if (type === 'action') {
      if (!actions.has(id)) bad(t.logUnknownId[lang](id));
      else entries.push({ type, action: id, t: time, ...extra });
    } else if (type === 'note')
      entries.push({ type, t: time ?? 0, note, ...(recorder ? { recorder } : {}) });
    else entries.push({ type, t: time ?? 0, ...extra });
  }
  if (errors.length > 0) return { ok: false, errors };
  const recorders = [...new Set(entries.map((e) => e.recorder).filter((r) => r !== undefined))];
  return {
    ok: true,
    log: {
      drill: drill.id,
      ...(recorders.length > 0 ? { recorder: recorders.join('、') } : {}),
      entries,
    },
    warnings: [],
  };
}
