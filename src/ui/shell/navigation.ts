/**
 * Moving between the app's views, and what one view hands to another: the last run's report
 * (the replay offers its replications, the report prints it) and a request to replay a seed.
 */
import { createContext, useContext } from 'react';
import type { Report } from '../../sim/analysis/report.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

export const VIEWS = ['scenario', 'run', 'compare', 'replay', 'drill', 'training'] as const;
export type ViewId = (typeof VIEWS)[number];

export interface LastRun {
  /** Labelled by the scenario it was computed from (its `labels`). */
  report: Report;
  /** The scenario exactly as it ran (the workspace may have changed since): maps, replays. */
  doc: ScenarioDoc;
}

export interface Navigation {
  view: ViewId;
  goTo(view: ViewId): void;
  lastRun: LastRun | null;
  setLastRun(run: LastRun | null): void;
  /** A replication the replay should open (set by "replay this seed" elsewhere). */
  replayRequest: { doc: ScenarioDoc; seed: number } | null;
  requestReplay(doc: ScenarioDoc, seed: number): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside the app');
  return navigation;
}
