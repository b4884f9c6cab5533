/**
 * The isochrones layer of the city map: road edges coloured by the emergency driving time from
 * the nearest base (computed in the worker with the simulator's own road model), with controls
 * for the hour and the bases, and a legend of the time bands.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { useLanguage, useStrings } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { callWorker } from '../../worker/client.ts';
import type { IsochroneAnswer } from '../../worker/mapApi.ts';
import type { MapRoads } from './geometry.ts';
import { edgePaths, type ProjectedNodes } from './projection.ts';
import {
  ISOCHRONE_BAND_MINUTES,
  ISOCHRONE_COLOURS,
  isochroneBand,
  UNREACHABLE_COLOUR,
} from './scales.ts';
import { mapStrings } from './strings.ts';

/** Which bases the times are measured from: all, or those with units of one tier. */
export type BaseChoice = 'all' | 1 | 2 | 3;

/** Wait after an edit of the scenario before recomputing: typing stays smooth. */
const RECOMPUTE_DELAY_MS = 300;

export interface IsochroneState {
  active: boolean;
  hour: number;
  setHour(hour: number): void;
  bases: BaseChoice;
  setBases(bases: BaseChoice): void;
  /** The answer for the current choice; null while it is computed. */
  result: IsochroneAnswer | null;
  failure: string | null;
}

export function useIsochrones(doc: ScenarioDoc, active: boolean): IsochroneState {
  const language = useLanguage();
  const [hour, setHour] = useState(8);
  const [bases, setBases] = useState<BaseChoice>('all');
  const [answer, setAnswer] = useState<{
    doc: ScenarioDoc;
    hour: number;
    bases: BaseChoice;
    result: IsochroneAnswer | null;
    failure: string | null;
  } | null>(null);

  useEffect(() => {
    if (!active) return;
    let stale = false;
    const timer = setTimeout(() => {
      // Speeds vary by hour of the day only: Monday's hour stands for every day.
      const request = { hourOfWeek: hour, ...(bases === 'all' ? {} : { tier: bases }) };
      callWorker<IsochroneAnswer>((worker) => worker.isochroneSeconds(doc, request, language)).then(
        (result) => !stale && setAnswer({ doc, hour, bases, result, failure: null }),
        (error: unknown) =>
          !stale &&
          setAnswer({
            doc,
            hour,
            bases,
            result: null,
            failure: error instanceof Error ? error.message : String(error),
          }),
      );
    }, RECOMPUTE_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [active, doc, hour, bases, language]);

  const current =
    answer && answer.doc === doc && answer.hour === hour && answer.bases === bases ? answer : null;
  return {
    active,
    hour,
    setHour,
    bases,
    setBases,
    result: current?.result ?? null,
    failure: current?.failure ?? null,
  };
}

/** Road edges coloured by the band of the slower of their two ends. */
export const IsochroneLayer = memo(function IsochroneLayer({
  roads,
  nodes,
  seconds,
}: {
  roads: MapRoads;
  nodes: ProjectedNodes;
  seconds: Float64Array;
}) {
  const paths = useMemo(
    () =>
      edgePaths(roads, nodes, (index) => {
        const edge = roads.edges[index];
        return String(isochroneBand(Math.max(seconds[edge.from], seconds[edge.to])));
      }),
    [roads, nodes, seconds],
  );
  const colours = [...ISOCHRONE_COLOURS, UNREACHABLE_COLOUR];
  return (
    <g className="map-isochrones" aria-hidden="true" data-testid="map-isochrones">
      {colours.map((colour, band) => (
        <path
          key={band}
          d={paths.get(String(band)) ?? ''}
          className={band === colours.length - 1 ? 'map-isochrone-unreachable' : 'map-isochrone'}
          style={{ stroke: colour }}
          data-band={band}
        />
      ))}
    </g>
  );
});

export function IsochroneControls({
  state,
  hasRoads,
  shown,
  onShow,
}: {
  state: IsochroneState;
  hasRoads: boolean;
  shown: boolean;
  onShow(shown: boolean): void;
}) {
  const strings = useStrings(mapStrings);
  const tiers = [1, 2, 3] as const;
  return (
    <div className="map-isochrone-controls" data-testid="isochrone-controls">
      <label className="map-toggle">
        <input
          type="checkbox"
          checked={shown}
          onChange={(event) => onShow(event.target.checked)}
          data-testid="isochrones-toggle"
        />
        {strings.isochrones}
      </label>
      {shown && !hasRoads && (
        <p className="hint" data-testid="isochrones-need-roads">
          {strings.isochronesNeedRoads}
        </p>
      )}
      {shown && hasRoads && (
        <>
          <label>
            {strings.isochronesHour}{' '}
            <select
              value={state.hour}
              onChange={(event) => state.setHour(Number(event.target.value))}
              data-testid="isochrones-hour"
            >
              {Array.from({ length: 24 }, (_, hour) => (
                <option key={hour} value={hour}>
                  {strings.hourOption(hour)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {strings.isochronesBases}{' '}
            <select
              value={String(state.bases)}
              onChange={(event) =>
                state.setBases(
                  event.target.value === 'all' ? 'all' : (Number(event.target.value) as 1 | 2 | 3),
                )
              }
              data-testid="isochrones-bases"
            >
              <option value="all">{strings.allBases}</option>
              {tiers.map((tier) => (
                <option key={tier} value={tier}>
                  {strings.tierBases(strings.tier(tier))}
                </option>
              ))}
            </select>
          </label>
          <IsochroneStatus state={state} />
        </>
      )}
    </div>
  );
}

function IsochroneStatus({ state }: { state: IsochroneState }) {
  const strings = useStrings(mapStrings);
  if (state.failure) {
    return (
      <p className="problems" role="alert">
        {strings.isochronesFailed}
        {state.failure}
      </p>
    );
  }
  const result = state.result;
  if (!result) {
    return (
      <p className="hint" data-testid="isochrones-state" data-state="computing">
        {strings.computing}
      </p>
    );
  }
  if (!result.ok) {
    const message =
      result.reason === 'invalid'
        ? strings.isochronesFailed + result.errors.map((error) => error.message).join('; ')
        : result.reason === 'noBases'
          ? strings.isochronesNoBases
          : strings.isochronesNeedRoads;
    return (
      <p className="problems" role="alert" data-testid="isochrones-state" data-state="failed">
        {message}
      </p>
    );
  }
  const last = ISOCHRONE_BAND_MINUTES[ISOCHRONE_BAND_MINUTES.length - 1];
  const labels = [
    ...ISOCHRONE_BAND_MINUTES.map((minutes) => strings.bandAtMost(minutes)),
    strings.bandOver(last),
    strings.unreachable,
  ];
  const colours = [...ISOCHRONE_COLOURS, UNREACHABLE_COLOUR];
  return (
    <div data-testid="isochrones-state" data-state="done">
      <p className="hint">{strings.isochronesFrom(result.baseCount)}</p>
      <ul className="map-band-legend" aria-label={strings.isochronesTitle}>
        {labels.map((label, band) => (
          <li key={band}>
            <span className="map-swatch" style={{ background: colours[band] }} />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
