/**
 * What the console shows when (pure): each step's release time on drill day — a time after T0,
 * or after another step's actual release — the steps due and not released, and the contingency
 * injects due because their expected action is late.
 */
import type { Drill } from '../../../drills/api.ts';
import type { ConsoleState } from '../consoleModel.ts';

/** When a step is due on drill day (s), or null: on a condition or by hand, or its step not out yet. */
export function dueTime(drill: Drill, state: ConsoleState, stepId: string): number | null {
  const step = drill.steps.find((s) => s.id === stepId);
  if (!step) return null;
  const timing = step.timing;
  if (timing.type === 'at') return timing.at;
  if (timing.type === 'after') {
    const previous = state.releases.find((release) => release.stepId === timing.step);
    return previous ? previous.at + timing.delay : null;
  }
  return null;
}

/** Steps whose time has come (scheduled ones only), not yet released, with their time. */
export function stepsDue(
  drill: Drill,
  state: ConsoleState,
  now: number,
): Array<{ stepId: string; at: number }> {
  const released = new Set(state.releases.map((release) => release.stepId));
  return drill.steps.flatMap((step) => {
    if (released.has(step.id)) return [];
    const at = dueTime(drill, state, step.id);
    return at !== null && at <= now ? [{ stepId: step.id, at }] : [];
  });
}

/** The time an expected action is due by (s), or null while its step is not out. */
export function actionDeadline(drill: Drill, state: ConsoleState, actionId: string): number | null {
  for (const step of drill.steps) {
    const action = step.expected.find((a) => a.id === actionId);
    if (!action) continue;
    if (action.from === 'start') return action.deadline;
    const release = state.releases.find((r) => r.stepId === step.id);
    return release ? release.at + action.deadline : null;
  }
  return null;
}

/** Expected actions with a contingency inject, late (past their deadline, unrecorded), not yet released. */
export function contingenciesDue(drill: Drill, state: ConsoleState, now: number): string[] {
  const recorded = new Set(state.records.map((record) => record.actionId));
  const released = new Set(state.contingencies.map((c) => c.actionId));
  return drill.steps.flatMap((step) =>
    step.expected.flatMap((action) => {
      if (!action.contingency || recorded.has(action.id) || released.has(action.id)) return [];
      const deadline = actionDeadline(drill, state, action.id);
      return deadline !== null && deadline <= now ? [action.id] : [];
    }),
  );
}
