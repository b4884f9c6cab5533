/**
 * Whether results still belong to the scenario open in the workspace. Results are computed from
 * the scenario as it was when they ran; when the workspace has since moved on — another scenario
 * opened from the library, an edit, an import — every view that shows them (results, print,
 * comparison, replay) says so and offers to run again. Pure: tested in Node
 * (tests/unit/freshness.test.ts).
 */
import type { ScenarioDoc } from '../workspace/history.ts';

export type Freshness =
  /** The results are of the scenario open now, exactly as it is. */
  | { kind: 'current' }
  /** The same scenario (its id), changed since the run: an edit, an import, undo. */
  | { kind: 'edited'; ranName: string }
  /** Another scenario is open now. */
  | { kind: 'other'; ranName: string; openName: string };

function nameOf(doc: ScenarioDoc): string {
  if (typeof doc.name === 'string' && doc.name) return doc.name;
  return typeof doc.id === 'string' ? doc.id : '';
}

/**
 * The results of `ran` compared with the workspace's `open` document. The same document object is
 * current at once; otherwise equal content is current (an undo back to it, a file reopened), and
 * the documents' ids tell an edit from another scenario.
 */
export function freshness(ran: ScenarioDoc, open: ScenarioDoc): Freshness {
  if (ran === open) return { kind: 'current' };
  if (ran.id !== open.id) return { kind: 'other', ranName: nameOf(ran), openName: nameOf(open) };
  if (JSON.stringify(ran) === JSON.stringify(open)) return { kind: 'current' };
  return { kind: 'edited', ranName: nameOf(ran) };
}
