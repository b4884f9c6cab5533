/**
 * External events (`events`) as a timeline: one row per event in time order, its time as a day
 * of the run and a local clock time, its kind chosen by name, and what it acts on chosen by name
 * (a unit, a season, a response level) or, for roads, by segment with the places it joins and
 * a search by a nearby place. Seconds and edge indices stay in the file; the raw JSON shows them.
 */
import { useEffect, useState } from 'react';
import { EVENT_KIND_WORDS, eventKindWords, seasonWords } from '../../sim/analysis/terms.ts';
import { useLanguage, useStrings, type Language } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { clockOf, formatClock, roadsNear, secondsOf } from './eventTimes.ts';
import { eventsStrings } from './eventsStrings.ts';
import { NumberField, SelectField, TextField } from './fields.tsx';
import type { ScenarioDoc } from '../workspace/history.ts';
import { asArray, getIn, setIn, textOf } from './model.ts';
import { useRoadPick } from './roadPick.ts';
import { segmentWords } from './roadModel.ts';

type EventKind = keyof typeof EVENT_KIND_WORDS;
const KINDS = Object.keys(EVENT_KIND_WORDS) as EventKind[];
type Strings = (typeof eventsStrings)['zh'];

/** A new event of a kind at a time, with what it needs filled in from the scenario. */
export function newEvent(kind: EventKind, at: number, doc: ScenarioDoc): Record<string, unknown> {
  const firstUnit = textOf(asArray(doc.units)[0], 'id');
  switch (kind) {
    case 'closeRoad':
    case 'openRoad':
      return { type: kind, at, edges: [0] };
    case 'damageRoad':
      return { type: kind, at, edges: [0], repairSeconds: 6 * 3600 };
    case 'unitOutOfService':
    case 'unitInService':
      return { type: kind, at, unit: firstUnit };
    case 'season':
      return { type: kind, at, season: 'flood', active: true };
    case 'responseLevel':
      return { type: kind, at, level: 4 };
    case 'callRateFactor':
      return { type: kind, at, factor: 1 };
  }
}

/** Every unit a scenario has, copies too ("临城站水罐车 #2"), for choosing one by name. */
function unitChoices(doc: ScenarioDoc): Array<{ value: string; label: string }> {
  return asArray(doc.units).flatMap((unit) => {
    const id = textOf(unit, 'id');
    const name = textOf(unit, 'name') || id;
    const count = Number(getIn(unit, ['count']) ?? 1) || 1;
    return Array.from({ length: Math.min(count, 50) }, (_, i) =>
      i === 0
        ? { value: id, label: name }
        : { value: `${id}#${i + 1}`, label: `${name} #${i + 1}` },
    );
  });
}

/** One event in words, for undo labels and titles: "第2天 14:30 道路封闭". */
function eventWords(event: unknown, doc: ScenarioDoc, language: Language): string {
  const at = Number(getIn(event, ['at']) ?? 0);
  return `${formatClock(clockOf(doc.start, at), language)} ${eventKindWords(textOf(event, 'type'), language)}`;
}

export function EventsEditor() {
  const t = useStrings(eventsStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const events = asArray(doc.events);
  // Time order for reading; each row edits its own index in the file.
  const order = events
    .map((event, index) => ({ event, index, at: Number(getIn(event, ['at']) ?? 0) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);

  const setEvent = (index: number, label: string, value: unknown) =>
    edit(label, (draft) => setIn(draft, ['events', index], value));
  const setField = (index: number, field: string, label: string, value: unknown) =>
    edit(label, (draft) => setIn(draft, ['events', index, field], value));

  const lastAt = order.length > 0 ? order[order.length - 1].at : 0;
  return (
    <div data-testid="editor-events">
      <p className="hint">{t.intro}</p>
      {events.length === 0 ? (
        <p className="editors-muted" data-testid="events-none">
          {t.none}
        </p>
      ) : (
        <table className="editors-table events-table">
          <thead>
            <tr>
              <th scope="col">{t.day}</th>
              <th scope="col">{t.clock}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.what}</th>
              <th scope="col" aria-label={t.remove} />
            </tr>
          </thead>
          <tbody>
            {order.map(({ event, index, at }) => {
              const clock = clockOf(doc.start, at);
              const words = eventWords(event, doc, language);
              const kind = textOf(event, 'type') as EventKind;
              const commitClock = (next: { day: number; time: string }) => {
                const seconds = secondsOf(doc.start, next);
                if (seconds.ok) setField(index, 'at', t.editWhen(words), seconds.at);
              };
              return (
                <tr key={index} data-testid="event-row" data-at={at} data-index={index}>
                  <td>
                    <NumberField
                      path={`events[${index}].day`}
                      label={`${t.day} · ${words}`}
                      hideLabel
                      value={clock.day}
                      onCommit={(day) =>
                        day !== undefined && commitClock({ day: Math.round(day), time: clock.time })
                      }
                    />
                  </td>
                  <td>
                    <TextField
                      path={`events[${index}].at`}
                      label={`${t.clock} · ${words}`}
                      hideLabel
                      value={clock.time}
                      validate={(text) => {
                        const seconds = secondsOf(doc.start, { day: clock.day, time: text });
                        if (seconds.ok) return null;
                        return seconds.reason === 'format' ? t.badTime : t.beforeStart;
                      }}
                      onCommit={(time) => commitClock({ day: clock.day, time })}
                    />
                  </td>
                  <td>
                    <SelectField
                      path={`events[${index}].type`}
                      label={`${t.kind} · ${words}`}
                      hideLabel
                      value={kind}
                      choices={KINDS.map((value) => ({
                        value,
                        label: eventKindWords(value, language),
                      }))}
                      onCommit={(value) =>
                        value !== kind &&
                        setEvent(index, t.editKind(words), newEvent(value as EventKind, at, doc))
                      }
                    />
                  </td>
                  <td>
                    <EventFields
                      event={event}
                      index={index}
                      words={words}
                      doc={doc}
                      t={t}
                      language={language}
                      setField={setField}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      data-testid="event-remove"
                      title={t.removeTitle(words)}
                      onClick={() =>
                        edit(t.removeEvent(words), (draft) => {
                          draft.events = asArray(draft.events).filter((_, i) => i !== index);
                        })
                      }
                    >
                      {t.remove}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p>
        <button
          type="button"
          data-testid="event-add"
          onClick={() =>
            edit(t.addEvent, (draft) => {
              draft.events = [...asArray(draft.events), newEvent('callRateFactor', lastAt, draft)];
            })
          }
        >
          {t.add}
        </button>
      </p>
    </div>
  );
}

/** The fields of one event's kind. */
function EventFields({
  event,
  index,
  words,
  doc,
  t,
  language,
  setField,
}: {
  event: unknown;
  index: number;
  words: string;
  doc: ScenarioDoc;
  t: Strings;
  language: Language;
  setField(index: number, field: string, label: string, value: unknown): void;
}) {
  const kind = textOf(event, 'type');
  const path = (field: string) => `events[${index}].${field}`;
  const label = (what: string) => `${what} · ${words}`;
  const commit = (field: string, value: unknown) =>
    setField(index, field, t.editField(words), value);

  if (kind === 'unitOutOfService' || kind === 'unitInService') {
    return (
      <SelectField
        path={path('unit')}
        label={label(t.unit)}
        hideLabel
        value={textOf(event, 'unit')}
        choices={unitChoices(doc)}
        onCommit={(value) => commit('unit', value)}
      />
    );
  }
  if (kind === 'season') {
    return (
      <span className="events-pair">
        <SelectField
          path={path('season')}
          label={label(t.season)}
          hideLabel
          value={textOf(event, 'season')}
          choices={['flood', 'forestFire'].map((value) => ({
            value,
            label: seasonWords(value, language),
          }))}
          onCommit={(value) => commit('season', value)}
        />
        <SelectField
          path={path('active')}
          label={label(t.active)}
          hideLabel
          value={String(getIn(event, ['active']) === true)}
          choices={[
            { value: 'true', label: t.on },
            { value: 'false', label: t.off },
          ]}
          onCommit={(value) => commit('active', value === 'true')}
        />
      </span>
    );
  }
  if (kind === 'responseLevel') {
    return (
      <SelectField
        path={path('level')}
        label={label(t.level)}
        hideLabel
        value={String(getIn(event, ['level']) ?? 0)}
        choices={t.levels.map((words, level) => ({ value: String(level), label: words }))}
        onCommit={(value) => commit('level', Number(value))}
      />
    );
  }
  if (kind === 'callRateFactor') {
    return (
      <NumberField
        path={path('factor')}
        label={label(t.factor)}
        hideLabel
        unit="×"
        value={Number(getIn(event, ['factor']) ?? 1)}
        onCommit={(value) => value !== undefined && commit('factor', value)}
      />
    );
  }
  return (
    <RoadFields
      event={event}
      path={path}
      label={label}
      commit={commit}
      doc={doc}
      t={t}
      language={language}
    />
  );
}

/** The segments of a road event, each named by the places it joins, and a search by place. */
function RoadFields({
  event,
  path,
  label,
  commit,
  doc,
  t,
  language,
}: {
  event: unknown;
  path(field: string): string;
  label(what: string): string;
  commit(field: string, value: unknown): void;
  doc: ScenarioDoc;
  t: Strings;
  language: Language;
}) {
  const [query, setQuery] = useState('');
  const edges = asArray(getIn(event, ['edges'])).map(Number);
  const hasRoads = getIn(doc, ['travel', 'model']) === 'roadGraph';
  const edgeCount = asArray(getIn(doc, ['travel', 'edges'])).length;
  const found = roadsNear(doc, query, language).filter((road) => !edges.includes(road.index));
  const repair = getIn(event, ['repairSeconds']);
  const roadPick = useRoadPick();
  // This event waits for a click on the map; its segments are drawn there meanwhile.
  const owner = path('edges');
  const picking = roadPick.waitingFor === owner;
  const { highlight, cancel } = roadPick;
  const edgesKey = edges.join(',');
  useEffect(() => {
    if (!picking) return;
    highlight(edgesKey.split(',').map(Number));
    return () => highlight([]);
  }, [picking, edgesKey, highlight]);
  // Leaving the form (another tab) stops the wait: no click lands in an unseen event.
  useEffect(() => () => cancel(owner), [cancel, owner]);
  const pick = () =>
    roadPick.request(
      (segment) => {
        if (!edges.includes(segment)) commit('edges', [...edges, segment]);
      },
      true,
      owner,
    );
  return (
    <div className="events-roads" data-path={path('edges')}>
      {hasRoads ? (
        <ul className="events-road-list" data-testid="event-roads">
          {edges.map((edge, position) => (
            <li key={edge}>
              {edge < edgeCount ? (
                segmentWords(doc, edge, language)
              ) : (
                <span className="field-error">{t.missingRoad}</span>
              )}{' '}
              <button
                type="button"
                className="editors-small"
                aria-label={`${t.remove} · ${label(t.roads)}`}
                title={edges.length <= 1 ? t.lastRoad : undefined}
                disabled={edges.length <= 1}
                data-testid="event-road-remove"
                onClick={() =>
                  commit(
                    'edges',
                    edges.filter((_, i) => i !== position),
                  )
                }
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t.noRoadGraph}</p>
      )}
      {hasRoads && (
        <button
          type="button"
          className="editors-small"
          data-testid="event-road-pick"
          aria-pressed={picking}
          onClick={() => (picking ? cancel(owner) : pick())}
        >
          {picking ? t.picking : t.pickOnMap}
        </button>
      )}
      {textOf(event, 'type') === 'damageRoad' && (
        <NumberField
          path={path('repairSeconds')}
          label={t.repair}
          unit={t.hours}
          value={typeof repair === 'number' ? Math.round((repair / 3600) * 100) / 100 : undefined}
          onCommit={(hours) =>
            hours !== undefined && commit('repairSeconds', Math.round(hours * 3600))
          }
        />
      )}
      {hasRoads && (
        <details className="events-find">
          <summary>{t.findRoad}</summary>
          <input
            type="search"
            data-testid="event-road-search"
            aria-label={t.findRoad}
            placeholder={t.findPlaceholder}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {query.trim() !== '' && found.length === 0 && <p className="hint">{t.noRoadsNear}</p>}
          <ul className="events-road-list">
            {found.map((road) => (
              <li key={road.index}>
                {segmentWords(doc, road.index, language)}{' '}
                <button
                  type="button"
                  data-testid="event-road-add"
                  onClick={() => commit('edges', [...edges, road.index])}
                >
                  {t.addRoad}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
