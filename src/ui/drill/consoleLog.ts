/**
 * The console's record as the drill's log (演练记录, `DrillLog`) and back (pure). The console
 * keeps drill time (the clock stops while paused); the log keeps time from T0 with the pauses in
 * it and says where they were, as a recorder's sheet does (the evaluation takes them out again).
 * Also the record as the 记录表 CSV, which the log reader takes back.
 */
import type { Drill, DrillLog, LogEntry } from '../../drills/api.ts';
import { drillClock, type ConsoleState, type ImportedLog } from './consoleModel.ts';

type Pause = { at: number; seconds: number };

/** Time from T0 with the pauses before drill time `at` added. */
export function wallTime(pauses: readonly Pause[], at: number): number {
  return pauses.reduce((sum, pause) => (pause.at < at ? sum + pause.seconds : sum), at);
}

/** Drill time of a time from T0, the pauses before it taken out (a time inside a pause: its start). */
export function drillTime(pauses: readonly Pause[], wall: number): number {
  let shift = 0;
  for (const pause of pauses) {
    const start = pause.at + shift;
    if (wall <= start) break;
    if (wall < start + pause.seconds) return pause.at;
    shift += pause.seconds;
  }
  return wall - shift;
}

export function toDrillLog(
  state: ConsoleState,
  drillId: string,
  tabletopNotes: Array<{ at: number; text: string }> = [],
): DrillLog {
  const pauses = state.pauses.slice();
  if (state.status === 'paused' && state.pausedAt !== null && state.startedAt !== null) {
    // A pause still going on counts up to now only when it ends; until then its start is kept.
    pauses.push({ at: (state.pausedAt - state.startedAt - state.pausedMs) / 1000, seconds: 0 });
  }
  const wall = (at: number) => round(wallTime(pauses, at));
  const entries: LogEntry[] = [];
  for (const release of state.releases)
    entries.push({ type: 'release', step: release.stepId, t: wall(release.at) });
  for (const record of state.records) {
    entries.push({
      type: 'action',
      action: record.actionId,
      t: wall(record.at),
      ...(record.note ? { note: record.note } : {}),
      ...(record.recorder ? { recorder: record.recorder } : {}),
    });
  }
  let shift = 0;
  for (const pause of state.pauses) {
    const start = pause.at + shift;
    entries.push(
      { type: 'pause', t: round(start) },
      { type: 'resume', t: round(start + pause.seconds) },
    );
    shift += pause.seconds;
  }
  for (const occurrence of state.occurrences)
    if (occurrence.text.trim())
      entries.push({ type: 'note', t: wall(occurrence.at), note: occurrence.text });
  for (const note of tabletopNotes)
    entries.push({ type: 'note', t: wall(note.at), note: note.text });
  entries.sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
  return {
    drill: drillId,
    ...(state.startedAt !== null ? { started: localDateTime(state.startedAt) } : {}),
    ...(state.recorder ? { recorder: state.recorder } : {}),
    entries,
  };
}

/** A log read from a sheet as the console's record: drill times, pauses kept. */
export function fromDrillLog(log: DrillLog): ImportedLog {
  const pauses: Pause[] = [];
  let pausedAt: number | null = null;
  let shift = 0;
  for (const entry of log.entries) {
    if (entry.type === 'pause' && pausedAt === null) pausedAt = entry.t;
    else if (entry.type === 'resume' && pausedAt !== null) {
      const seconds = Math.max(0, entry.t - pausedAt);
      pauses.push({ at: pausedAt - shift, seconds });
      shift += seconds;
      pausedAt = null;
    }
  }
  const at = (t: number) => drillTime(pauses, t);
  const imported: ImportedLog = { releases: [], records: [], occurrences: [], pauses };
  for (const entry of log.entries) {
    if (entry.type === 'release')
      imported.releases.push({ stepId: entry.step, at: at(entry.t), manual: true });
    else if (entry.type === 'action' && entry.t !== null)
      imported.records.push({
        actionId: entry.action,
        at: at(entry.t),
        note: entry.note ?? '',
        recorder: entry.recorder ?? '',
      });
    else if (entry.type === 'note')
      imported.occurrences.push({ at: at(entry.t), text: entry.note });
  }
  return imported;
}

const CSV_HEADER = {
  zh: ['时间', '类型', '编号', '说明', '记录人'],
  en: ['time', 'type', 'id', 'note', 'recorder'],
};
/** With the drill at hand, steps and actions go by their printed numbers, not their ids. */
const NUMBER_HEADER = { zh: '环节', en: 'step' };
const TYPE_WORDS = {
  zh: { release: '下达', action: '行动', pause: '暂停', resume: '恢复', note: '备注' },
  en: { release: 'release', action: 'action', pause: 'pause', resume: 'resume', note: 'note' },
};

/** Printed numbers of a drill's steps ("1") and expected actions ("1.2"), by id. */
function printedNumbers(drill: Drill): Map<string, string> {
  const numbers = new Map<string, string>();
  drill.steps.forEach((step, i) => {
    numbers.set(step.id, `${i + 1}`);
    step.expected.forEach((action, a) => numbers.set(action.id, `${i + 1}.${a + 1}`));
  });
  return numbers;
}

/**
 * The log as the 记录表 CSV (UTF-8 with BOM, for Excel and WPS), as the log reader reads it.
 * Given the drill, the third column holds the printed numbers (环节) instead of the ids.
 */
export function drillLogCsv(log: DrillLog, language: 'zh' | 'en', drill?: Drill): string {
  const quote = (field: string) =>
    /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  const numbers = drill ? printedNumbers(drill) : null;
  const header = CSV_HEADER[language].slice();
  if (numbers) header[2] = NUMBER_HEADER[language];
  const lines = [header.join(',')];
  for (const entry of log.entries) {
    const id = entry.type === 'release' ? entry.step : entry.type === 'action' ? entry.action : '';
    const named = numbers && id ? (numbers.get(id) ?? id) : id;
    const time = entry.t === null ? '' : drillClock(entry.t);
    lines.push(
      [time, TYPE_WORDS[language][entry.type], named, entry.note ?? '', entry.recorder ?? '']
        .map(quote)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

function localDateTime(ms: number): string {
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}
