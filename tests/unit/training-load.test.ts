/**
 * In the browser the cities are chunks of their own: an exercise's built-in scenario is fetched
 * (loadExerciseScenario) before the exercise runs; nothing here makes the cities synchronously.
 */
import { describe, expect, it } from 'vitest';
import {
  builtinExercise,
  loadExerciseScenario,
  parseExercise,
  referenceSession,
  scoreSession,
} from '../../src/training/api.ts';

describe('an exercise’s built-in scenario, loaded on demand', () => {
  it('is fetched before the exercise runs, and the exercise then runs and scores', async () => {
    const exercise = builtinExercise('zhoushan-morning')!;
    expect(parseExercise(exercise).ok).toBe(true);
    expect(() => referenceSession(exercise)).toThrow(/not loaded yet/);
    await loadExerciseScenario(exercise);
    expect(scoreSession(referenceSession(exercise)).score).toBe(100);
    const late = parseExercise({ ...exercise, window: { start: 'd30 08:00', end: 'd30 09:00' } });
    expect(!late.ok && late.problems[0].path).toBe('window.end');
  }, 60_000);
});
