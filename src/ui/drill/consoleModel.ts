/**
 * The controller console's state on drill day (导调控制台), as plain data: the drill clock, the
 * injects released, the times recorded for expected actions, unexpected events and the
 * tabletop's typed decisions. Pure: the console (ConsoleView.tsx) holds one of these, writes it
 * to IndexedDB on every change, and a reloaded tab carries on from it.
 *
 * The clock keeps true time across a reload: it is anchored to the wall clock when the drill
 * starts, and the pauses are subtracted, so a tab that was closed for a minute while the drill
 * ran shows the minute gone.
 */

export type ConsoleStatus = 'ready' | 'running' | 'paused' | 'ended';

/** An inject put out to the participants, by schedule or by the controller's hand. */
export interface Release {
  stepId: string;
  /** Drill time (s from the start) when it went out. */
  at: number;
  manual: boolean;
}

/** A recorder's time stamp of an expected action (演练记录). */
export interface ActionRecord {
  id: string;
  actionId: string;
  /** Drill time (s) when the action happened. */
  at: number;
  note: string;
  recorder: string;
}

/** Something that was not in the script (意外情况及处置). */
export interface Occurrence {
  id: string;
  at: number;
  text: string;
}

/** A tabletop step's four stages: 注入信息 → 提出问题 → 分析决策 → 表达结果. */
export const TABLETOP_STAGES = ['inject', 'question', 'decision', 'result'] as const;
export type TabletopStage = (typeof TABLETOP_STAGES)[number];

export interface TabletopEntry {
  question: string;
  decision: string;
  result: string;
}

export interface ConsoleState {
  /** The drill this log belongs to (its id): a log is never shown against another drill. */
  drillId: string;
  status: ConsoleStatus;
  /** Wall clock (ms since 1970) when the drill started; null before. */
  startedAt: number | null;
  /** Paused time before the current pause (ms). */
  pausedMs: number;
  /** Wall clock when the current pause began. */
  pausedAt: number | null;
  /** Wall clock when the drill ended. */
  endedAt: number | null;
  releases: Release[];
  /** Pauses, each at a drill time and how long it lasted (s), in order. */
  pauses: Array<{ at: number; seconds: number }>;
  /** Contingency injects released (by the expected action they answer). */
  contingencies: Array<{ actionId: string; at: number }>;
  records: ActionRecord[];
  occurrences: Occurrence[];
  recorder: string;
  /** Tabletop: the step being played and its stage. */
  tabletopStep: number;
  tabletopStage: number;
  tabletop: Record<string, TabletopEntry>;
  /** Ids handed out so far (records and occurrences). */
  counter: number;
}

export function newConsole(drillId: string): ConsoleState {
  return {
    drillId,
    status: 'ready',
    startedAt: null,
    pausedMs: 0,
    pausedAt: null,
    endedAt: null,
    releases: [],
    pauses: [],
    contingencies: [],
    records: [],
    occurrences: [],
    recorder: '',
    tabletopStep: 0,
    tabletopStage: 0,
    tabletop: {},
    counter: 0,
  };
}

/** Drill time in seconds at wall-clock `now` (ms): stopped while paused and after the end. */
export function drillSeconds(state: ConsoleState, now: number): number {
  if (state.startedAt === null) return 0;
  const until = state.endedAt ?? state.pausedAt ?? now;
  return Math.max(0, (until - state.startedAt - state.pausedMs) / 1000);
}

export type ConsoleAction =
  | { type: 'start'; now: number }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'end'; now: number }
  | { type: 'release'; stepId: string; now: number; manual: boolean; at?: number }
  | { type: 'contingency'; actionId: string; now: number }
  | { type: 'record'; actionId: string; now: number; at?: number }
  | { type: 'editRecord'; id: string; at?: number; note?: string }
  | { type: 'removeRecord'; id: string }
  | { type: 'occurrence'; now: number; text: string }
  | { type: 'editOccurrence'; id: string; text: string }
  | { type: 'recorder'; name: string }
  | { type: 'tabletopStage'; step: number; stage: number }
  | { type: 'tabletopText'; stepId: string; field: keyof TabletopEntry; text: string }
  | { type: 'import'; imported: ImportedLog };

/** A recorded log read from a sheet, in drill time (pauses taken out): see consoleLog.ts. */
export interface ImportedLog {
  releases: Release[];
  records: Array<{ actionId: string; at: number; note: string; recorder: string }>;
  occurrences: Array<{ at: number; text: string }>;
  pauses: Array<{ at: number; seconds: number }>;
}

/** The console after an action; the same object when the action does not apply. */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'start':
      if (state.status !== 'ready') return state;
      return { ...state, status: 'running', startedAt: action.now };
    case 'pause':
      if (state.status !== 'running') return state;
      return { ...state, status: 'paused', pausedAt: action.now };
    case 'resume': {
      if (state.status !== 'paused' || state.pausedAt === null) return state;
      const pause = {
        at: drillSeconds(state, state.pausedAt),
        seconds: (action.now - state.pausedAt) / 1000,
      };
      return {
        ...state,
        status: 'running',
        pausedMs: state.pausedMs + (action.now - state.pausedAt),
        pausedAt: null,
        pauses: [...state.pauses, pause],
      };
    }
    case 'end': {
      if (state.status !== 'running' && state.status !== 'paused') return state;
      const resumed = consoleReducer(state, { type: 'resume', now: action.now });
      return { ...resumed, status: 'ended', endedAt: action.now };
    }
    case 'release': {
      if (state.status === 'ready') return state;
      if (state.releases.some((release) => release.stepId === action.stepId)) return state;
      const at = action.at ?? drillSeconds(state, action.now);
      return {
        ...state,
        releases: [...state.releases, { stepId: action.stepId, at, manual: action.manual }],
      };
    }
    case 'record': {
      const at = action.at ?? drillSeconds(state, action.now);
      const id = `r${state.counter + 1}`;
      const record: ActionRecord = {
        id,
        actionId: action.actionId,
        at,
        note: '',
        recorder: state.recorder,
      };
      return { ...state, counter: state.counter + 1, records: [...state.records, record] };
    }
    case 'contingency': {
      if (state.status === 'ready') return state;
      if (state.contingencies.some((c) => c.actionId === action.actionId)) return state;
      const at = drillSeconds(state, action.now);
      return {
        ...state,
        contingencies: [...state.contingencies, { actionId: action.actionId, at }],
      };
    }
    case 'editRecord':
      return {
        ...state,
        records: state.records.map((record) =>
          record.id === action.id
            ? {
                ...record,
                ...(action.at !== undefined && Number.isFinite(action.at) && action.at >= 0
                  ? { at: action.at }
                  : {}),
                ...(action.note !== undefined ? { note: action.note } : {}),
              }
            : record,
        ),
      };
    case 'removeRecord':
      return { ...state, records: state.records.filter((record) => record.id !== action.id) };
    case 'occurrence': {
      const id = `o${state.counter + 1}`;
      const occurrence = { id, at: drillSeconds(state, action.now), text: action.text };
      return {
        ...state,
        counter: state.counter + 1,
        occurrences: [...state.occurrences, occurrence],
      };
    }
    case 'editOccurrence':
      return {
        ...state,
        occurrences: state.occurrences.map((occurrence) =>
          occurrence.id === action.id ? { ...occurrence, text: action.text } : occurrence,
        ),
      };
    case 'recorder':
      return { ...state, recorder: action.name };
    case 'tabletopStage':
      return { ...state, tabletopStep: action.step, tabletopStage: action.stage };
    case 'tabletopText': {
      const entry = state.tabletop[action.stepId] ?? { question: '', decision: '', result: '' };
      return {
        ...state,
        tabletop: { ...state.tabletop, [action.stepId]: { ...entry, [action.field]: action.text } },
      };
    }
    case 'import': {
      let counter = state.counter;
      const { imported } = action;
      const known = new Set(state.releases.map((release) => release.stepId));
      return {
        ...state,
        releases: [
          ...state.releases,
          ...imported.releases.filter((release) => !known.has(release.stepId)),
        ],
        records: [
          ...state.records,
          ...imported.records.map((record) => ({ id: `r${++counter}`, ...record })),
        ],
        occurrences: [
          ...state.occurrences,
          ...imported.occurrences.map((occurrence) => ({ id: `o${++counter}`, ...occurrence })),
        ],
        pauses: state.pauses.length > 0 ? state.pauses : imported.pauses,
        counter,
      };
    }
  }
}

/** Checks a value read back from IndexedDB; anything else (an older version's) is ignored. */
export function isConsoleState(value: unknown): value is ConsoleState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<ConsoleState>;
  return (
    typeof state.drillId === 'string' &&
    typeof state.status === 'string' &&
    Array.isArray(state.records) &&
    Array.isArray(state.releases) &&
    Array.isArray(state.occurrences) &&
    Array.isArray(state.pauses) &&
    Array.isArray(state.contingencies) &&
    typeof state.counter === 'number'
  );
}

/** "T+mm:ss" (or "T+h:mm:ss" past an hour) of a drill time in seconds. */
export function drillClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `T+${h}:${two(m)}:${two(s)}` : `T+${two(m)}:${two(s)}`;
}

/** Reads "T+mm:ss", "mm:ss", "h:mm:ss" or plain minutes; null when it is not a time. */
export function parseDrillClock(text: string): number | null {
  const trimmed = text.trim().replace(/^T\s*\+\s*/i, '');
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 60;
  const parts = /^(?:(\d+):)?(\d{1,3}):(\d{2})$/.exec(trimmed);
  if (!parts) return null;
  const [, h, m, s] = parts;
  if (Number(s) >= 60) return null;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}
