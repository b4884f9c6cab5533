/**
 * Roads (road-graph travel): the emergency speed factor; road classes as a table (free-flow
 * speed, hourly speed factors drawn as bars); segments picked by clicking them on the map or
 * found by a nearby place, each shown by the places it joins with its class, length and
 * one-way flag. Node and segment numbers stay in the file.
 */
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import type { ScenarioDoc } from '../workspace/history.ts';
import { roadsNear } from './eventTimes.ts';
import { CheckboxField, DetailsToggle, NumberField, SelectField } from './fields.tsx';
import { formsStrings, type FormsStrings } from './formsStrings.ts';
import { asArray, getIn, setIn, textOf } from './model.ts';
import { ProfileBars } from './ProfileBars.tsx';
import {
  hasRoadGraph,
  roadClassUse,
  roadClassWords,
  segmentMetres,
  segmentsSetByHand,
  segmentWords,
} from './roadModel.ts';
import { useRoadPick } from './roadPick.ts';
import { editorStrings } from './strings.ts';

/** Who asks the map for segments while the roads form is open. */
const ROADS_FORM = 'roads';
/** Picked segments kept in the list, newest first. */
const PICKED_SHOWN = 8;
/** Segments set by hand listed at once, at most. */
const BY_HAND_SHOWN = 60;
/** The smallest speed factor drawing gives (a factor must stay above 0). */
const FACTOR_FLOOR = 0.05;

function positive(t: FormsStrings) {
  return (value: number) => (value <= 0 ? t.zero : null);
}

export function RoadsEditor() {
  const t = useStrings(formsStrings);
  const { workspace } = useWorkspace();
  const doc = workspace!.doc;
  if (!hasRoadGraph(doc)) {
    return (
      <div data-testid="editor-roads">
        <p className="hint">{t.noRoads}</p>
      </div>
    );
  }
  return (
    <div data-testid="editor-roads">
      <p className="hint">{t.roadsIntro}</p>
      <RoadClasses doc={doc} t={t} />
      <Segments doc={doc} t={t} />
    </div>
  );
}

function RoadClasses({ doc, t }: { doc: ScenarioDoc; t: FormsStrings }) {
  const language = useLanguage();
  const hours = useStrings(editorStrings).hour;
  const { edit } = useWorkspace();
  const [open, setOpen] = useState<string | null>(null);
  const emergency = getIn(doc, ['travel', 'emergencySpeedFactor']);
  const hourLabels = useMemo(() => Array.from({ length: 24 }, (_, h) => hours(h)), [hours]);
  return (
    <>
      <NumberField
        path="travel.emergencySpeedFactor"
        label={t.emergencySpeed}
        help={t.emergencySpeedHint}
        unit="×"
        optional
        placeholder="1.2"
        value={typeof emergency === 'number' ? emergency : undefined}
        validate={positive(t)}
        onCommit={(value) =>
          edit(t.editEmergency, (draft) => setIn(draft, ['travel', 'emergencySpeedFactor'], value))
        }
      />
      <h3 className="editors-subtitle">{t.roadClassesTitle}</h3>
      <table className="editors-table">
        <thead>
          <tr>
            <th scope="col">{t.roadClass}</th>
            <th scope="col">{t.speed}</th>
            <th scope="col">{t.segmentsOfClass}</th>
            <th scope="col">{t.hourFactors}</th>
          </tr>
        </thead>
        <tbody>
          {roadClassUse(doc).map(({ key, segments }) => {
            const name = roadClassWords(key, language);
            const segmentsPath = ['travel', 'roadClasses', key] as const;
            const at = (field: string) => `travel.roadClasses.${key}.${field}`;
            const speed = getIn(doc, [...segmentsPath, 'speedKmh']);
            const factors = getIn(doc, [...segmentsPath, 'hourFactors']);
            const set = (field: string, label: string, value: unknown) =>
              edit(t.editClass(name, label), (draft) =>
                setIn(draft, [...segmentsPath, field], value),
              );
            const isOpen = open === key;
            return (
              <Fragment key={key}>
                <tr data-testid={`road-class-${key}`}>
                  <th scope="row">{name}</th>
                  <td className="editors-with-unit">
                    <NumberField
                      path={at('speedKmh')}
                      label={`${t.speed} · ${name}`}
                      hideLabel
                      unit={t.kmh}
                      value={typeof speed === 'number' ? speed : undefined}
                      validate={positive(t)}
                      onCommit={(value) => value !== undefined && set('speedKmh', t.speed, value)}
                    />
                  </td>
                  <td>{segments}</td>
                  <td>
                    <DetailsToggle
                      open={isOpen}
                      testId={`road-class-details-${key}`}
                      onToggle={() => setOpen(isOpen ? null : key)}
                    />{' '}
                    {!Array.isArray(factors) && (
                      <span className="editors-muted">{t.flatFactors}</span>
                    )}
                  </td>
                </tr>
                {isOpen && (
                  <tr className="editors-details-row">
                    <td colSpan={4}>
                      <h4 className="editors-label" title={t.hourFactorsHint}>
                        {t.hourFactors}
                      </h4>
                      {Array.isArray(factors) ? (
                        <>
                          <ProfileBars
                            path={at('hourFactors')}
                            title={t.hourFactors}
                            labels={hourLabels}
                            values={factors.map(Number)}
                            floor={FACTOR_FLOOR}
                            axisEvery={3}
                            validate={positive(t)}
                            onCommit={(next, what) => set('hourFactors', what, next)}
                          />
                          <button
                            type="button"
                            className="editors-small"
                            onClick={() => set('hourFactors', t.flatFactors, undefined)}
                          >
                            {t.flatFactors}
                          </button>
                        </>
                      ) : (
                        <p className="hint">
                          {t.hourFactorsHint}{' '}
                          <button
                            type="button"
                            className="editors-small"
                            onClick={() =>
                              set(
                                'hourFactors',
                                t.setFactors,
                                Array.from({ length: 24 }, () => 1),
                              )
                            }
                          >
                            {t.setFactors}
                          </button>
                        </p>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function Segments({ doc, t }: { doc: ScenarioDoc; t: FormsStrings }) {
  const language = useLanguage();
  const { edit } = useWorkspace();
  const roadPick = useRoadPick();
  const [picked, setPicked] = useState<number[]>([]);
  const [query, setQuery] = useState('');
  const edges = asArray(getIn(doc, ['travel', 'edges']));
  const nodeCount = asArray(getIn(doc, ['travel', 'nodes'])).length;
  const shown = picked.filter((index) => index < edges.length);
  const add = useCallback(
    (index: number) =>
      setPicked((old) => [index, ...old.filter((other) => other !== index)].slice(0, PICKED_SHOWN)),
    [],
  );

  // While this form is open, a click on the map picks the segment under it.
  const { request, cancel, highlight } = roadPick;
  useEffect(() => {
    request(add, false, ROADS_FORM);
    return () => cancel(ROADS_FORM);
  }, [request, cancel, add]);
  const shownKey = shown.join(',');
  useEffect(() => {
    highlight(shownKey === '' ? [] : shownKey.split(',').map(Number));
  }, [highlight, shownKey]);
  useEffect(() => () => highlight([]), [highlight]);

  const byHand = segmentsSetByHand(doc);
  const found = roadsNear(doc, query, language).filter((road) => !shown.includes(road.index));
  const classChoices = roadClassUse(doc).map(({ key }) => ({
    value: key,
    label: roadClassWords(key, language),
  }));
  return (
    <>
      <h3 className="editors-subtitle">{t.segmentsTitle}</h3>
      <p className="hint">
        {t.segmentsCount(edges.length, nodeCount)} · <strong>{t.pickOnMap}</strong>
      </p>
      {byHand.length > 0 && (
        <p>
          <button
            type="button"
            className="editors-small"
            data-testid="segments-by-hand"
            onClick={() => setPicked(byHand.slice(0, BY_HAND_SHOWN))}
          >
            {t.showByHand(byHand.length)}
          </button>
        </p>
      )}
      <details className="events-find">
        <summary>{t.findByPlace}</summary>
        <input
          type="search"
          data-testid="road-search"
          aria-label={t.findByPlace}
          placeholder={t.findPlaceholder}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {query.trim() !== '' && found.length === 0 && <p className="hint">{t.noneNear}</p>}
        <ul className="events-road-list">
          {found.map((road) => (
            <li key={road.index}>
              {segmentWords(doc, road.index, language)}{' '}
              <button type="button" data-testid="road-search-pick" onClick={() => add(road.index)}>
                {t.segment}
              </button>
            </li>
          ))}
        </ul>
      </details>
      {shown.length === 0 ? (
        <p className="editors-muted" data-testid="segments-none">
          {t.noneSelected}
        </p>
      ) : (
        <table className="editors-table segments-table" data-testid="segments-picked">
          <thead>
            <tr>
              <th scope="col">{t.joins}</th>
              <th scope="col">{t.roadClass}</th>
              <th scope="col">{t.length}</th>
              <th scope="col" title={t.oneWay}>
                {t.oneWayShort}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((index) => {
              const edge = edges[index];
              const words = segmentWords(doc, index, language);
              const at = (field: string) => `travel.edges[${index}].${field}`;
              const set = (field: string, label: string, value: unknown) =>
                edit(t.editSegment(words, label), (draft) =>
                  setIn(draft, ['travel', 'edges', index, field], value),
                );
              const written = getIn(edge, ['lengthM']);
              const metres = segmentMetres(doc, index) ?? 0;
              return (
                <tr key={index} data-testid="segment-row" data-segment={index}>
                  <td>{words}</td>
                  <td>
                    <SelectField
                      path={at('roadClass')}
                      label={`${t.roadClass} · ${words}`}
                      hideLabel
                      value={textOf(edge, 'roadClass')}
                      choices={classChoices}
                      onCommit={(value) => set('roadClass', t.roadClass, value)}
                    />
                  </td>
                  <td className="editors-with-unit">
                    <NumberField
                      path={at('lengthM')}
                      label={`${t.length} · ${words}`}
                      hideLabel
                      optional
                      unit={t.km}
                      placeholder={(metres / 1000).toFixed(2)}
                      hint={
                        typeof written === 'number'
                          ? undefined
                          : t.lengthDefault((metres / 1000).toFixed(2))
                      }
                      value={typeof written === 'number' ? Math.round(written) / 1000 : undefined}
                      validate={positive(t)}
                      onCommit={(km) =>
                        set(
                          'lengthM',
                          t.length,
                          km === undefined ? undefined : Math.max(1, Math.round(km * 1000)),
                        )
                      }
                    />
                  </td>
                  <td>
                    <CheckboxField
                      path={at('oneWay')}
                      label={t.oneWayShort}
                      help={t.oneWay}
                      value={getIn(edge, ['oneWay']) === true}
                      onCommit={(value) => set('oneWay', t.oneWay, value)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
