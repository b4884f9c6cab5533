/**
 * The replay's map: the city map with units (small symbols coloured by agency, shaped by
 * status) moving along their routes and incidents coloured by state. The map itself is
 * memoised; only the overlay re-renders as time runs (it reads the time from context).
 */
import { memo, useCallback, useContext, useMemo } from 'react';
import { incidentsAt, unitsAt, type UnitView } from '../../sim/analysis/replay.ts';
import { CityMap } from '../map/CityMap.tsx';
import type { Projector } from '../map/types.ts';
import { useStrings } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import {
  AGENCY_COLOURS,
  agencyColour,
  INCIDENT_COLOURS,
  ReplayOverlayContext,
  ReplayTimeContext,
  type ReplayOverlayState,
} from './model.ts';
import { replayStrings } from './strings.ts';

export const ReplayMap = memo(function ReplayMap({
  doc,
  ariaLabel,
}: {
  doc: ScenarioDoc;
  ariaLabel: string;
}) {
  const overlay = useCallback((project: Projector) => <ReplayOverlay project={project} />, []);
  return (
    <CityMap doc={doc} ariaLabel={ariaLabel} overlay={overlay} height={320} testId="replay-map" />
  );
});

function ReplayOverlay({ project }: { project: Projector }) {
  const time = useContext(ReplayTimeContext);
  const state = useContext(ReplayOverlayContext);
  if (!state) return null;
  return <OverlayAt time={time} state={state} project={project} />;
}

function OverlayAt({
  time,
  state,
  project,
}: {
  time: number;
  state: ReplayOverlayState;
  project: Projector;
}) {
  const t = useStrings(replayStrings);
  const { replay, routeOf } = state;
  // Recomputed every render: time moves, and routes arrive (routesVersion changes the state).
  const units = unitsAt(replay.index, time, routeOf);
  const incidents = useMemo(() => incidentsAt(replay.index, time), [replay, time]);
  const trace = replay.trace;
  return (
    <g className="replay-overlay">
      {incidents.map((view) => {
        if (!view.position) return null;
        const [x, y] = project(view.position);
        const finished = view.state === 'closed' || view.state === 'sentTo12345';
        const selected = view.incident === state.selectedIncident;
        const kindName = replay.names.kinds[trace.incidentKind[view.incident]];
        return (
          <g
            key={`i${view.incident}`}
            className="replay-incident"
            data-testid="replay-incident"
            data-incident={view.incident}
            data-state={view.state}
            transform={`translate(${x},${y})`}
            opacity={finished ? 0.55 : 1}
            onClick={(event) => {
              event.stopPropagation();
              state.onSelectIncident(view.incident);
            }}
          >
            <title>{`${t.incidentLabel(view.incident, kindName)} · ${t.incidentState[view.state]}`}</title>
            {selected && <circle r={11} className="replay-selected-ring" />}
            <rect
              x={-5}
              y={-5}
              width={10}
              height={10}
              transform="rotate(45)"
              fill={INCIDENT_COLOURS[view.state]}
              stroke="#1c2430"
              strokeWidth={1}
            />
          </g>
        );
      })}
      {units.map((view) => (
        <UnitSymbol
          key={`u${view.unit}`}
          view={view}
          state={state}
          project={project}
          label={`${replay.names.units[view.unit]} · ${t.unitStatus[view.status]}`}
        />
      ))}
    </g>
  );
}

function UnitSymbol({
  view,
  state,
  project,
  label,
}: {
  view: UnitView;
  state: ReplayOverlayState;
  project: Projector;
  label: string;
}) {
  if (!view.position) return null;
  const [x, y] = project(view.position);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const colour = agencyColour(state.replay, view.unit);
  const selected = view.unit === state.selectedUnit;
  return (
    <g
      className={`replay-unit replay-unit-${view.status}`}
      data-testid="replay-unit"
      data-unit={view.unit}
      data-status={view.status}
      transform={`translate(${x},${y})`}
      onClick={(event) => {
        event.stopPropagation();
        state.onSelectUnit(view.unit);
      }}
    >
      <title>{label}</title>
      {selected && <circle r={9} className="replay-selected-ring" />}
      <StatusShape status={view.status} colour={colour} />
    </g>
  );
}

/** One shape per status, so status reads without relying on colour alone. */
function StatusShape({ status, colour }: { status: UnitView['status']; colour: string }) {
  switch (status) {
    case 'atBase':
      return <circle r={3} fill={colour} opacity={0.55} />;
    case 'free':
      return <circle r={4} fill="#fff" stroke={colour} strokeWidth={2} />;
    case 'dispatched':
      return (
        <circle r={5} fill={colour} stroke="#1c2430" strokeWidth={1.5} strokeDasharray="2 1.5" />
      );
    case 'enRoute':
      return <path d="M0,-6 L5.5,4.5 L-5.5,4.5 Z" fill={colour} stroke="#1c2430" strokeWidth={1} />;
    case 'onScene':
      return (
        <rect
          x={-4.5}
          y={-4.5}
          width={9}
          height={9}
          fill={colour}
          stroke="#fff"
          strokeWidth={1.5}
        />
      );
    case 'returning':
      return <circle r={4} fill={colour} stroke="#fff" strokeWidth={1} opacity={0.8} />;
    case 'outOfService':
      return <path d="M-4,-4 L4,4 M4,-4 L-4,4" stroke="#5b6675" strokeWidth={2} />;
    case 'transporting':
      return <path d="M0,-6 L5.5,4.5 L-5.5,4.5 Z" fill="#fff" stroke={colour} strokeWidth={2} />;
    case 'atHospital':
      return (
        <path
          d="M-1.5,-5 H1.5 V-1.5 H5 V1.5 H1.5 V5 H-1.5 V1.5 H-5 V-1.5 H-1.5 Z"
          fill={colour}
          stroke="#fff"
          strokeWidth={1}
        />
      );
  }
}

/** Legend of the symbols: unit statuses, incident states, agencies. */
export function ReplayLegend({
  agencies,
  agencyNames,
}: {
  agencies: string[];
  agencyNames: Record<string, string>;
}) {
  const t = useStrings(replayStrings);
  const statuses = [
    'atBase',
    'dispatched',
    'enRoute',
    'onScene',
    'returning',
    'transporting',
    'atHospital',
    'free',
    'outOfService',
  ] as const;
  const states = ['waiting', 'queued', 'responding', 'working', 'overflowed', 'closed'] as const;
  return (
    <div className="replay-legend" data-testid="replay-legend">
      <div>
        <strong>{t.legendUnits}</strong>
        <ul>
          {agencies.map((agency, i) => (
            <li key={agency}>
              <svg width="14" height="14" aria-hidden="true">
                <circle cx="7" cy="7" r="5" fill={agencyColourByIndex(i)} />
              </svg>
              {agencyNames[agency] ?? agency}
            </li>
          ))}
        </ul>
        <ul>
          {statuses.map((status) => (
            <li key={status}>
              <svg width="14" height="14" aria-hidden="true">
                <g transform="translate(7,7)">
                  <StatusShape status={status} colour="#5b6675" />
                </g>
              </svg>
              {t.unitStatus[status]}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <strong>{t.legendIncidents}</strong>
        <ul>
          {states.map((state) => (
            <li key={state}>
              <svg width="14" height="14" aria-hidden="true">
                <rect
                  x="3"
                  y="3"
                  width="8"
                  height="8"
                  transform="rotate(45 7 7)"
                  fill={INCIDENT_COLOURS[state]}
                  stroke="#1c2430"
                />
              </svg>
              {t.incidentState[state]}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function agencyColourByIndex(index: number): string {
  return AGENCY_COLOURS[index % AGENCY_COLOURS.length];
}
