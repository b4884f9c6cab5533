/**
 * The "why" of one dispatch, read from the decision the run made (a run made to be explained
 * keeps its decisions in the trace): the units that could have filled the slot, with the travel
 * and order-delay estimates the policy weighed, and the one sent.
 */
import type { Trace } from '../trace.ts';

export interface WhyCandidate {
  unit: number;
  /** Travel from where the unit was, at emergency speed (s; NaN for pooled units). */
  travelSeconds: number;
  /** Expected wait before its order would arrive (approvals, requests), s. */
  orderDelaySeconds: number;
  chosen: boolean;
}

export interface DispatchReasons {
  /** The decision's number among the run's decisions. */
  decision: number;
  slot: number;
  /** The capability the slot needed. */
  capability: string;
  /** The best units that could have filled the slot (and the one sent), best estimate first. */
  candidates: WhyCandidate[];
  /** How many units were free and capable for the slot. */
  total: number;
}

/**
 * The decision behind dispatch record `record`, or null when the trace kept no decisions (or
 * the record is not a dispatch the decisions know).
 */
export function dispatchReasons(trace: Trace, record: number): DispatchReasons | null {
  const table = trace.decisions;
  if (!table) return null;
  const incident = trace.incident[record];
  const unit = trace.unit[record];
  // The last decision made before the record was written…
  let low = 0;
  let high = table.count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (table.record[middle] <= record) low = middle + 1;
    else high = middle;
  }
  // …that sent this unit to this incident.
  for (let d = low - 1; d >= 0; d--) {
    if (table.incident[d] !== incident) continue;
    for (let c = table.start[d]; c < table.start[d + 1]; c++) {
      if (table.candidateUnit[c] !== unit || !table.candidateChosen[c]) continue;
      const slot = table.candidateSlot[c];
      const candidates: WhyCandidate[] = [];
      const total = table.candidateTotal[c];
      for (let k = table.start[d]; k < table.start[d + 1]; k++) {
        if (table.candidateSlot[k] !== slot) continue;
        candidates.push({
          unit: table.candidateUnit[k],
          travelSeconds: table.candidateTravel[k],
          orderDelaySeconds: table.candidateDelay[k],
          chosen: table.candidateChosen[k] === 1,
        });
      }
      return {
        decision: d,
        slot,
        capability: table.capabilities[table.candidateCapability[c]] ?? '',
        candidates,
        total,
      };
    }
  }
  return null;
}
