/**
 * Picking a road segment on the scenario's map for a form (the roads form, a road closure in the
 * events form): a form asks, the scenario view turns the next click on the map into the nearest
 * segment and answers; the segments a form shows are drawn highlighted on the map.
 */
import { createContext, useContext } from 'react';

export interface RoadPick {
  /**
   * Answer clicks on the map with the nearest segment: once (a closure's segment), or until
   * `cancel` (the roads form, while it is open).
   */
  request(onPick: (segment: number) => void, once: boolean, owner: string): void;
  /** Stop answering clicks (only for `owner`'s request, when one is given). */
  cancel(owner?: string): void;
  /** The form waiting for a click (the map says so), or null. */
  waitingFor: string | null;
  /** Segments drawn highlighted on the map. */
  highlight(segments: readonly number[]): void;
}

const NO_MAP: RoadPick = {
  request: () => {},
  cancel: () => {},
  waitingFor: null,
  highlight: () => {},
};

export const RoadPickContext = createContext<RoadPick>(NO_MAP);

export function useRoadPick(): RoadPick {
  return useContext(RoadPickContext);
}
