/**
 * The observed times of imported call history: columns with when each unit was ordered, left,
 * arrived and cleared (the same time formats as the call time), and which unit it was. Read into
 * `observed` of each listed incident, as seconds after the call, for calibration
 * (src/calibrate/); the simulation ignores them. With grouping by incident number, each row is
 * one unit of its incident.
 */
import type { Language } from './messages.ts';
import type { ListedIncident, ObservedUnit } from './schema.ts';
import type { ReadTime } from './callTimes.ts';

/** Columns of the observed times (all optional; a blank cell is a time not recorded). */
export interface ObservedColumns {
  dispatched?: string;
  enRoute?: string;
  onScene?: string;
  cleared?: string;
  /** The unit's id or name (matched to the scenario's units). */
  unit?: string;
  /** The unit's agency id (for a unit not in the scenario). */
  agency?: string;
  /** The capability the unit was sent for. */
  capability?: string;
}

export const OBSERVED_TIME_FIELDS = ['dispatched', 'enRoute', 'onScene', 'cleared'] as const;
type TimeField = (typeof OBSERVED_TIME_FIELDS)[number];

/** The CLI options that name the columns. */
export const OBSERVED_OPTIONS: Record<keyof ObservedColumns, string> = {
  dispatched: 'dispatched',
  enRoute: 'en-route',
  onScene: 'on-scene',
  cleared: 'cleared',
  unit: 'unit',
  agency: 'agency',
  capability: 'capability',
};

export const observedText = {
  en: {
    beforeCall: (field: string) => `the ${field} time is before the call`,
    outOfOrder: (later: string, earlier: string) =>
      `the ${later} time is before the ${earlier} time`,
    field: {
      dispatched: 'dispatched',
      enRoute: 'en-route',
      onScene: 'on-scene',
      cleared: 'cleared',
    } as Record<TimeField, string>,
  },
  zh: {
    beforeCall: (field: string) => `${field}时间早于接警时间`,
    outOfOrder: (later: string, earlier: string) => `${later}时间早于${earlier}时间`,
    field: {
      dispatched: '派车',
      enRoute: '出动',
      onScene: '到场',
      cleared: '处置完毕',
    } as Record<TimeField, string>,
  },
} satisfies Record<Language, unknown>;

/** A unit's observed times as read from a row: seconds from the (old) scenario start. */
type RowUnit = Omit<ObservedUnit, TimeField> & Partial<Record<TimeField, number>>;

/**
 * Reads the observed columns of each row and, once every row is read, writes them into the
 * incidents as seconds after each incident's call (which, grouped, is the earliest row's).
 */
export class ObservedReader {
  private readonly index: Partial<Record<keyof ObservedColumns, number>> = {};
  /** Per incident (by index), its units' times from the start. */
  private readonly units = new Map<number, RowUnit[]>();
  private readonly words: (typeof observedText)[Language];

  constructor(
    header: readonly string[],
    private readonly columns: ObservedColumns,
    language: Language,
  ) {
    this.words = observedText[language];
    for (const key of Object.keys(columns) as (keyof ObservedColumns)[]) {
      const name = columns[key];
      if (name !== undefined) this.index[key] = header.indexOf(name);
    }
  }

  /** Mapped columns that the header lacks: the names, for the "no column" message. */
  missingColumns(): string[] {
    return (Object.keys(this.index) as (keyof ObservedColumns)[])
      .filter((key) => this.index[key]! < 0)
      .map((key) => this.columns[key]!);
  }

  get active(): boolean {
    return Object.keys(this.index).length > 0;
  }

  /**
   * One row's unit, or null when the row has no observed cell. `readCell` reads a time as the
   * call time is read (the same format); `start` is the start as local clock ms; the problems
   * of the row go to `problem` (group, message).
   */
  read(
    cells: readonly string[],
    callTime: number,
    readCell: (text: string) => ReadTime,
    start: number,
    problem: (group: string, message: string) => void,
  ): RowUnit | null {
    const unit: RowUnit = {};
    let any = false;
    for (const key of ['unit', 'agency', 'capability'] as const) {
      const value = this.cell(cells, key);
      if (value) {
        unit[key] = value;
        any = true;
      }
    }
    let previous: TimeField | null = null;
    for (const field of OBSERVED_TIME_FIELDS) {
      const value = this.cell(cells, field);
      if (!value) continue;
      any = true;
      const read = readCell(value);
      if (!read.ok) {
        problem(`observed:${field}`, `${this.columns[field]}: ${read.message}`);
        continue;
      }
      const time = 'seconds' in read ? read.seconds : (read.ms - start) / 1000;
      if (Number.isFinite(callTime) && time < callTime)
        problem(`observed:${field}:beforeCall`, this.words.beforeCall(this.words.field[field]));
      else if (previous !== null && time < unit[previous]!)
        problem(
          `observed:${field}:order`,
          this.words.outOfOrder(this.words.field[field], this.words.field[previous]),
        );
      else {
        unit[field] = time;
        previous = field;
      }
    }
    return any ? unit : null;
  }

  /** The row's unit belongs to incident `incident` (a new one, or one of an earlier row). */
  add(incident: number, unit: RowUnit | null): void {
    if (!unit) return;
    const list = this.units.get(incident);
    if (list) list.push(unit);
    else this.units.set(incident, [unit]);
  }

  /** Writes `observed` into the incidents: times after each call, `handledAfter` the first order. */
  finish(incidents: ListedIncident[]): void {
    for (const [index, rowUnits] of this.units) {
      const incident = incidents[index];
      const units = rowUnits.map((row) => {
        const unit: ObservedUnit = {};
        for (const key of ['unit', 'agency', 'capability'] as const)
          if (row[key] !== undefined) unit[key] = row[key];
        for (const field of OBSERVED_TIME_FIELDS)
          if (row[field] !== undefined) unit[field] = Math.max(0, row[field] - incident.time);
        return unit;
      });
      const orders = units.flatMap((u) => (u.dispatched === undefined ? [] : [u.dispatched]));
      incident.observed = { units };
      if (orders.length > 0) incident.observed.handledAfter = Math.min(...orders);
    }
  }

  private cell(cells: readonly string[], key: keyof ObservedColumns): string {
    const column = this.index[key];
    return column === undefined || column < 0 ? '' : (cells[column] ?? '').trim();
  }
}
