/**
 * The trainee's seat, worker side (src/worker/trainingApi.ts): the journal of the trainee's
 * actions resumes a session exactly (the autosave after a reload), a journal cut at a call takes
 * the seat again from there, and an action the session refuses is not journalled.
 */
import { describe, expect, it } from 'vitest';
import { builtinExercise, type Exercise } from '../../src/training/api.ts';
import {
  trainingApi,
  type SeatAction,
  type SeatJournal,
  type SeatState,
} from '../../src/worker/trainingApi.ts';
import { journalBeforeCall, seatRecord } from '../../src/ui/training/journal.ts';

const exercise: Exercise = {
  ...builtinExercise('lincheng-morning')!,
  window: { start: '09:00', end: '09:15' },
};

async function open(journal: SeatJournal, rebase = false) {
  const opened = await trainingApi.seatOpen(journal, 'zh', { rebase });
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return opened;
}

/** Plays the window: every call picked up and judged, every decision answered with its second unit. */
function play(key: string, state: SeatState): { state: SeatState; journal: SeatJournal } {
  let journal: SeatJournal | null = null;
  const act = (action: SeatAction) => {
    const result = trainingApi.seatAct(key, action);
    if (!result.ok) throw new Error(result.message);
    journal = result.journal;
    return result.state;
  };
  for (let round = 0; round < 100 && state.stop !== 'windowEnd'; round++) {
    state = act({ type: 'step' });
    if (state.stop === 'call') {
      const call = state.ringing!;
      act({ type: 'pickUp', call });
      state = act({
        type: 'triage',
        call,
        judgement: {
          kind: null,
          severity: 4,
          channel: 'emergency',
          maritime: false,
          specialPlan: false,
          duplicateOf: null,
        },
      });
    } else if (state.stop === 'decision') {
      const { decision } = state.openDecision!;
      const answer = decision.slots.map(
        ({ slot, candidates }): { slot: number; unit: string | null } => ({
          slot,
          unit: (candidates[1] ?? candidates[0])?.unit ?? null,
        }),
      );
      for (let k = 1; k < answer.length; k++)
        if (answer.slice(0, k).some((a) => a.unit === answer[k].unit)) answer[k].unit = null;
      act({
        type: 'answer',
        decision: decision.number,
        incident: decision.incident,
        answer,
      });
      state = act({
        type: 'linkage',
        incident: decision.incident,
        agencies: [],
        approvalPath: 'none',
      });
    }
  }
  return { state, journal: journal! };
}

describe('the seat in the worker', () => {
  it('resumes a session from its journal: the same desk, the same file and score', async () => {
    const fresh: SeatJournal = {
      exercise,
      seed: exercise.seed,
      trainee: { name: '李静', id: 'JJ-01' },
      actions: [],
      wall: [],
    };
    const first = await open(fresh);
    const played = play(first.setup.key, first.state);
    expect(played.state.calls).toHaveLength(3);
    // What the seat shows after the trainee's actions: three calls, each picked up and judged.
    const record = seatRecord(played.journal.actions);
    expect([...record.pickedUp]).toEqual([0, 1, 2]);
    expect(record.answeredIncidents.size).toBeGreaterThan(0);
    expect(played.state.tracking.some((event) => event.kind === 'dispatched')).toBe(true);
    const journal = structuredClone(played.journal);
    const done = trainingApi.seatFinish(first.setup.key);

    const resumed = await open(journal);
    expect(resumed.state.time).toBe(played.state.time);
    expect(resumed.state.calls).toEqual(played.state.calls);
    expect(resumed.state.tracking).toEqual(played.state.tracking);
    const again = trainingApi.seatFinish(resumed.setup.key);
    expect(again.file.result).toEqual(done.file.result);
    // The wall-clock readings are the journal's: the same answer times, the same score.
    expect(again.file.stamps).toEqual(done.file.stamps);
    expect(again.sheet.score).toBe(done.sheet.score);
    expect(again.sheet.costs.length).toBeGreaterThan(0);
  }, 120_000);

  it('takes the seat again from the second call: what came before is kept, the call rings now', async () => {
    const first = await open({
      exercise,
      seed: exercise.seed,
      trainee: { name: '', id: '' },
      actions: [],
      wall: [],
    });
    const played = play(first.setup.key, first.state);
    trainingApi.seatFinish(first.setup.key);
    const cut = journalBeforeCall(played.journal, 1);
    const before = Date.now();
    const again = await open(cut, true);
    expect(again.state.stop).toBe('call');
    expect(again.state.ringing).toBe(1);
    const record = seatRecord(again.journal.actions);
    expect(record.pickedUp.has(0)).toBe(true);
    expect(record.pickedUp.has(1)).toBe(false);
    // Rebased: the call that rings again rang a moment ago, not when it first did.
    const readings = again.journal.wall.flat();
    expect(Math.max(...readings)).toBeGreaterThanOrEqual(before);
    trainingApi.seatFinish(again.setup.key);
  }, 120_000);

  it('refuses an answer the session cannot take and does not journal it', async () => {
    const first = await open({
      exercise,
      seed: exercise.seed,
      trainee: { name: '', id: '' },
      actions: [],
      wall: [],
    });
    let state = first.state;
    while (state.stop !== 'decision') {
      const result = trainingApi.seatAct(first.setup.key, { type: 'step' });
      if (!result.ok) throw new Error(result.message);
      state = result.state;
    }
    const { decision } = state.openDecision!;
    const refused = trainingApi.seatAct(first.setup.key, {
      type: 'answer',
      decision: decision.number + 1,
      incident: decision.incident,
      answer: [],
    });
    expect(refused.ok).toBe(false);
    expect(refused.state.openDecision?.decision.number).toBe(decision.number);
    const next = trainingApi.seatAct(first.setup.key, { type: 'step' });
    expect(next.ok && next.journal.actions.every((a) => a.type !== 'answer')).toBe(true);
    trainingApi.seatFinish(first.setup.key);
  }, 120_000);
});
