/**
 * The seat's map: the city map (src/ui/map) with the current incident and, while a dispatch is
 * open, the units that can fill the need under the cursor at their bases (a unit on its way home
 * is drawn at its base, ringed), the one under the cursor larger, the units chosen joined to the
 * incident.
 */
import { memo, useCallback } from 'react';
import type { DecisionView } from '../../training/api.ts';
import type { SeatSetup } from '../../worker/trainingApi.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { CityMap, MapMarker } from '../map/CityMap.tsx';
import type { Projector } from '../map/types.ts';
import { SHOWN_CANDIDATES, type DispatchDraft } from './seatModel.ts';
import { trainingStrings } from './strings.ts';

interface SeatMapProps {
  setup: SeatSetup;
  place: [number, number] | null;
  view: DecisionView | null;
  draft: DispatchDraft | null;
}

export function SeatMap(props: SeatMapProps) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const { setup, place, view, draft } = props;
  const overlay = useCallback(
    (project: Projector) => {
      const homes = new Map(setup.units.map((unit) => [unit.id, unit.home]));
      const slot = view && draft ? view.decision.slots[draft.slotIndex] : undefined;
      const candidates = slot?.candidates.slice(0, SHOWN_CANDIDATES) ?? [];
      const chosen = draft ? Object.values(draft.picks).filter((u): u is string => u !== null) : [];
      const incidentAt = place ? project(place) : null;
      return (
        <g className="seat-overlay">
          {incidentAt &&
            chosen.map((unit) => {
              const home = homes.get(unit);
              if (!home) return null;
              const [x, y] = project(home);
              return (
                <line
                  key={`line-${unit}`}
                  className="seat-route"
                  x1={x}
                  y1={y}
                  x2={incidentAt[0]}
                  y2={incidentAt[1]}
                  vectorEffect="non-scaling-stroke"
                />
              );
            })}
          {candidates.map((candidate, row) => {
            const home = homes.get(candidate.unit);
            if (!home) return null;
            const isCursor = draft?.cursor === row;
            const isChosen = chosen.includes(candidate.unit);
            const label = view?.units[candidate.unit]?.label[language] ?? '';
            return (
              <MapMarker key={candidate.unit} at={project(home)}>
                <g
                  className={`seat-unit ${isCursor ? 'cursor' : ''} ${isChosen ? 'chosen' : ''}`}
                  data-testid="seat-map-unit"
                  data-unit={candidate.unit}
                >
                  <title>{label}</title>
                  <circle r={isCursor ? 8 : 5.5} />
                  {candidate.state === 'returning' && (
                    <circle r={11} className="seat-unit-returning" />
                  )}
                  <text x={9} y={4}>
                    {row + 1}
                  </text>
                </g>
              </MapMarker>
            );
          })}
          {incidentAt && (
            <MapMarker at={incidentAt}>
              <g className="seat-incident" data-testid="seat-map-incident">
                <title>{t.incidentMarker}</title>
                <circle r={14} className="seat-incident-halo" />
                <rect x={-7} y={-7} width={14} height={14} transform="rotate(45)" />
              </g>
            </MapMarker>
          )}
        </g>
      );
    },
    [setup, place, view, draft, language, t],
  );
  return <MemoMap doc={setup.doc} label={t.mapLabel} overlay={overlay} />;
}

const MemoMap = memo(function MemoMap({
  doc,
  label,
  overlay,
}: {
  doc: Record<string, unknown>;
  label: string;
  overlay: (project: Projector) => React.ReactNode;
}) {
  return <CityMap doc={doc} ariaLabel={label} overlay={overlay} height={430} testId="seat-map" />;
});
