/**
 * The call import dialog's observed times (what a dispatch system recorded of each unit: when
 * it was ordered, left, arrived and cleared, and which unit it was) and the fit of the run to
 * the calls' span: the columns guessed from their names, the mapping as the importer takes it,
 * and the edit that moves the run (as `sim import-calls --fit` does).
 */
import { OBSERVED_TIME_FIELDS, type ObservedColumns } from '../../scenarios/callObserved.ts';
import type { ListedIncident } from '../../scenarios/schema.ts';
import type { CallImportResult } from '../../scenarios/importCalls.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

export type ObservedKey = keyof ObservedColumns;

/** The observed columns in the order the dialog offers them. */
export const OBSERVED_KEYS: readonly ObservedKey[] = [
  'dispatched',
  'enRoute',
  'onScene',
  'cleared',
  'unit',
  'agency',
  'capability',
];

/** A column's name that looks like each observed column (Chinese dispatch systems and English ones). */
export const OBSERVED_GUESSES: Record<ObservedKey, RegExp> = {
  dispatched: /派车|派遣|调派|下达|dispatch|assign|order/i,
  enRoute: /出动|出车|出发|出警|en[ _-]?route|depart|respond|rolling/i,
  onScene: /到场|到达|抵达|on[ _-]?scene|arriv/i,
  cleared: /处置完毕|处置结束|完毕|返队|归队|返回|结束|clear|available|in[ _-]?service/i,
  unit: /处警单位|出动单位|车辆|车牌|车号|力量|unit|vehicle|apparatus|resource/i,
  agency: /所属单位|所属机构|联动单位|机构|部门|agency|department|organi[sz]ation/i,
  capability: /能力|专业|任务类型|capability|role|skill/i,
};

/** Words that make a column the call's own (its time or number), never an observed one. */
const CALL_COLUMN = /接警|报警|来电|受理|编号|号码|^call|received|incident|number|^id$/i;

/**
 * The observed columns pre-selected from the header: for each, the first column whose name
 * looks like it, not taken by the call's own columns (`taken`) nor by an earlier observed one;
 * none when no time column looks like one.
 */
export function guessObservedColumns(
  header: readonly string[],
  taken: readonly (string | undefined)[] = [],
): Record<ObservedKey, string> {
  const used = new Set(taken.filter((name): name is string => !!name));
  const guessed = {} as Record<ObservedKey, string>;
  for (const key of OBSERVED_KEYS) {
    const column = header.find(
      (name) => !used.has(name) && !CALL_COLUMN.test(name) && OBSERVED_GUESSES[key].test(name),
    );
    guessed[key] = column ?? '';
    if (column) used.add(column);
  }
  // Which unit went, without when, is nothing to calibrate with: then nothing is pre-selected.
  if (!OBSERVED_TIME_FIELDS.some((key) => guessed[key]))
    for (const key of OBSERVED_KEYS) guessed[key] = '';
  return guessed;
}

/** The chosen observed columns as the importer takes them, or none. */
export function observedColumns(
  chosen: Readonly<Record<ObservedKey, string>>,
): ObservedColumns | undefined {
  const columns: ObservedColumns = {};
  for (const key of OBSERVED_KEYS) if (chosen[key]) columns[key] = chosen[key];
  return Object.keys(columns).length > 0 ? columns : undefined;
}

/** How many incidents carry observed units, and how many units in all. */
export function observedCounts(incidents: readonly ListedIncident[]): {
  incidents: number;
  units: number;
} {
  let withObserved = 0;
  let units = 0;
  for (const incident of incidents) {
    const count = incident.observed?.units?.length ?? 0;
    if (count > 0) withObserved++;
    units += count;
  }
  return { incidents: withObserved, units };
}

/**
 * Whether the calls of an import made with the fit fall outside the current run (before its
 * start or after its end): the times before the fit are the fitted ones less the shift.
 */
export function outsideRun(result: CallImportResult, duration: number): boolean {
  const shift = result.fitted?.shift ?? 0;
  return result.incidents.some((i) => i.time - shift < 0 || i.time - shift > duration);
}

/** The times the scenario lists already (list and table), in seconds from its start. */
export function listedTimes(doc: ScenarioDoc): number[] {
  const arrivals = doc.arrivals as { incidents?: unknown; incidentTable?: { time?: unknown } };
  const listed = Array.isArray(arrivals?.incidents)
    ? (arrivals.incidents as { time?: unknown }[]).map((i) => i?.time)
    : [];
  const table = Array.isArray(arrivals?.incidentTable?.time) ? arrivals.incidentTable.time : [];
  return [...listed, ...(table as unknown[])].filter(
    (time): time is number => typeof time === 'number' && Number.isFinite(time),
  );
}

/**
 * Moves the run to the fitted start and duration, and the incidents already listed with it (the
 * imported ones are fitted already). Arrays are replaced, never edited in place (long ones are
 * frozen and shared between versions).
 */
export function applyFit(draft: ScenarioDoc, fitted: NonNullable<CallImportResult['fitted']>) {
  draft.start = fitted.start;
  draft.duration = fitted.duration;
  const arrivals = draft.arrivals as Record<string, unknown> | undefined;
  if (!arrivals) return;
  if (Array.isArray(arrivals.incidents))
    arrivals.incidents = (arrivals.incidents as unknown[]).map((incident) =>
      shifted(incident, fitted.shift),
    );
  const table = arrivals.incidentTable as Record<string, unknown> | undefined;
  if (table && Array.isArray(table.time))
    arrivals.incidentTable = {
      ...table,
      time: (table.time as unknown[]).map((time) =>
        typeof time === 'number' ? time + fitted.shift : time,
      ),
    };
}

function shifted(incident: unknown, shift: number): unknown {
  if (typeof incident !== 'object' || incident === null) return incident;
  const time = (incident as { time?: unknown }).time;
  return typeof time === 'number' ? { ...incident, time: time + shift } : incident;
}
