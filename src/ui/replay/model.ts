/** What the replay page holds of an opened replay, and the contexts its parts read. */
import { createContext } from 'react';
import type { Route } from '../../sim/analysis/replay.ts';
import type { ReplayIndex } from '../../sim/analysis/replayIndex.ts';
import type { Trace } from '../../sim/trace.ts';
import type { ReplayNames } from '../../worker/replayApi.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

export interface PageReplay {
  /** The worker's key for routes and explanations. */
  key: string;
  seed: number;
  trace: Trace;
  index: ReplayIndex;
  names: ReplayNames;
  /** Legs follow the road graph (else straight lines). */
  roads: boolean;
  /** The scenario as it ran. */
  doc: ScenarioDoc;
  /** The file it was opened from, or null when it was run here. */
  fileName: string | null;
  /** Agency ids in order of first appearance, for colours. */
  agencies: string[];
}

/** The replay's current simulated time: changes every frame while playing. */
export const ReplayTimeContext = createContext(0);

export interface ReplayOverlayState {
  replay: PageReplay;
  routeOf(leg: number): Route | undefined;
  /** Changes when new routes arrive. */
  routesVersion: number;
  selectedIncident: number;
  selectedUnit: number;
  onSelectIncident(incident: number): void;
  onSelectUnit(unit: number): void;
}

export const ReplayOverlayContext = createContext<ReplayOverlayState | null>(null);

/** Colours of agencies (by order) — readable on the map's light ground. */
export const AGENCY_COLOURS = [
  '#c0392b',
  '#1f77b4',
  '#2ca02c',
  '#8e44ad',
  '#d35400',
  '#16a085',
  '#7f6000',
  '#e377c2',
  '#34495e',
  '#17becf',
];

export const INCIDENT_COLOURS = {
  waiting: '#e67e22',
  queued: '#b3261e',
  responding: '#f1c40f',
  working: '#2471a3',
  overflowed: '#7d3c98',
  closed: '#95a5a6',
  unanswered: '#1c2430',
  sentTo12345: '#bdc3c7',
} as const;

export function agencyColour(replay: PageReplay, unit: number): string {
  const agency = replay.trace.header.unitAgencies[unit];
  return AGENCY_COLOURS[replay.agencies.indexOf(agency) % AGENCY_COLOURS.length];
}
