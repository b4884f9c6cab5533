/**
 * Main-thread long tasks (over 50 ms) while a trainee is in the seat, recorded with the
 * browser's PerformanceObserver: the exercise must not freeze the page, and the end-to-end test
 * reports what it saw (test-results/figures.json) rather than asserting a bound.
 */

export interface LongTask {
  /** When it began, ms since 1970 (a reload starts a new time origin). */
  start: number;
  duration: number;
}

const recorded: LongTask[] = [];
let observer: PerformanceObserver | null = null;
let recording = false;

/** Starts recording (idempotent); tasks are kept only while recording is on. */
export function recordLongTasks(on: boolean): void {
  recording = on;
  if (!on || observer || typeof PerformanceObserver === 'undefined') return;
  if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
  observer = new PerformanceObserver((list) => {
    if (!recording) return;
    for (const entry of list.getEntries())
      recorded.push({
        start: Math.round(performance.timeOrigin + entry.startTime),
        duration: Math.round(entry.duration),
      });
  });
  observer.observe({ type: 'longtask' });
}

/** The long tasks seen while recording, oldest first. */
export function trainingLongTasks(): readonly LongTask[] {
  return recorded;
}
