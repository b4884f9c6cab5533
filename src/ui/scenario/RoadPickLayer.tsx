/**
 * The scenario map's side of picking road segments for a form (src/ui/editors/roadPick.ts):
 * a click on the map while a form waits becomes the nearest segment; the segments a form shows
 * are drawn over the roads; a one-off request says so above the map, with a way out.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useStrings } from '../i18n.ts';
import { formsStrings } from '../editors/formsStrings.ts';
import { asArray, getIn } from '../editors/model.ts';
import { nearestSegment, pickRadiusMetres } from '../editors/roadModel.ts';
import type { RoadPick } from '../editors/roadPick.ts';
import type { Projector } from '../map/types.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

interface Listener {
  onPick(segment: number): void;
  once: boolean;
  owner: string;
}

export function useRoadPickState(doc: ScenarioDoc | null) {
  const listener = useRef<Listener | null>(null);
  const [waiting, setWaiting] = useState<{ owner: string; once: boolean } | null>(null);
  const [highlighted, setHighlighted] = useState<readonly number[]>([]);

  const request = useCallback((onPick: (segment: number) => void, once: boolean, owner: string) => {
    listener.current = { onPick, once, owner };
    setWaiting({ owner, once });
  }, []);
  const cancel = useCallback((owner?: string) => {
    if (owner !== undefined && listener.current?.owner !== owner) return;
    listener.current = null;
    setWaiting(null);
  }, []);
  const highlight = useCallback((segments: readonly number[]) => setHighlighted(segments), []);
  const context: RoadPick = useMemo(
    () => ({ request, cancel, highlight, waitingFor: waiting?.owner ?? null }),
    [request, cancel, highlight, waiting],
  );

  const onLocate = useCallback(
    (lonLat: [number, number]) => {
      const current = listener.current;
      if (!current || !doc) return;
      const found = nearestSegment(doc, lonLat, pickRadiusMetres(doc));
      if (!found) return;
      if (current.once) cancel();
      current.onPick(found.index);
    },
    [doc, cancel],
  );

  const overlay = useCallback(
    (project: Projector) => {
      if (!doc || highlighted.length === 0) return null;
      const nodes = asArray(getIn(doc, ['travel', 'nodes']));
      const edges = asArray(getIn(doc, ['travel', 'edges']));
      return (
        <g className="map-picked-roads" data-testid="map-picked-roads" aria-hidden="true">
          {highlighted.map((index) => {
            const edge = edges[index];
            const from = nodes[Number(getIn(edge, ['from']))];
            const to = nodes[Number(getIn(edge, ['to']))];
            if (!Array.isArray(from) || !Array.isArray(to)) return null;
            const [x1, y1] = project(from as [number, number]);
            const [x2, y2] = project(to as [number, number]);
            return <line key={index} x1={x1} y1={y1} x2={x2} y2={y2} className="map-picked-road" />;
          })}
        </g>
      );
    },
    [doc, highlighted],
  );

  return { context, onLocate, overlay, waiting, cancel };
}

export function RoadPickLayer({ state }: { state: ReturnType<typeof useRoadPickState> }) {
  const t = useStrings(formsStrings);
  if (!state.waiting?.once) return null;
  return (
    <p className="road-pick-banner" role="status" data-testid="road-pick-waiting">
      {t.picking}{' '}
      <button type="button" className="editors-small" onClick={() => state.cancel()}>
        {t.cancelPick}
      </button>
    </p>
  );
}
