/**
 * The replay's event log: every record of the trace as a row, filtered by unit, incident, kind
 * and free text, drawn in a window (only the rows in view exist in the DOM, and only they are
 * formatted), with the current event (by time) highlighted. Clicking a row jumps the replay to it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { CAUSES, RECORD_KINDS, type RecordKindName } from '../../sim/trace.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { amountText, minutesText, type ReplayClock } from './format.ts';
import type { PageReplay } from './model.ts';
import { replayStrings, type ReplayStrings } from './strings.ts';

const ROW_HEIGHT = 28;
const VIEW_ROWS = 12;
const SPARE_ROWS = 6;

export interface LogFilter {
  unit: number;
  incident: string;
  kind: number;
  text: string;
}

export const NO_FILTER: LogFilter = { unit: -1, incident: '', kind: -1, text: '' };

interface EventLogProps {
  replay: PageReplay;
  time: number;
  clock: ReplayClock;
  filter: LogFilter;
  onFilter(filter: LogFilter): void;
  selectedRecord: number;
  onPick(record: number): void;
}

export function EventLog(props: EventLogProps) {
  const t = useStrings(replayStrings);
  const locale = localeOf(useLanguage());
  const { replay, filter, clock } = props;
  const trace = replay.trace;
  // The whole trace's text is only needed to search it: made when a search starts.
  const searching = filter.text.trim() !== '';
  const searchable = useMemo(
    () => (searching ? searchTexts(replay, t, locale) : null),
    [searching, replay, t, locale],
  );
  const shown = useMemo(
    () => filteredRecords(replay, searchable, filter),
    [replay, searchable, filter],
  );
  const current = useMemo(
    () => lastShownAtOrBefore(shown, trace.time, props.time),
    [shown, trace, props.time],
  );
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [follow, setFollow] = useState(true);

  // Keep the current event in view while following the replay.
  useEffect(() => {
    const list = listRef.current;
    if (!follow || !list || current < 0) return;
    const top = current * ROW_HEIGHT;
    if (top < list.scrollTop || top > list.scrollTop + (VIEW_ROWS - 2) * ROW_HEIGHT) {
      list.scrollTop = Math.max(0, top - 4 * ROW_HEIGHT);
    }
  }, [current, follow]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - SPARE_ROWS);
  const last = Math.min(shown.length, first + VIEW_ROWS + 2 * SPARE_ROWS);
  const unitOrder = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return replay.names.units
      .map((name, unit) => ({ name, unit }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [replay, locale]);

  return (
    <section
      className="card replay-log"
      aria-labelledby="replay-log-heading"
      data-testid="replay-log"
    >
      <div className="replay-log-head">
        <h2 id="replay-log-heading">{t.log}</h2>
        <span className="hint" data-testid="replay-log-count">
          {t.shown(shown.length, trace.length)}
        </span>
        <label className="replay-follow">
          <input
            type="checkbox"
            checked={follow}
            onChange={(event) => setFollow(event.target.checked)}
          />
          {t.follow}
        </label>
      </div>
      <div className="replay-filters">
        <label>
          <span>{t.filterUnit}</span>
          <select
            data-testid="replay-filter-unit"
            value={filter.unit}
            onChange={(event) => props.onFilter({ ...filter, unit: Number(event.target.value) })}
          >
            <option value={-1}>{t.all}</option>
            {unitOrder.map(({ name, unit }) => (
              <option key={unit} value={unit}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterIncident}</span>
          <input
            data-testid="replay-filter-incident"
            inputMode="numeric"
            value={filter.incident}
            onChange={(event) => props.onFilter({ ...filter, incident: event.target.value })}
          />
        </label>
        <label>
          <span>{t.filterKind}</span>
          <select
            data-testid="replay-filter-kind"
            value={filter.kind}
            onChange={(event) => props.onFilter({ ...filter, kind: Number(event.target.value) })}
          >
            <option value={-1}>{t.all}</option>
            {RECORD_KINDS.map(([name], code) => (
              <option key={name} value={code}>
                {t.kinds[name]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterText}</span>
          <input
            type="search"
            data-testid="replay-filter-text"
            value={filter.text}
            onChange={(event) => props.onFilter({ ...filter, text: event.target.value })}
          />
        </label>
      </div>
      <div className="replay-log-columns" aria-hidden="true">
        <span>{t.logColumns.time}</span>
        <span>{t.logColumns.kind}</span>
        <span>{t.logColumns.subject}</span>
        <span>{t.logColumns.detail}</span>
      </div>
      <div
        ref={listRef}
        className="replay-log-list"
        role="list"
        aria-label={t.log}
        style={{ height: VIEW_ROWS * ROW_HEIGHT }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div style={{ height: shown.length * ROW_HEIGHT, position: 'relative' }}>
          {Array.from(shown.subarray(first, last), (record, k) => {
            const position = first + k;
            const c = clock.short(trace.time[record]);
            const row = rowText(replay, record, t, locale);
            return (
              <div
                role="listitem"
                key={record}
                style={{ top: position * ROW_HEIGHT, height: ROW_HEIGHT }}
                className="replay-log-row-slot"
              >
                <button
                  type="button"
                  className={`replay-log-row${position === current ? ' replay-current' : ''}${record === props.selectedRecord ? ' replay-picked' : ''}`}
                  data-testid="replay-log-row"
                  data-record={record}
                  data-kind={RECORD_KINDS[trace.kind[record]][0]}
                  aria-current={position === current ? 'true' : undefined}
                  onClick={() => props.onPick(record)}
                >
                  <span>{t.logTime(c.day, c.text)}</span>
                  <span>{row.kind}</span>
                  <span>{row.subject}</span>
                  <span>{row.detail}</span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

interface RowText {
  kind: string;
  subject: string;
  detail: string;
}

function rowText(replay: PageReplay, record: number, t: ReplayStrings, locale: string): RowText {
  const trace = replay.trace;
  const kindName = RECORD_KINDS[trace.kind[record]][0];
  const unit = trace.unit[record];
  const incident = trace.incident[record];
  const subjects: string[] = [];
  if (unit >= 0) subjects.push(replay.names.units[unit]);
  if (incident >= 0)
    subjects.push(t.incidentLabel(incident, replay.names.kinds[trace.incidentKind[incident]]));
  return {
    kind: t.kinds[kindName],
    subject: subjects.join(' · '),
    detail: detailOf(
      kindName,
      CAUSES[trace.cause[record]],
      trace.value[record],
      t,
      locale,
      replay.names.hospitals,
    ),
  };
}

/**
 * Every record's text as the log shows it, and its kind's name, lower case, for the search.
 * Names of kinds, units and incidents are lowered once, not once a record.
 */
function searchTexts(replay: PageReplay, t: ReplayStrings, locale: string): string[] {
  const trace = replay.trace;
  const kinds = RECORD_KINDS.map(([name]) => ({
    label: t.kinds[name].toLowerCase(),
    name: name.toLowerCase(),
  }));
  const units = replay.names.units.map((name) => name.toLowerCase());
  const incidents = Array.from({ length: trace.incidentCount }, (_, incident) =>
    t.incidentLabel(incident, replay.names.kinds[trace.incidentKind[incident]]).toLowerCase(),
  );
  const texts: string[] = new Array(trace.length);
  for (let i = 0; i < texts.length; i++) {
    const kind = kinds[trace.kind[i]];
    const unit = trace.unit[i];
    const incident = trace.incident[i];
    const subject =
      unit >= 0 && incident >= 0
        ? `${units[unit]} · ${incidents[incident]}`
        : unit >= 0
          ? units[unit]
          : incident >= 0
            ? incidents[incident]
            : '';
    const kindName = RECORD_KINDS[trace.kind[i]][0];
    const detail = detailOf(
      kindName,
      CAUSES[trace.cause[i]],
      trace.value[i],
      t,
      locale,
      replay.names.hospitals,
    );
    texts[i] = `${kind.label} ${subject} ${detail.toLowerCase()} ${kind.name}`;
  }
  return texts;
}

/** The cause, and the value in the terms of its kind (see RECORD_KINDS in trace.ts). */
function detailOf(
  kind: RecordKindName,
  cause: (typeof CAUSES)[number],
  value: number,
  t: ReplayStrings,
  locale: string,
  hospitals: readonly string[],
): string {
  const parts: string[] = [];
  if (cause !== 'none') parts.push(t.causes[cause]);
  const minutes = (seconds: number) => t.minutes(minutesText(seconds, locale));
  switch (kind) {
    case 'dispatched':
    case 'arrived':
    case 'enRoute':
    case 'cleared':
    case 'available':
    case 'closed':
    case 'approved':
    case 'reported':
    case 'reportedLate':
    case 'commandHandedOver':
    case 'supplied':
    case 'atHospital':
    case 'handedOver':
      if (Number.isFinite(value) && value > 0) parts.push(minutes(value));
      break;
    case 'transportStarted':
      if (hospitals[value]) parts.push(hospitals[value]);
      break;
    case 'queued':
    case 'overflowed':
    case 'unanswered':
    case 'requested':
    case 'decision':
    case 'grew':
    case 'graded':
    case 'external':
    case 'prepositioned':
      parts.push(amountText(value, locale));
      break;
    default:
      break;
  }
  return parts.join(' · ');
}

function filteredRecords(
  replay: PageReplay,
  searchable: string[] | null,
  filter: LogFilter,
): Int32Array {
  const trace = replay.trace;
  const incident = filter.incident.trim() === '' ? -1 : Number(filter.incident.replace('#', ''));
  const text = filter.text.trim().toLowerCase();
  const all = filter.unit < 0 && incident < 0 && filter.kind < 0 && text === '';
  if (all) {
    const every = new Int32Array(trace.length);
    for (let i = 0; i < every.length; i++) every[i] = i;
    return every;
  }
  const kept: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    if (filter.unit >= 0 && trace.unit[i] !== filter.unit) continue;
    if (incident >= 0 && trace.incident[i] !== incident) continue;
    if (filter.kind >= 0 && trace.kind[i] !== filter.kind) continue;
    if (text && searchable && !searchable[i].includes(text)) continue;
    kept.push(i);
  }
  return Int32Array.from(kept);
}

/** Position in `shown` of the last record at or before t (−1 before the first). */
function lastShownAtOrBefore(shown: Int32Array, times: Float64Array, t: number): number {
  let low = 0;
  let high = shown.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (times[shown[middle]] <= t) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
