/** How long a run took or has left, as the run and comparison views tell it. */

/**
 * Seconds left at the pace so far, once there is enough of it to mean something (2% done and a
 * second gone); null before.
 */
export function secondsLeft(done: number, elapsedMs: number): number | null {
  if (!(done > 0.02 && elapsedMs > 1000)) return null;
  return ((elapsedMs / done) * (1 - done)) / 1000;
}

/** "45 秒", "3 分钟" / "45 s", "3 min": whole seconds under a minute and a half, else minutes. */
export function formatDuration(
  seconds: number,
  locale: string,
  units: { seconds: string; minutes: string },
): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  if (seconds < 90) return `${format.format(Math.max(1, seconds))} ${units.seconds}`;
  return `${format.format(seconds / 60)} ${units.minutes}`;
}
