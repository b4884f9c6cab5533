/**
 * The year plan's trend (pure): each drill of the plan evaluated from its record — a 记录表
 * attached in the plan, else the controller console's record of that drill — and, for the
 * expected actions several drills share, the actual times from drill to drill with the change
 * from one to the next, in words (`drillCalendar` gives the points).
 */
import {
  evaluateDrill,
  parseDrillLogCsv,
  type CalendarEntry,
  type DrillCalendar,
  type DrillLog,
} from '../../../drills/api.ts';
import type { Language } from '../../i18n.ts';
import type { ScenarioDoc } from '../../workspace/history.ts';
import { toDrillLog } from '../consoleLog.ts';
import { isConsoleState } from '../consoleModel.ts';
import { measureText } from '../describe.ts';
import { scenarioLists } from '../scenarioLists.ts';

/** A record sheet attached to a drill of the plan: the CSV as the recorders filled it. */
export interface AttachedSheet {
  text: string;
  /** When it was attached (ms since epoch), for the trainer's eye. */
  attachedAt: number;
}

export type RecordSource = 'sheet' | 'console';

/** Each entry with its evaluation when a record of it is at hand, and where the record came from. */
export function withEvaluations(
  entries: readonly CalendarEntry[],
  sheets: Readonly<Record<string, AttachedSheet>>,
  consoleBook: unknown,
  language: Language,
): Array<{ entry: CalendarEntry; source: RecordSource | null }> {
  return entries.map((entry) => {
    const id = entry.drill.id;
    let log: DrillLog | null = null;
    let source: RecordSource | null = null;
    const sheet = sheets[id];
    if (sheet) {
      const parsed = parseDrillLogCsv(sheet.text, entry.drill, language);
      if (parsed.ok) [log, source] = [parsed.log, 'sheet'];
    }
    const state =
      consoleBook && typeof consoleBook === 'object'
        ? (consoleBook as Record<string, unknown>)[id]
        : undefined;
    if (!log && isConsoleState(state) && (state.records.length > 0 || state.releases.length > 0))
      [log, source] = [toDrillLog(state, id), 'console'];
    if (!log) return { entry, source: null };
    const evaluation = evaluateDrill(entry.drill, entry.scenario, log, null, language);
    return { entry: { ...entry, evaluation }, source };
  });
}

const TEXT = {
  zh: {
    notDone: '未完成',
    first: '',
    faster: (d: string) => `较上次快 ${d}`,
    slower: (d: string) => `较上次慢 ${d}`,
    same: '与上次相同',
    met: '达标',
    missed: '未达标',
  },
  en: {
    notDone: 'not done',
    first: '',
    faster: (d: string) => `${d} faster than the last`,
    slower: (d: string) => `${d} slower than the last`,
    same: 'as the last',
    met: 'met',
    missed: 'missed',
  },
};

function minutesSeconds(seconds: number, language: Language): string {
  const whole = Math.round(Math.abs(seconds));
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  if (language === 'zh') return m > 0 ? `${m} 分${s > 0 ? ` ${s} 秒` : ''}` : `${s} 秒`;
  return m > 0 ? `${m} min${s > 0 ? ` ${s} s` : ''}` : `${s} s`;
}

export interface TrendRow {
  action: string;
  /** The action in words: its description, else what it measures (no internal id). */
  label: string;
  cells: Array<{
    drill: string;
    /** How long it took from its reference (the step's inject, or T0), or "not done". */
    actual: string;
    met: boolean;
    /** The change from the drill before, in words ('' for the first). */
    change: string;
    /** -1 faster, 1 slower, 0 the same or not comparable. */
    direction: -1 | 0 | 1;
  }>;
}

/** The calendar's trend in words, each action named as the latest drill that has it names it. */
export function trendRows(
  calendar: DrillCalendar,
  entries: readonly CalendarEntry[],
  language: Language,
): TrendRow[] {
  const text = TEXT[language];
  return calendar.trend.map(({ action, points }) => {
    let label = '';
    for (const { drill, scenario } of entries) {
      for (const step of drill.steps) {
        const found = step.expected.find((a) => a.id === action);
        if (found)
          label =
            found.description ||
            measureText(
              found,
              scenarioLists(scenario as unknown as ScenarioDoc, language),
              language,
            );
      }
    }
    const cells = points.map((point, i) => {
      const before = i > 0 ? points[i - 1].actual : null;
      const delta = point.actual !== null && before !== null ? point.actual - before : null;
      const direction: -1 | 0 | 1 = delta === null || Math.abs(delta) < 1 ? 0 : delta < 0 ? -1 : 1;
      return {
        drill: point.drill,
        actual: point.actual === null ? text.notDone : minutesSeconds(point.actual, language),
        met: point.met,
        change:
          delta === null
            ? text.first
            : direction === 0
              ? text.same
              : direction < 0
                ? text.faster(minutesSeconds(delta, language))
                : text.slower(minutesSeconds(delta, language)),
        direction,
      };
    });
    return { action, label, cells };
  });
}

export const trendWords = {
  zh: { met: TEXT.zh.met, missed: TEXT.zh.missed },
  en: { met: TEXT.en.met, missed: TEXT.en.missed },
};
