/**
 * A scripted trainee for tests: a session with the "ask" policy in which someone mostly takes
 * the best candidate, sometimes the second, sometimes leaves a slot open, and sends a raised
 * response level and an injected call. Used by the unit tests and the end-to-end tests (the
 * same command log must replay to the same trace in Node and in the browser).
 */
import type { Scenario } from '../src/scenarios/schema.ts';
import { Session } from '../src/sim/session.ts';

/** A trainee who sometimes picks another unit, leaves a slot open, and sends orders of the day. */
export function playSession(scenario: Scenario, seed: number): Session {
  const session = new Session(scenario, seed, { policy: 'ask' });
  let step = 0;
  for (let r = session.advance(2000); r.status !== 'finished'; r = session.advance(2000)) {
    step++;
    if (step === 3) session.submit({ type: 'responseLevel', level: 2 }, { source: 'drill' });
    if (step === 5) {
      session.submit(
        {
          type: 'call',
          kind: scenario.incidentKinds[0].id,
          district: scenario.districts[0].id,
          severity: 2,
        },
        { source: 'drill', id: 'inject-1', at: session.time + 600 },
      );
    }
    if (r.status !== 'decision') continue;
    const answer = r.decision.slots.map(({ slot, candidates }, k) => {
      const pick =
        step % 7 === 0 ? candidates[1] : step % 11 === 0 && k === 0 ? undefined : candidates[0];
      return { slot, unit: pick?.unit ?? null };
    });
    // A unit may fill one slot only.
    const used = new Set<string>();
    for (const entry of answer) {
      if (entry.unit !== null && used.has(entry.unit)) entry.unit = null;
      if (entry.unit !== null) used.add(entry.unit);
    }
    session.answer(answer);
  }
  return session;
}
