/**
 * A note in localStorage that a run is in progress. A worker that runs out of memory takes the
 * whole tab down with it, and nothing in the page survives to say so; the note does. It is
 * written when a run starts and removed when the run ends, however it ends, and when the page
 * is left normally (`pagehide`): one found on load means the tab died during a run.
 */

const KEY = 'drillPlanner.runInProgress';

export interface RunMarker {
  /** The scenario's name as the editor showed it. */
  scenario: string;
  firstSeed: number;
  replications: number;
  /** When the run started (ms since the epoch). */
  startedAt: number;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function markRunStarted(marker: RunMarker): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(marker));
  } catch {
    // Storage full or denied: the run goes on without its note.
  }
}

export function clearRunMarker(): void {
  storage()?.removeItem(KEY);
}

/** The note a previous page left, if it died during a run; malformed notes are dropped. */
export function readRunMarker(): RunMarker | null {
  const text = storage()?.getItem(KEY);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<RunMarker>;
    if (
      typeof value.scenario === 'string' &&
      typeof value.firstSeed === 'number' &&
      typeof value.replications === 'number' &&
      typeof value.startedAt === 'number'
    ) {
      return value as RunMarker;
    }
  } catch {
    // Not ours, or cut short: dropped below.
  }
  clearRunMarker();
  return null;
}

if (typeof window !== 'undefined') {
  // Leaving the page (closing the tab, reloading) is not a crash.
  window.addEventListener('pagehide', clearRunMarker);
}
