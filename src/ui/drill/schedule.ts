/**
 * The script's planned times, read from the steps' timings (pure): a step at a time is planned
 * then; a step after another, at that step's planned time plus its delay; a step on a condition
 * or on manual release has no planned time (the prediction gives it one). Cycles of `after`
 * (which the loader reports) give no time rather than looping.
 */
import type { Step, Timing } from '../../drills/schema.ts';

type StepLike = Pick<Step, 'id' | 'timing'> & { duration?: number };

export function plannedTimes(steps: readonly StepLike[]): Map<string, number | null> {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const planned = new Map<string, number | null>();
  const visiting = new Set<string>();
  const timeOf = (id: string): number | null => {
    if (planned.has(id)) return planned.get(id)!;
    const step = byId.get(id);
    if (!step || visiting.has(id)) return null;
    visiting.add(id);
    const timing = step.timing as Timing | undefined;
    let time: number | null = null;
    if (timing?.type === 'at') time = timing.at;
    else if (timing?.type === 'after') {
      const base = timeOf(timing.step);
      time = base === null ? null : base + (timing.delay ?? 0);
    }
    visiting.delete(id);
    planned.set(id, time);
    return time;
  };
  for (const step of steps) timeOf(step.id);
  return planned;
}

/** Σ of the steps' planned durations (总时长 of the script), s. */
export function totalDuration(steps: ReadonlyArray<{ duration?: number }>): number {
  return steps.reduce(
    (sum, step) => sum + (Number.isFinite(step.duration) ? step.duration! : 0),
    0,
  );
}

/** Minutes as the script prints them: "15 分钟" / "15 min", or "1 小时 30 分钟" past an hour. */
export function durationText(seconds: number, language: 'zh' | 'en'): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (language === 'zh') return h > 0 ? `${h} 小时${m > 0 ? ` ${m} 分钟` : ''}` : `${m} 分钟`;
  return h > 0 ? `${h} h${m > 0 ? ` ${m} min` : ''}` : `${m} min`;
}
